/**
 * The streaming contract every indicator implements (EXAMPLES.md §6).
 *
 * - `add` consumes one input and returns the result, or `null` while warming up.
 * - `replace` updates the still-open bar: it undoes the last `add` and applies the new input. Indicators that
 *   cannot undo in O(1) (the monotonic-deque ones) throw `UnsupportedOperationError`; see the README table.
 * - Multi-output indicators return the same result object on every call (no allocation per update):
 *   copy its fields if you need to keep them.
 */
export interface Indicator<Result = number, Input = number> {
  /** `true` once `getResult()` is not `null`. */
  readonly isStable: boolean;
  add(input: Input): Result | null;
  replace(input: Input): Result | null;
  /** `replace ? this.replace(input) : this.add(input)`. */
  update(input: Input, replace: boolean): Result | null;
  /** The latest result, or `null` while warming up. */
  getResult(): Result | null;
  /** The latest result; throws `NotEnoughDataError` while warming up. */
  getResultOrThrow(): Result;
  /** Number of inputs before the first result (the warm-up length). */
  getRequiredInputs(): number;
  /** Back to the freshly constructed state. */
  reset(): void;
}

/** An indicator whose result is one number. */
export interface NumericIndicator<Input = number> extends Indicator<number, Input> {
  /** The latest result, NaN while warming up. Unlike `getResult()` (and `add`'s return), reading it never allocates. */
  readonly value: number;
}

/** The bar fields that range-based indicators read; a `Bar` satisfies it. */
export interface HighLowClose {
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** The bar fields that volume-based indicators read; a `Bar` satisfies it. */
export interface HighLowCloseVolume extends HighLowClose {
  readonly volume: number;
}

/** Columns for the batch form of range-based indicators; a `BarSeries` satisfies it. */
export interface HighLowCloseColumns {
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
}

/** Columns for the batch form of volume-based indicators; a `BarSeries` satisfies it. */
export interface HighLowCloseVolumeColumns extends HighLowCloseColumns {
  readonly volume: Float64Array;
}
