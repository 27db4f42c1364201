/**
 * Runs async tasks one at a time, in order. A room's commands go through one queue so that
 * each is decided on the state left by the previous one and the log's order is the decision order.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task, task);
    // A failed task must not block the ones behind it; its caller still sees the failure.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
