import { InvalidArgumentError } from '../InvalidArgumentError.js';

/**
 * Order submission times, oldest first, for the order-rate limit: a ring-buffer deque that drops
 * times from the front once they leave the window. Recording and counting are O(1) amortized (each
 * time is appended once and dropped once), and memory follows the orders inside the window, not
 * `maxOrdersPerWindow`. Pass it as the snapshot's `recentOrderTimestamps`.
 *
 * Times must be recorded in order, and counting windows must move forward: `countInWindow(from, to)`
 * forgets every time at or before `from` for good.
 */
export class OrderTimestampWindow {
  #times = new Float64Array(8);
  /** Index of the oldest time. */
  #head = 0;
  #size = 0;

  /** Times currently kept (those not yet dropped from the front). */
  get length(): number {
    return this.#size;
  }

  /** Slots allocated: the most times ever kept at once, rounded up to a power of two (at least 8). */
  get capacity(): number {
    return this.#times.length;
  }

  /**
   * Appends an order time, epoch ms.
   * @throws InvalidArgumentError when `time` is not finite or is before the newest recorded time.
   */
  record(time: number): void {
    const newest = this.#size === 0 ? Number.NEGATIVE_INFINITY : this.#at(this.#size - 1);
    if (!(Number.isFinite(time) && time >= newest)) {
      throw new InvalidArgumentError({ argument: 'time', expected: `a finite time >= the newest recorded time (${newest})`, received: time });
    }
    if (this.#size === this.#times.length) this.#grow();
    this.#times[(this.#head + this.#size) & (this.#times.length - 1)] = time;
    this.#size++;
  }

  /** Orders in (from, to]; drops the times at or before `from` first. */
  countInWindow(from: number, to: number): number {
    const times = this.#times;
    while (this.#size > 0 && (times[this.#head] as number) <= from) {
      this.#head = this.#head + 1 === times.length ? 0 : this.#head + 1;
      this.#size--;
    }
    // Times after `to` (recorded ahead of the asked time) do not count: scanned from the newest end.
    let count = this.#size;
    while (count > 0 && this.#at(count - 1) > to) count--;
    return count;
  }

  /** The kept times, oldest first (for checkpoints). */
  toArray(): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.#size; k++) out.push(this.#at(k));
    return out;
  }

  /** Forgets every time. */
  clear(): void {
    this.#head = 0;
    this.#size = 0;
  }

  /** The k-th kept time. The capacity is a power of two, so a mask wraps the index (`%` is an integer division). */
  #at(k: number): number {
    return this.#times[(this.#head + k) & (this.#times.length - 1)] as number;
  }

  #grow(): void {
    const bigger = new Float64Array(this.#times.length * 2);
    for (let k = 0; k < this.#size; k++) bigger[k] = this.#at(k);
    this.#times = bigger;
    this.#head = 0;
  }
}
