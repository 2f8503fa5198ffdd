import { checkEquityCurve } from './checkEquityCurve.js';

/** One calendar year (UTC) of a monthly returns table. */
export interface YearReturns {
  readonly year: number;
  /** Index 0 = January; null for a month without bars. */
  readonly months: readonly (number | null)[];
  /** Compounded return of the year: Π(1 + month) − 1 over its months with bars. */
  readonly total: number;
}

/**
 * Year × month table of compounded returns, in UTC calendar months. A month's return is its last
 * equity over the previous month-end equity (for the first month: over the first bar), minus 1;
 * so the months chain exactly: Π(1 + r_month) = E_last / E_first.
 */
export function monthlyReturns(timestamps: Float64Array, equity: Float64Array): YearReturns[] {
  checkEquityCurve(timestamps, equity);
  const years: { year: number; months: (number | null)[]; total: number }[] = [];
  const monthOf = (i: number): number => {
    const date = new Date(timestamps[i] as number);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  let base = equity[0] as number;
  let current = monthOf(0);
  for (let i = 0; i < equity.length; i++) {
    const next = i + 1 < equity.length ? monthOf(i + 1) : Number.NaN;
    if (next === current) continue;
    const year = Math.floor(current / 12);
    const e = equity[i] as number;
    let row = years[years.length - 1];
    if (row === undefined || row.year !== year) {
      row = { year, months: new Array<number | null>(12).fill(null), total: 0 };
      years.push(row);
    }
    const r = e / base - 1;
    row.months[current - year * 12] = r;
    row.total = (1 + row.total) * (1 + r) - 1;
    base = e;
    current = next;
  }
  return years;
}
