/**
 * The import batches running now, by the id the renderer chose, so a later call can cancel one.
 * A cancel may overtake its batch's import call (two IPC calls race); it is remembered, and that
 * batch starts already aborted.
 */
export class ImportBatches {
  private readonly running = new Map<string, AbortController>();
  private readonly cancelledEarly = new Set<string>();

  /** Runs `work` as batch `id` with a signal that `cancel(id)` aborts. */
  async run<T>(id: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (this.cancelledEarly.delete(id)) controller.abort();
    this.running.set(id, controller);
    try {
      return await work(controller.signal);
    } finally {
      this.running.delete(id);
    }
  }

  cancel(id: string): void {
    const controller = this.running.get(id);
    if (controller) controller.abort();
    // Bounded: ids cancelled before (or long after) their batch must not pile up.
    else if (this.cancelledEarly.size < 1000) this.cancelledEarly.add(id);
  }

  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }
}
