// The per-bar checks shared by validateBar (one bar per tick) and validateSeries (whole columns).
// They take plain numbers and return a field code, so the happy path allocates nothing.
import type { BarColumn } from '../market/Bar.js';
import { BAR_COLUMNS } from '../market/Bar.js';
import type { BarIssue, BarRule } from './BarIssue.js';

/** No field failed. */
export const OK = -1;

/** The first non-finite field (column index), or OK. */
export function nonFiniteField(t: number, o: number, h: number, l: number, c: number, v: number): number {
  // x - x is 0 for finite x and NaN for NaN and ±Infinity: one subtraction per field.
  if (t - t !== 0) return 0;
  if (o - o !== 0) return 1;
  if (h - h !== 0) return 2;
  if (l - l !== 0) return 3;
  if (c - c !== 0) return 4;
  if (v - v !== 0) return 5;
  return OK;
}

/** The first price <= 0 (column index), or OK. */
export function nonPositivePriceField(o: number, h: number, l: number, c: number): number {
  if (!(o > 0)) return 1;
  if (!(h > 0)) return 2;
  if (!(l > 0)) return 3;
  if (!(c > 0)) return 4;
  return OK;
}

/** 2 (high) when high < max(open, close), 3 (low) when low > min(open, close), or OK. */
export function inconsistentRangeField(o: number, h: number, l: number, c: number): number {
  if (h < o || h < c) return 2;
  if (l > o || l > c) return 3;
  return OK;
}

/** `Bar #12 at 2020-03-12T10:00:00.000Z`, for messages. */
export function barLabel(timestamp: number, index: number | undefined): string {
  const time = Number.isFinite(timestamp) && Math.abs(timestamp) <= 8.64e15 ? new Date(timestamp).toISOString() : String(timestamp);
  return index === undefined ? `Bar at ${time}` : `Bar #${index} at ${time}`;
}

/** Builds the issue for a failed value or order rule (only on the unhappy path). */
export function valueIssue(
  rule: BarRule,
  fieldIndex: number,
  bar: { timestamp: number; open: number; high: number; low: number; close: number; volume: number },
  index: number | undefined,
  previousTimestamp = Number.NaN,
): BarIssue {
  const field = BAR_COLUMNS[fieldIndex] as BarColumn;
  const value = bar[field];
  let detail: string;
  switch (rule) {
    case 'non-finite':
      detail = `"${field}" is ${value}; expected a finite number.`;
      break;
    case 'non-positive-price':
      detail = `"${field}" is ${value}; expected a price > 0.`;
      break;
    case 'inconsistent-range':
      detail =
        field === 'high'
          ? `"high" ${value} is below max(open, close) = ${Math.max(bar.open, bar.close)}${bar.high < bar.low ? ` and below "low" ${bar.low}` : ''}.`
          : `"low" ${value} is above min(open, close) = ${Math.min(bar.open, bar.close)}.`;
      break;
    case 'negative-volume':
      detail = `"volume" is ${value}; expected a volume >= 0.`;
      break;
    case 'duplicate-timestamp':
      detail = `"timestamp" ${value} repeats the previous bar's timestamp.`;
      break;
    default:
      detail = `"timestamp" ${value} is before the previous bar's ${previousTimestamp}.`;
  }
  return { rule, field, ...(index === undefined ? {} : { index }), timestamp: bar.timestamp, message: `${barLabel(bar.timestamp, index)}: ${detail}`, value };
}

/** Builds the issue for a gap of `missing` bars before the bar at `timestamp`. */
export function gapIssue(timestamp: number, index: number | undefined, previousTimestamp: number, missing: number, stepMs: number): BarIssue {
  const first = new Date(previousTimestamp + stepMs).toISOString();
  return {
    rule: 'gap',
    field: 'timestamp',
    ...(index === undefined ? {} : { index }),
    timestamp,
    message: `${barLabel(timestamp, index)}: ${missing} bar${missing === 1 ? '' : 's'} missing before it (step ${stepMs} ms), from ${first}.`,
    value: missing,
  };
}
