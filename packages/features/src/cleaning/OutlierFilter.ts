import { InvalidPolicyError } from './InvalidPolicyError.js';
import { RobustWindow } from './RobustWindow.js';

/** 1.4826 · MAD estimates the standard deviation of normally distributed data (1 / Φ⁻¹(3/4)). */
const MAD_TO_SIGMA = 1.4826;

export interface OutlierFilterOptions {
  /** Accepted log returns in the rolling window (integer >= 5); nothing is scored before it is full. */
  readonly window: number;
  /** Robust z-score above which a close is an outlier (> 0). */
  readonly threshold: number;
}

/**
 * Causal spike filter on closes, one close at a time (the `outlier` rule of `validateSeries`, usable
 * per tick). Each close's log return r = ln(close / reference) against the last accepted close is
 * scored against the previous `window` accepted returns: z = (r − median) / (1.4826 · MAD).
 * - A flagged close is not accepted, so a one-bar spike and its return to the old level give one flag.
 * - A move that persists is accepted on its second bar: a close right after a flagged one is never flagged.
 * - A window with MAD = 0 (flat prices) gives no verdict; a close that is not finite and > 0 is skipped.
 * Allocation-free per update; O(window) time.
 * @see P. J. Rousseeuw, C. Croux, "Alternatives to the median absolute deviation", JASA 88 (1993).
 */
export class OutlierFilter {
  readonly window: number;
  readonly threshold: number;
  #returns: RobustWindow;
  #reference = Number.NaN;
  #previousFlagged = false;
  #lastReturn = Number.NaN;

  constructor(options: OutlierFilterOptions) {
    const { window, threshold } = options;
    if (!Number.isInteger(window) || window < 5) {
      throw new InvalidPolicyError({ argument: 'window', message: `Invalid "window": expected an integer >= 5, received "${window}".` });
    }
    if (!(threshold > 0) || !Number.isFinite(threshold)) {
      throw new InvalidPolicyError({ argument: 'threshold', message: `Invalid "threshold": expected a finite number > 0, received "${threshold}".` });
    }
    this.window = window;
    this.threshold = threshold;
    this.#returns = new RobustWindow(window);
  }

  /** The last accepted close (NaN before the first), against which the next close is scored. */
  get reference(): number {
    return this.#reference;
  }

  /** The log return of the last scored close against its reference (NaN when it was skipped). */
  get lastReturn(): number {
    return this.#lastReturn;
  }

  /** Scores the next close: returns its robust z-score when it is an outlier, else `null` (and accepts it). */
  update(close: number): number | null {
    const r = Math.log(close / this.#reference);
    this.#lastReturn = r;
    if (!Number.isFinite(r)) {
      if (Number.isNaN(this.#reference) && close > 0 && Number.isFinite(close)) this.#reference = close;
      return null;
    }
    const returns = this.#returns;
    if (returns.isFull && !this.#previousFlagged) {
      const median = returns.median();
      const scale = MAD_TO_SIGMA * returns.mad(median);
      const z = (r - median) / scale;
      if (scale > 0 && Math.abs(z) > this.threshold) {
        this.#previousFlagged = true;
        return z;
      }
    }
    returns.push(r);
    this.#reference = close;
    this.#previousFlagged = false;
    return null;
  }
}
