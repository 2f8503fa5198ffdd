import type { Indicator } from './Indicator.js';
import { NotEnoughDataError } from './NotEnoughDataError.js';

/**
 * Shared mechanics of the streaming contract. A subclass implements `add` (set `canUndo`, store the O(1) undo
 * information it is about to overwrite, consume the input) and `restore` (put that back), and `replace` becomes
 * "restore, then add". Each class has its own `add` rather than a shared one calling a virtual `step`: the
 * shared call site would see every indicator class and stay megamorphic on the hot path.
 */
export abstract class IndicatorBase<Result, Input> implements Indicator<Result, Input> {
  protected result: Result | null = null;
  /** Whether an `add` ran since the last reset, so `replace` may undo it. */
  protected canUndo = false;

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
    if (this.result === null) {
      throw new NotEnoughDataError({ indicator: this.constructor.name, requiredInputs: this.getRequiredInputs() });
    }
    return this.result;
  }
}
