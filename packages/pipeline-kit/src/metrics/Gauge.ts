/** A value that goes up and down (open positions, equity, queue depth); reports the last value set. */
export class Gauge {
  readonly name: string;
  readonly unit: string | undefined;
  #value = 0;

  constructor(name: string, unit?: string) {
    this.name = name;
    this.unit = unit;
  }

  set(value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`Invalid value for gauge "${this.name}": expected a finite number, received "${value}".`);
    this.#value = value;
  }

  add(delta: number): void {
    this.set(this.#value + delta);
  }

  get value(): number {
    return this.#value;
  }
}
