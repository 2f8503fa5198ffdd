import type { Indicator } from './Indicator.js';
import { NotEnoughDataError } from './NotEnoughDataError.js';

/**
 * Shared mechanics of the streaming contract. A subclass implements `add` (set `canUndo`, store the O(1) undo
 * information it is about to overwrite, consume the input) and `restore` (put that back), and `replace` becomes
 * "restore, then add". Each class has its own `add` rather than a shared one calling a virtual `step`: the
 * shared call site would see every indicator class and stay megamorphic on the hot path.
 *
 * Where the result is kept is up to the two bases below: {@link NumericIndicatorBase} (one number, in a
 * double field) and {@link ObjectIndicatorBase} (a reused result object).
 */
export abstract class IndicatorBase<Result, Input> implements Indicator<Result, Input> {
  /** Whether an `add` ran since the last reset, so `replace` may undo it. */
  protected canUndo = false;

  /** The latest result, or `null` while warming up (and after a reset). */
  protected abstract get result(): Result | null;
  protected abstract set result(value: Result | null);

  /** Consumes one input; first sets `canUndo` and stores what it overwrites so that `restore` can undo it. */
  abstract add(input: Input): Result | null;
  /** Undoes the last `add`. */
  protected abstract restore(): void;
  abstract getRequiredInputs(): number;
  abstract reset(): void;

  get isStable(): boolean {
    return this.result !== null;
  }

  replace(input: Input): Result | null {
    if (this.canUndo) this.restore();
    return this.add(input);
  }

  update(input: Input, replace: boolean): Result | null {
    return replace ? this.replace(input) : this.add(input);
  }

  getResult(): Result | null {
    return this.result;
  }

  getResultOrThrow(): Result {
    const result = this.result;
    if (result === null) {
      throw new NotEnoughDataError({ indicator: this.constructor.name, requiredInputs: this.getRequiredInputs() });
    }
    return result;
  }
}

/**
 * Base of the indicators whose result is one number, kept in the plain double field {@link value}:
 * reading it allocates nothing, where `add`'s `number | null` return, once read, makes V8 box the number
 * (one heap allocation per indicator per bar). Each subclass's `add` writes `value` and `stable`
 * itself: a shared setter would see every indicator class and turn megamorphic (4× slower streaming).
 */
export abstract class NumericIndicatorBase<Input> extends IndicatorBase<number, Input> {
  /** The latest result, NaN while warming up: the allocation-free read for hot loops. Written only by the indicator. */
  value = Number.NaN;
  /** Whether `value` holds a result (a result may itself be NaN). */
  protected stable = false;

  /** For the cold paths (reset, checkpoints); `add` writes the fields directly. */
  protected get result(): number | null {
    return this.stable ? this.value : null;
  }

  protected set result(value: number | null) {
    this.stable = value !== null;
    this.value = value ?? Number.NaN;
  }

  override get isStable(): boolean {
    return this.stable;
  }
}

/** Base of the multi-output indicators: the result is one object, reused by every `add`. */
export abstract class ObjectIndicatorBase<Result, Input> extends IndicatorBase<Result, Input> {
  #result: Result | null = null;

  protected get result(): Result | null {
    return this.#result;
  }

  protected set result(value: Result | null) {
    this.#result = value;
  }
}
