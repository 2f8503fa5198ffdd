import type { Bar } from '../market/Bar.js';
import type { BarIssue } from './BarIssue.js';
import { inconsistentRangeField, nonFiniteField, nonPositivePriceField, OK, gapIssue, valueIssue } from './barRules.js';

export interface ValidateBarOptions {
  /**
   * The bar duration in ms (`timeframeToMs('1h')`). When set, a bar more than one step after
   * `previous` gets a `gap` issue: the bar itself is valid, bars are missing before it.
   */
  readonly timeframeMs?: number;
  /** The bar's position, copied into the issue. */
  readonly index?: number;
}

/**
 * Checks one incoming bar, e.g. on every tick before the engine uses it. Returns `null` for a good
 * bar, else the first failing rule in this order: `non-finite`, `non-positive-price`,
 * `inconsistent-range`, `negative-volume`, then against `previous`: `duplicate-timestamp`,
 * `out-of-order-timestamp`, `gap` (only with `timeframeMs`). The `outlier` rule needs a window of
 * history: run an `OutlierFilter` on the close. Allocates nothing unless it finds an issue.
 */
export function validateBar(bar: Bar, previous?: Bar, options?: ValidateBarOptions): BarIssue | null {
  const { timestamp: t, open: o, high: h, low: l, close: c, volume: v } = bar;
  let field = nonFiniteField(t, o, h, l, c, v);
  if (field !== OK) return valueIssue('non-finite', field, bar, options?.index);
  field = nonPositivePriceField(o, h, l, c);
  if (field !== OK) return valueIssue('non-positive-price', field, bar, options?.index);
  field = inconsistentRangeField(o, h, l, c);
  if (field !== OK) return valueIssue('inconsistent-range', field, bar, options?.index);
  if (v < 0) return valueIssue('negative-volume', 5, bar, options?.index);
  if (previous === undefined) return null;
  const last = previous.timestamp;
  if (t === last) return valueIssue('duplicate-timestamp', 0, bar, options?.index);
  if (t < last) return valueIssue('out-of-order-timestamp', 0, bar, options?.index, last);
  const step = options?.timeframeMs;
  if (step !== undefined && t - last > step) {
    return gapIssue(t, options?.index, last, Math.ceil((t - last) / step) - 1, step);
  }
  return null;
}
