import type { DeviationKind } from './BollingerBands.js';
import { NumericIndicatorBase } from './IndicatorBase.js';
import { requireInteger, requireOneOf } from './parameters.js';
import { RollingMoments, type RollingMomentsState } from './RollingMoments.js';

export interface RollingStatisticState {
  period: number;
  deviation: DeviationKind;
  moments: RollingMomentsState;
  last: number | null;
  undoLast: number | null;
  canUndo: boolean;
}

/** Shared mechanics of indicators computed from the rolling mean and standard deviation of their input. */
export abstract class RollingStatistic extends NumericIndicatorBase<number> {
  readonly period: number;
  readonly deviation: DeviationKind;
  protected moments: RollingMoments;
  readonly #divisor: number;
  #last = Number.NaN;
  #undoLast = Number.NaN;

  constructor(period: number, deviation: DeviationKind) {
    super();
    this.period = requireInteger('period', period, deviation === 'sample' ? 2 : 1);
    this.deviation = requireOneOf('deviation', deviation, ['population', 'sample']);
    this.#divisor = deviation === 'sample' ? period - 1 : period;
    this.moments = new RollingMoments(period);
  }

  /** The statistic from the latest input, the window mean and standard deviation. */
  protected abstract compute(value: number, mean: number, standardDeviation: number): number;

  add(value: number): number | null {
    this.canUndo = true;
    // Undo information for `replace` (saving again after a restore stores the same state).
    this.#undoLast = this.#last;
    this.#last = value;
    this.moments.push(value);
    if (!this.moments.isFull) return null;
    return this.#publish();
  }

  #publish(): number {
    const sd = Math.sqrt(this.moments.sumSquaredDeviations / this.#divisor);
    this.value = this.compute(this.#last, this.moments.mean, sd);
    this.stable = true;
    return this.value;
  }

  protected restore(): void {
    this.moments.undo();
    this.#last = this.#undoLast;
  }

  getRequiredInputs(): number {
    return this.period;
  }

  reset(): void {
    this.moments.reset();
    this.#last = Number.NaN;
    this.result = null;
    this.canUndo = false;
  }

  getState(): RollingStatisticState {
    const json = (v: number): number | null => (Number.isNaN(v) ? null : v);
    return {
      period: this.period,
      deviation: this.deviation,
      moments: this.moments.getState(),
      last: json(this.#last),
      undoLast: json(this.#undoLast),
      canUndo: this.canUndo,
    };
  }

  protected loadState(state: RollingStatisticState): void {
    this.moments = RollingMoments.fromState(state.moments);
    this.#last = state.last ?? Number.NaN;
    this.#undoLast = state.undoLast ?? Number.NaN;
    this.canUndo = state.canUndo;
    if (this.moments.isFull) this.#publish();
  }
}
