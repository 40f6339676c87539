/**
 * Reading the parts of a .docx without trusting it. A Word file is a zip archive, and a hostile one
 * can claim small sizes and inflate to gigabytes (a zip bomb), hold thousands of entries, or be cut
 * short. The archive's own directory is read first (fflate) and checked against limits; then only
 * the wanted parts are inflated, streaming, with a byte counter that stops the moment a part grows
 * past what its header claimed or past the limits — so time and memory stay bounded whatever the
 * file says about itself.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync } from 'fflate';
import { ImportError } from '../errors.js';

/** A part's name as a message shows it: a damaged file's names can be any bytes, of any length. */
function shown(name: string): string {
  const printable = name.replace(/[^\p{L}\p{N}\p{P}\p{S} ]+/gu, '?');
  return JSON.stringify(printable.length > 60 ? `${printable.slice(0, 59)}…` : printable);
}

export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed size of one part. */
  maxEntryBytes: number;
  /** Uncompressed size of all the parts read. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, checked for parts larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 96 * 1024 * 1024,
  maxRatio: 120,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  size: number;
}

const CHUNK = 16 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The archive's directory, checked against the limits before anything is inflated. */
export function listZipEntries(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, compressedSize: file.size, size: file.originalSize });
        return false;
      },
    });
  } catch {
    throw new ImportError('the Word file is damaged or truncated (its zip directory cannot be read)');
  }
  if (entries.length > limits.maxEntries) {
    throw new ImportError(`the Word file has ${entries.length} parts (limit ${limits.maxEntries}): refused as unsafe`);
  }
  for (const entry of entries) checkClaimedSize(entry, limits);
  return entries;
}

function checkClaimedSize(entry: ZipEntryInfo, limits: ZipLimits): void {
  if (entry.size > limits.maxEntryBytes) {
    throw new ImportError(
      `the Word file is too large once unpacked: ${shown(entry.name)} is ${megabytes(entry.size)} (limit ${megabytes(limits.maxEntryBytes)})`,
    );
  }
  if (entry.size > limits.ratioFloorBytes && entry.size > entry.compressedSize * limits.maxRatio) {
    throw new ImportError(
      `the Word file looks like a zip bomb: ${shown(entry.name)} expands ${Math.round(entry.size / Math.max(1, entry.compressedSize))} times`,
    );
  }
}

class LimitExceeded extends Error {}

/**
 * Inflates the entries whose names `wanted` accepts. Each is held to its declared size, the per-part
 * limit and the total limit while it inflates.
 */
export function readZipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  const declared = new Map(listZipEntries(bytes, limits).map((e) => [e.name, e]));
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let failure: ImportError | null = null;

  const unzip = new Unzip((file) => {
    if (!wanted(file.name)) return;
    const info = declared.get(file.name);
    // A part missing from the directory, or listed with another size, is a forged archive.
    const allowed = Math.min(info?.size ?? 0, limits.maxEntryBytes);
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (error) {
        // fflate reports our own LimitExceeded back through here: keep the first, precise reason.
        failure ??= new ImportError(`the Word file is damaged: ${shown(file.name)} cannot be unpacked`);
        throw new LimitExceeded();
      }
      size += chunk.length;
      total += chunk.length;
      if (size > allowed) {
        failure = new ImportError(
          info && size > info.size
            ? `the Word file looks like a zip bomb: ${shown(file.name)} inflates past its declared size`
            : `the Word file is too large once unpacked: ${shown(file.name)} exceeds ${megabytes(limits.maxEntryBytes)}`,
        );
        throw new LimitExceeded();
      }
      if (total > limits.maxTotalBytes) {
        failure = new ImportError(`the Word file is too large once unpacked (limit ${megabytes(limits.maxTotalBytes)} in all)`);
        throw new LimitExceeded();
      }
      chunks.push(chunk);
      if (final) out.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);

  try {
    for (let offset = 0; offset < bytes.length; offset += CHUNK) {
      unzip.push(bytes.subarray(offset, Math.min(offset + CHUNK, bytes.length)), offset + CHUNK >= bytes.length);
    }
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof LimitExceeded) throw new ImportError('the Word file is damaged');
    throw new ImportError('the Word file is damaged or truncated (a part cannot be unpacked)');
  }
  if (failure) throw failure;
  return out;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
