import type { Clock } from './Clock.js';

/** The wall clock: `Date.now()` and Node timers. The only place in the libraries that reads real time. */
export class LiveClock implements Clock {
  readonly #timers = new Map<string, NodeJS.Timeout>();

  now(): number {
    return Date.now();
  }

  setTimer(name: string, intervalMs: number, onFire: (time: number) => void): void {
    if (!(intervalMs > 0) || !Number.isFinite(intervalMs))
      throw new RangeError(`Invalid "intervalMs" for timer "${name}": expected a finite number > 0, received "${intervalMs}".`);
    this.cancelTimer(name);
    this.#timers.set(name, setInterval(() => onFire(Date.now()), intervalMs));
  }

  setTimeAlert(name: string, time: number, onFire: (time: number) => void): void {
    this.cancelTimer(name);
    const handle = setTimeout(() => {
      this.#timers.delete(name);
      onFire(Date.now());
    }, Math.max(0, time - Date.now()));
    this.#timers.set(name, handle);
  }

  cancelTimer(name: string): void {
    const handle = this.#timers.get(name);
    if (handle === undefined) return;
    clearTimeout(handle);
    clearInterval(handle);
    this.#timers.delete(name);
  }
}
