import type { Indicator } from './Indicator.js';
import { NotEnoughDataError } from './NotEnoughDataError.js';

/**
 * Shared mechanics of the streaming contract. A subclass implements `step` (consume one input) and
 * `save`/`restore` (copy its O(1) undo information), and `replace` becomes "restore, then step".
 */
export abstract class IndicatorBase<Result, Input> implements Indicator<Result, Input> {
  protected result: Result | null = null;
  /** Whether `save()` ran since the last reset, so `replace` may undo the last `add`. */
  protected canUndo = false;

  protected abstract step(input: Input): Result | null;
  /** Stores the state `step` is about to change. */
  protected abstract save(): void;
  /** Puts back the state stored by `save`. */
  protected abstract restore(): void;
  abstract getRequiredInputs(): number;
  abstract reset(): void;

  get isStable(): boolean {
    return this.result !== null;
  }

  add(input: Input): Result | null {
    this.save();
    this.canUndo = true;
    return this.step(input);
  }

  replace(input: Input): Result | null {
    if (this.canUndo) this.restore();
    else {
      this.save();
      this.canUndo = true;
    }
    return this.step(input);
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
