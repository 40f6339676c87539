/**
 * The one size limit of a document, the same for open, save, recovery snapshot and IPC: its
 * `.plenary` JSON, as Plenary writes it, is at most this many UTF-16 units (about as many bytes).
 * A 1,100-item resolution with 500 tracked changes is about 2 MB; 32 Mi leaves room for the
 * largest Council documents while a renderer and a host can still hold several copies.
 *
 * Before, a 35 MB `.plenary` opened (the file limit was 64 MB) but could not be saved or
 * snapshotted (IPC refused it): work done and then refused. Now what opens can be saved.
 */
export const DOCUMENT_SIZE_LIMIT = 32 * 1024 * 1024;

export function documentTooLarge(length: number): string {
  const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `the document is ${mb(length)} as a .plenary file; the limit is ${mb(DOCUMENT_SIZE_LIMIT)}`;
}
