import { type JsonNumber, fromJsonArray, toJsonArray } from './jsonNumbers.js';

export interface MonotonicDequeState {
  values: JsonNumber[];
  positions: number[];
  head: number;
  size: number;
  position: number;
}

/**
 * Sliding-window maximum (or minimum) in O(1) amortized: a deque of candidates whose values decrease
 * (increase) from front to back; a new value evicts the back candidates it dominates and the front
 * leaves when it falls out of the window. Capacity `period` suffices since every candidate is in the window.
 * @see https://en.wikipedia.org/wiki/Sliding_window_minimum (ascending minima)
 */
export class MonotonicDeque {
  readonly period: number;
  readonly isMax: boolean;
  readonly #values: Float64Array;
  readonly #positions: Float64Array;
  #head = 0;
  #size = 0;
  /** Number of values pushed so far. */
  #position = 0;

  constructor(period: number, isMax: boolean) {
    this.period = period;
    this.isMax = isMax;
    this.#values = new Float64Array(period);
    this.#positions = new Float64Array(period);
  }

  get count(): number {
    return this.#position;
  }

  /** Pushes `value` and returns the extreme of the last `period` values. */
  push(value: number): number {
    const period = this.period;
    const values = this.#values;
    const positions = this.#positions;
    const position = this.#position;
    let size = this.#size;
    let head = this.#head;
    // Drop the front if it left the window.
    if (size > 0 && (positions[head] as number) <= position - period) {
      head = head + 1 === period ? 0 : head + 1;
      size--;
    }
    // Evict dominated candidates from the back.
    if (this.isMax) {
      while (size > 0) {
        let back = head + size - 1;
        if (back >= period) back -= period;
        if ((values[back] as number) > value) break;
        size--;
      }
    } else {
      while (size > 0) {
        let back = head + size - 1;
        if (back >= period) back -= period;
        if ((values[back] as number) < value) break;
        size--;
      }
    }
    let tail = head + size;
    if (tail >= period) tail -= period;
    values[tail] = value;
    positions[tail] = position;
    this.#size = size + 1;
    this.#head = head;
    this.#position = position + 1;
    return values[head] as number;
  }

  reset(): void {
    this.#head = 0;
    this.#size = 0;
    this.#position = 0;
  }

  getState(): MonotonicDequeState {
    return {
      values: toJsonArray(this.#values),
      positions: Array.from(this.#positions),
      head: this.#head,
      size: this.#size,
      position: this.#position,
    };
  }

  static fromState(state: MonotonicDequeState, isMax: boolean): MonotonicDeque {
    const deque = new MonotonicDeque(state.values.length, isMax);
    deque.#values.set(fromJsonArray(state.values));
    deque.#positions.set(state.positions);
    deque.#head = state.head;
    deque.#size = state.size;
    deque.#position = state.position;
    return deque;
  }
}
