import type { NotificationEvent, Notifier } from './Notifier.js';

/** Sends every event to each of several notifiers (email and chat, say); one failing never affects the others. */
export class CompositeNotifier implements Notifier {
  readonly #targets: readonly Notifier[];

  constructor(targets: readonly Notifier[]) {
    this.#targets = [...targets];
  }

  notify(event: NotificationEvent): void {
    for (const target of this.#targets) {
      try {
        target.notify(event);
      } catch {
        // A Notifier must not throw; a faulty one must not stop delivery to the rest.
      }
    }
  }

  async flush(timeoutMs?: number): Promise<void> {
    await Promise.allSettled(this.#targets.map((t) => t.flush(timeoutMs)));
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.#targets.map((t) => t.close()));
  }
}
