import type { KillSwitchSource } from './KillSwitchSource.type.js';

/**
 * A latched kill switch. Once tripped (manually, or by a polled source) it stays tripped until
 * `release()` is called by a person: a flag file being removed does not re-arm trading by itself.
 * While tripped, the risk engine approves only reducing orders (`exit`, `reduce`).
 *
 * Reading it is a field read, so the engine checks it on every tick; sources that do I/O are
 * polled off the hot path with `poll()` (e.g. on a 1 s timer).
 */
export class KillSwitch {
  #trippedBy: string | null = null;

  /** True while tripped. */
  get isTripped(): boolean {
    return this.#trippedBy !== null;
  }

  /** Name of the source that tripped it first (`manual`, a file path, an env var), or null. */
  get trippedBy(): string | null {
    return this.#trippedBy;
  }

  /** Trips the switch. The first source is kept; later trips are no-ops. */
  trip(source = 'manual'): void {
    if (this.#trippedBy === null) this.#trippedBy = source;
  }

  /** Re-arms trading. A source still signalling trips it again at the next `poll()`. */
  release(): void {
    this.#trippedBy = null;
  }

  /** Asks each source once and trips on the first that signals. Returns `isTripped`. */
  poll(sources: readonly KillSwitchSource[]): boolean {
    for (const source of sources) {
      if (source.isSignalled()) this.trip(source.name);
    }
    return this.isTripped;
  }
}
