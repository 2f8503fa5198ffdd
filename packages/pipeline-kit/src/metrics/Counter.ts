/** A cumulative count (orders sent, bars processed); never decreases, never reset by a flush. */
export class Counter {
  readonly name: string;
  readonly unit: string | undefined;
  #value = 0;

  constructor(name: string, unit?: string) {
    this.name = name;
    this.unit = unit;
  }

  /** Adds `n` (default 1), a finite number >= 0. */
  inc(n = 1): void {
    if (!(n >= 0) || n === Number.POSITIVE_INFINITY)
      throw new RangeError(`Invalid increment for counter "${this.name}": expected a finite number >= 0, received "${n}".`);
    this.#value += n;
  }

  get value(): number {
    return this.#value;
  }
}
