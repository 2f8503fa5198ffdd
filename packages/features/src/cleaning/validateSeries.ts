import { BarSeries } from '../market/BarSeries.js';
import { timeframeToMs } from '../market/timeframe.js';
import type { BarIssue } from './BarIssue.js';
import { BarValidationError } from './BarValidationError.js';
import { barLabel, gapIssue, inconsistentRangeField, nonFiniteField, nonPositivePriceField, OK, valueIssue } from './barRules.js';
import { OutlierFilter } from './OutlierFilter.js';
import type { ValidationPolicy, ValidationPolicyInput } from './ValidationPolicySchema.js';
import { parseValidationPolicy } from './ValidationPolicySchema.js';

/** One action `validateSeries` took. `index` is always the bar's position in the input series. */
export interface ValidationEntry extends BarIssue {
  readonly index: number;
  readonly action: 'reported' | 'repaired' | 'dropped';
}

export interface ValidationReport {
  /** Every issue found and what was done, in the order the rules ran (the value rules bar by bar). */
  readonly entries: readonly ValidationEntry[];
  /** 1 where the output bar is a synthetic gap fill, 0 elsewhere; one element per output bar. */
  readonly synthetic: Uint8Array;
}

export interface ValidationResult {
  /** The cleaned series; the input series itself (same instance) when nothing was changed. */
  readonly series: BarSeries;
  readonly report: ValidationReport;
}

type Action = 'reject' | 'repair' | 'drop' | 'report';

/**
 * Checks a whole series against every rule and applies the policy of each (see
 * {@link ValidationPolicySchema}). Rules run in this order: `non-finite`, `non-positive-price`,
 * `inconsistent-range`, `negative-volume` (per bar; a dropped bar is not checked further), then
 * `out-of-order-timestamp` and `duplicate-timestamp`, then `outlier`, then `gap`, each on the bars
 * the earlier rules kept.
 *
 * @throws BarValidationError at the first issue whose rule's policy is `'reject'`.
 * @throws InvalidPolicyError when `policy` does not match the schema.
 */
export function validateSeries(series: BarSeries, policy: ValidationPolicyInput = {}): ValidationResult {
  const rules = parseValidationPolicy(policy);
  const n = series.length;
  const cols = {
    t: Float64Array.from(series.timestamp),
    o: Float64Array.from(series.open),
    h: Float64Array.from(series.high),
    l: Float64Array.from(series.low),
    c: Float64Array.from(series.close),
    v: Float64Array.from(series.volume),
    origin: Int32Array.from({ length: n }, (_, i) => i),
  };
  const entries: ValidationEntry[] = [];
  let changed = false;

  const bar = (i: number) => ({
    timestamp: cols.t[i] as number,
    open: cols.o[i] as number,
    high: cols.h[i] as number,
    low: cols.l[i] as number,
    close: cols.c[i] as number,
    volume: cols.v[i] as number,
  });
  // Records an issue under its action; returns true when the bar is dropped.
  const act = (action: Action, issue: BarIssue & { index: number }): boolean => {
    if (action === 'reject') throw new BarValidationError(issue);
    const taken = action === 'drop' ? 'dropped' : action === 'repair' ? 'repaired' : 'reported';
    entries.push({ ...issue, action: taken });
    if (action !== 'report') changed = true;
    return action === 'drop';
  };
  // The value rules of bar i; returns true when the bar is dropped.
  const checkValues = (i: number): boolean => {
    const origin = cols.origin[i] as number;
    const o = cols.o[i] as number;
    const h = cols.h[i] as number;
    const l = cols.l[i] as number;
    const c = cols.c[i] as number;
    let field = nonFiniteField(cols.t[i] as number, o, h, l, c, cols.v[i] as number);
    // A kept non-finite bar is not judged by the other value rules: NaN compares false to everything.
    if (field !== OK) return act(rules.nonFinite, { ...valueIssue('non-finite', field, bar(i), origin), index: origin });
    field = nonPositivePriceField(o, h, l, c);
    if (field !== OK && act(rules.nonPositivePrice, { ...valueIssue('non-positive-price', field, bar(i), origin), index: origin })) return true;
    field = inconsistentRangeField(o, h, l, c);
    if (field !== OK) {
      if (act(rules.inconsistentRange, { ...valueIssue('inconsistent-range', field, bar(i), origin), index: origin })) return true;
      if (rules.inconsistentRange === 'repair') {
        cols.h[i] = Math.max(o, h, l, c);
        cols.l[i] = Math.min(o, h, l, c);
      }
    }
    return (cols.v[i] as number) < 0 && act(rules.negativeVolume, { ...valueIssue('negative-volume', 5, bar(i), origin), index: origin });
  };

  let m = 0;
  for (let i = 0; i < n; i++) {
    if (!checkValues(i)) copyBar(cols, i, m++);
  }

  m = checkOrder(cols, m, rules, act, bar);
  if (rules.outlier !== 'ignore') m = checkOutliers(cols, m, rules, act);

  // Gaps last, on the bars every other rule kept; fills are generated while copying out.
  const stepMs = rules.gap === 'ignore' ? Number.NaN : (rules.timeframe === undefined ? smallestStep(cols.t, m) : timeframeToMs(rules.timeframe));
  let extra = 0;
  const missingBefore = new Float64Array(m);
  for (let i = 1; i < m; i++) {
    const d = (cols.t[i] as number) - (cols.t[i - 1] as number);
    if (!(d > stepMs)) continue;
    const missing = Math.ceil(d / stepMs) - 1;
    const origin = cols.origin[i] as number;
    act(rules.gap as Action, { ...gapIssue(cols.t[i] as number, origin, cols.t[i - 1] as number, missing, stepMs), index: origin });
    if (rules.gap === 'repair') {
      missingBefore[i] = missing;
      extra += missing;
    }
  }

  const synthetic = new Uint8Array(m + extra);
  if (!changed) return { series, report: { entries, synthetic } };
  // Built as columns, not by append: bars kept under 'report' may be out of order.
  const size = m + extra;
  const out = { timestamp: new Float64Array(size), open: new Float64Array(size), high: new Float64Array(size), low: new Float64Array(size), close: new Float64Array(size), volume: new Float64Array(size) };
  const put = (j: number, t: number, o: number, h: number, l: number, c: number, v: number) => {
    out.timestamp[j] = t;
    out.open[j] = o;
    out.high[j] = h;
    out.low[j] = l;
    out.close[j] = c;
    out.volume[j] = v;
  };
  let j = 0;
  for (let i = 0; i < m; i++) {
    const missing = missingBefore[i] as number;
    const previousClose = cols.c[i - 1] as number;
    for (let k = 1; k <= missing; k++) {
      synthetic[j] = 1;
      put(j++, (cols.t[i - 1] as number) + k * stepMs, previousClose, previousClose, previousClose, previousClose, 0);
    }
    put(j++, cols.t[i] as number, cols.o[i] as number, cols.h[i] as number, cols.l[i] as number, cols.c[i] as number, cols.v[i] as number);
  }
  return { series: BarSeries.fromColumns(out), report: { entries, synthetic } };
}

