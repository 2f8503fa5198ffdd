import type { NotificationEvent, Notifier } from './Notifier.js';

/** Records every event in memory, in order: for tests, and for a dry run that prints what it would send. */
export class MemoryNotifier implements Notifier {
  readonly #events: NotificationEvent[] = [];
  #closed = false;

  get events(): readonly NotificationEvent[] {
    return this.#events;
  }

  notify(event: NotificationEvent): void {
    if (!this.#closed) this.#events.push(event);
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {
    this.#closed = true;
  }
}
