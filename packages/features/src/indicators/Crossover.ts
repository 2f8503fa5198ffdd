import { NumericIndicatorBase } from './IndicatorBase.js';

/** Two series at one bar; for a series against a fixed level pass the level as `b`. */
export interface CrossoverInput {
  readonly a: number;
  readonly b: number;
}

export interface CrossoverState {
  side: number;
  undoSide: number;
  result: number | null;
  canUndo: boolean;
}

/**
 * Crossover detection: +1 when `a` crosses above `b`, −1 when it crosses below, else 0. The side is the
 * sign of a − b; bars where a = b (touches) do not change the side, so a cross is reported on the bar
 * where a leaves the touch to the other side, once, and a touch-and-return is no cross. Warm-up: 1 input.
 */
export class Crossover extends NumericIndicatorBase<CrossoverInput> {
  /** −1 below, +1 above, 0 not yet known. */
  #side = 0;
  #undoSide = 0;

  add(input: CrossoverInput): number {
    this.canUndo = true;
    // Undo information for `replace` (saving again after a restore stores the same state).
    this.#undoSide = this.#side;
    const difference = input.a - input.b;
    const side = difference > 0 ? 1 : difference < 0 ? -1 : 0;
    let cross = 0;
    if (side !== 0) {
      if (this.#side !== 0 && side !== this.#side) cross = side;
      this.#side = side;
    }
    this.value = cross;
    this.stable = true;
    return cross;
  }

  protected restore(): void {
    this.#side = this.#undoSide;
  }

  getRequiredInputs(): number {
    return 1;
  }

  reset(): void {
    this.#side = 0;
    this.result = null;
    this.canUndo = false;
  }

  getState(): CrossoverState {
    return { side: this.#side, undoSide: this.#undoSide, result: this.result, canUndo: this.canUndo };
  }

  static fromState(state: CrossoverState): Crossover {
    const crossover = new Crossover();
    crossover.#side = state.side;
    crossover.#undoSide = state.undoSide;
    crossover.result = state.result;
    crossover.canUndo = state.canUndo;
    return crossover;
  }

  /** Batch form: `b` is a series or a fixed level. No warm-up NaN. */
  static fromBatch(a: Float64Array, b: Float64Array | number): Float64Array {
    const out = new Float64Array(a.length);
    let previous = 0;
    for (let i = 0; i < a.length; i++) {
      const difference = (a[i] as number) - (typeof b === 'number' ? b : (b[i] as number));
      const side = difference > 0 ? 1 : difference < 0 ? -1 : 0;
      out[i] = side !== 0 && previous !== 0 && side !== previous ? side : 0;
      if (side !== 0) previous = side;
    }
    return out;
  }
}
