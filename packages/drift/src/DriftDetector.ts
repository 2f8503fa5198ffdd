import { NAN } from './math.js';

/** What one `update(x)` reports. */
export interface DriftResult {
  /** A change was detected at this item. */
  drift: boolean;
  /** The detector is in its warning zone at this item (always false for detectors without one). */
  warning: boolean;
  /** The detector's current estimate of the monitored quantity (e.g. window mean), when it has one. */
  estimate: number | undefined;
  /** The test statistic evaluated at this item (0 while warming up), named by {@link DriftDetector.statisticName}. */
  statistic: number;
  /** The level the statistic is compared against for drift (NaN while warming up). */
  threshold: number;
}

/**
 * The streaming contract every detector implements.
 *
 * `update` returns the same result object on every call, overwritten in place (no allocation per item):
 * copy the fields you need before the next call.
 */
export interface DriftDetector<State = unknown> {
  /** Short kind name: `adwin`, `page-hinkley`, `ddm`, `eddm`, `kswin`, `psi`, `ks`. */
  readonly kind: string;
  /** What {@link DriftResult.statistic} measures, e.g. `|mean(W0) - mean(W1)|` for ADWIN. */
  readonly statisticName: string;
  /** Feeds one item. Invalid input throws `InvalidArgumentError` and leaves the state unchanged. */
  update(x: number): Readonly<DriftResult>;
  /** Forgets everything seen; the configuration stays. */
  reset(): void;
  /** Plain JSON-serializable data; the class's static `fromState` continues exactly from it. */
  getState(): State;
}

/** A fresh result for a detector to own and overwrite. */
export function createResult(): DriftResult {
  return { drift: false, warning: false, estimate: undefined, statistic: 0, threshold: NAN };
}