type Columns = { t: Float64Array; o: Float64Array; h: Float64Array; l: Float64Array; c: Float64Array; v: Float64Array; origin: Int32Array };
type Act = (action: Action, issue: BarIssue & { index: number }) => boolean;
type BarAt = (i: number) => { timestamp: number; open: number; high: number; low: number; close: number; volume: number };

/** Out-of-order and duplicate timestamps against the latest kept time; returns the new length. */
function checkOrder(cols: Columns, m: number, rules: ValidationPolicy, act: Act, bar: BarAt): number {
  if (rules.outOfOrderTimestamp === 'repair') {
    let latest = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      const t = cols.t[i] as number;
      if (t < latest) act('repair', { ...valueIssue('out-of-order-timestamp', 0, bar(i), cols.origin[i], latest), index: cols.origin[i] as number });
      else latest = t;
    }
    sortByTime(cols, m);
  }
  let kept = 0;
  let latest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    const t = cols.t[i] as number;
    const origin = cols.origin[i] as number;
    if (t === latest && act(rules.duplicateTimestamp, { ...valueIssue('duplicate-timestamp', 0, bar(i), origin), index: origin })) continue;
    if (t < latest && act(rules.outOfOrderTimestamp, { ...valueIssue('out-of-order-timestamp', 0, bar(i), origin, latest), index: origin })) continue;
    if (t > latest) latest = t;
    copyBar(cols, i, kept++);
  }
  return kept;
}

/** The `outlier` rule over the kept bars, through an {@link OutlierFilter}; returns the new length. */
function checkOutliers(cols: Columns, m: number, rules: ValidationPolicy, act: Act): number {
  const filter = new OutlierFilter({ window: rules.outlierWindow, threshold: rules.outlierThreshold });
  let kept = 0;
  for (let i = 0; i < m; i++) {
    const close = cols.c[i] as number;
    const reference = filter.reference;
    const z = filter.update(close);
    if (z !== null) {
      const origin = cols.origin[i] as number;
      const timestamp = cols.t[i] as number;
      const dropped = act(rules.outlier as Action, {
        rule: 'outlier',
        field: 'close',
        index: origin,
        timestamp,
        message: `${barLabel(timestamp, origin)}: "close" ${close} is a spike: log return ${filter.lastReturn.toPrecision(4)} against ${reference} has robust z-score ${z.toPrecision(4)}, beyond ${rules.outlierThreshold}, over the last ${rules.outlierWindow} returns.`,
        value: z,
      });
      if (dropped) continue;
    }
    copyBar(cols, i, kept++);
  }
  return kept;
}

function copyBar(cols: Columns, from: number, to: number): void {
  if (from === to) return;
  cols.t[to] = cols.t[from] as number;
  cols.o[to] = cols.o[from] as number;
  cols.h[to] = cols.h[from] as number;
  cols.l[to] = cols.l[from] as number;
  cols.c[to] = cols.c[from] as number;
  cols.v[to] = cols.v[from] as number;
  cols.origin[to] = cols.origin[from] as number;
}

/** Stable sort of the first m bars by timestamp. */
function sortByTime(cols: Columns, m: number): void {
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => (cols.t[a] as number) - (cols.t[b] as number) || a - b);
  for (const key of ['t', 'o', 'h', 'l', 'c', 'v', 'origin'] as const) {
    const source = cols[key].slice(0, m);
    order.forEach((from, to) => {
      cols[key][to] = source[from] as number;
    });
  }
}

function smallestStep(t: Float64Array, m: number): number {
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < m; i++) {
    const d = (t[i] as number) - (t[i - 1] as number);
    if (d > 0 && d < step) step = d;
  }
  return step;
}
