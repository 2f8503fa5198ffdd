import type { Clock } from './Clock.js';

interface SimTimer {
  readonly name: string;
  next: number;
  readonly intervalMs: number | undefined;
  readonly onFire: (time: number) => void;
}

/**
 * A clock moved by the caller (the backtest driver, a test). `advanceTo` fires due timers in time
 * order, ties broken by name, with `now()` equal to each timer's due time while it fires, so a
 * simulated run is deterministic.
 */
export class SimClock implements Clock {
  #now: number;
  readonly #timers = new Map<string, SimTimer>();

  constructor(start = 0) {
    assertFiniteTime(start, 'start');
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimer(name: string, intervalMs: number, onFire: (time: number) => void): void {
    if (!(intervalMs > 0) || !Number.isFinite(intervalMs))
      throw new RangeError(`Invalid "intervalMs" for timer "${name}": expected a finite number > 0, received "${intervalMs}".`);
    this.#timers.set(name, { name, next: this.#now + intervalMs, intervalMs, onFire });
  }

  setTimeAlert(name: string, time: number, onFire: (time: number) => void): void {
    assertFiniteTime(time, 'time');
    this.#timers.set(name, { name, next: Math.max(time, this.#now), intervalMs: undefined, onFire });
  }

  cancelTimer(name: string): void {
    this.#timers.delete(name);
  }

  /** Moves time forward to `time`, firing every timer due at or before it. Time never goes backwards. */
  advanceTo(time: number): void {
    assertFiniteTime(time, 'time');
    if (time < this.#now) throw new RangeError(`SimClock cannot go backwards: now is ${this.#now}, advanceTo received ${time}.`);
    for (;;) {
      const due = this.#nextDue(time);
      if (due === undefined) break;
      this.#now = due.next;
      if (due.intervalMs === undefined) this.#timers.delete(due.name);
      else due.next += due.intervalMs;
      due.onFire(this.#now);
    }
    this.#now = time;
  }

  /** Moves time forward by `ms`. */
  advanceBy(ms: number): void {
    this.advanceTo(this.#now + ms);
  }

  #nextDue(limit: number): SimTimer | undefined {
    let best: SimTimer | undefined;
    for (const t of this.#timers.values()) {
      if (t.next > limit) continue;
      if (best === undefined || t.next < best.next || (t.next === best.next && t.name < best.name)) best = t;
    }
    return best;
  }
}

function assertFiniteTime(value: number, argument: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`Invalid "${argument}": expected a finite epoch-ms time, received "${value}".`);
}
