import type { BarColumn } from '../market/Bar.js';

/** The validation rules, in the order they are applied. */
export const BAR_RULES = [
  'non-finite',
  'non-positive-price',
  'inconsistent-range',
  'negative-volume',
  'duplicate-timestamp',
  'out-of-order-timestamp',
  'outlier',
  'gap',
] as const;
export type BarRule = (typeof BAR_RULES)[number];

/** One problem found in a bar. */
export interface BarIssue {
  readonly rule: BarRule;
  /** The field at fault: the price for `outlier` is `close`; `gap` and the order rules name `timestamp`. */
  readonly field: BarColumn;
  /** Position in the input series, when known. */
  readonly index?: number;
  /** The bar's timestamp (for `gap`, the first bar after the gap). */
  readonly timestamp: number;
  readonly message: string;
  /**
   * The offending value: the field's value for the value and order rules, the number of missing
   * bars for `gap`, the robust z-score of the close's log return for `outlier`.
   */
  readonly value: number;
}
