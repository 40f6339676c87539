/**
 * Runs read-modify-write steps on one file one after another. Two windows opening files at the
 * same moment would otherwise both read the old recent list and the second write would drop the
 * first file.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(step: () => Promise<T>): Promise<T> {
    const result = this.tail.then(step, step);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
