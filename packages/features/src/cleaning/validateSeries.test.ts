import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { BTC_1H_CSV, bitwiseMismatches, seededRandom } from '../market/__fixtures__/sharedData.js';
import type { Bar } from '../market/Bar.js';
import { BarSeries } from '../market/BarSeries.js';
import { parseBarsCsv } from '../market/csv.js';
import type { BarRule } from './BarIssue.js';
import { BarValidationError } from './BarValidationError.js';
import { InvalidPolicyError } from './InvalidPolicyError.js';
import { validateSeries } from './validateSeries.js';

const HOUR = 3_600_000;
const T = Date.UTC(2024, 0, 1);
const hourBar = (k: number, close = 100 + k): Bar => ({ timestamp: T + k * HOUR, open: close - 1, high: close + 2, low: close - 2, close, volume: 10 + k });
const clean = Array.from({ length: 6 }, (_, k) => hourBar(k));

/** `clean` with bar 3 changed. */
function withBadBar(change: Partial<Bar>): BarSeries {
  return BarSeries.fromRows(clean.map((bar, k) => (k === 3 ? { ...bar, ...change } : bar)));
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

// One failing bar per rule: the rule's policy key, the change to bar 3, the rule and field reported.
const failing: [string, Partial<Bar>, BarRule, string][] = [
  ['nonFinite', { high: Number.NaN }, 'non-finite', 'high'],
  ['nonFinite', { close: Number.NEGATIVE_INFINITY }, 'non-finite', 'close'],
  ['nonPositivePrice', { low: 0 }, 'non-positive-price', 'low'],
  ['inconsistentRange', { high: 101 }, 'inconsistent-range', 'high'],
  ['inconsistentRange', { low: 104 }, 'inconsistent-range', 'low'],
  ['negativeVolume', { volume: -2 }, 'negative-volume', 'volume'],
  ['duplicateTimestamp', { timestamp: T + 2 * HOUR }, 'duplicate-timestamp', 'timestamp'],
  ['outOfOrderTimestamp', { timestamp: T + HOUR / 2 }, 'out-of-order-timestamp', 'timestamp'],
];

describe('validateSeries', () => {
  it.each(failing)('rejects by default under "%s" (%j), naming index, timestamp, field and rule', (_key, change, rule, field) => {
    const series = withBadBar(change);
    const error = thrown(() => validateSeries(series));
    expect(BarValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ rule, field, index: 3, timestamp: series.timestamp[3] });
    expect((error as Error).message).toMatch(new RegExp(`^Rejected by rule "${rule}": Bar #3 at `));
  });

  it.each(failing)('drops the bar under %s: "drop" (%j) and lists it', (key, change, rule, field) => {
    const { series, report } = validateSeries(withBadBar(change), { [key]: 'drop', gap: 'ignore' });
    expect(series.toRows()).toEqual(clean.filter((_, k) => k !== 3));
    expect(report.entries).toEqual([expect.objectContaining({ rule, field, index: 3, action: 'dropped' })]);
  });

  it.each(failing)('keeps the bar under %s: "report" (%j) and lists it', (key, change, rule) => {
    const input = withBadBar(change);
    const { series, report } = validateSeries(input, { [key]: 'report', gap: 'ignore' });
    expect(series).toBe(input);
    expect(report.entries).toEqual([expect.objectContaining({ rule, index: 3, action: 'reported' })]);
  });

  it('repairs an inconsistent range by widening it to open and close', () => {
    // Bar 3 is open 102, close 103; high 101 < close and low 104 > open → high 104, low 101.
    const { series, report } = validateSeries(withBadBar({ high: 101, low: 104 }), { inconsistentRange: 'repair' });
    expect(series.at(3)).toEqual({ ...clean[3], high: 104, low: 101 });
    expect(report.entries).toEqual([expect.objectContaining({ rule: 'inconsistent-range', field: 'high', value: 101, action: 'repaired' })]);
  });

  it('repairs out-of-order bars by a stable sort, then applies the duplicate rule', () => {
    const rows = [clean[0], clean[2], clean[1], clean[3], { ...clean[3], close: 999, high: 1001 }, clean[4]] as Bar[];
    const { series, report } = validateSeries(BarSeries.fromRows(rows), { outOfOrderTimestamp: 'repair', duplicateTimestamp: 'drop' });
    expect(series.toRows()).toEqual(clean.slice(0, 5));
    expect(report.entries.map((e) => [e.rule, e.index, e.action])).toEqual([
      ['out-of-order-timestamp', 2, 'repaired'],
      ['duplicate-timestamp', 4, 'dropped'],
    ]);
  });

  it('reports a gap by default, keeping the series', () => {
    const input = BarSeries.fromRows([clean[0], clean[1], clean[4], clean[5]] as Bar[]);
    const { series, report } = validateSeries(input);
    expect(series).toBe(input);
    expect(report.entries).toEqual([
      {
        rule: 'gap',
        field: 'timestamp',
        index: 2,
        timestamp: T + 4 * HOUR,
        value: 2,
        action: 'reported',
        message: 'Bar #2 at 2024-01-01T04:00:00.000Z: 2 bars missing before it (step 3600000 ms), from 2024-01-01T02:00:00.000Z.',
      },
    ]);
  });

  it('forward-fills a gap with synthetic bars marked in the mask', () => {
    const input = BarSeries.fromRows([clean[0], clean[1], clean[4], clean[5]] as Bar[]);
    const { series, report } = validateSeries(input, { gap: 'repair', timeframe: '1h' });
    const fill = (k: number): Bar => ({ timestamp: T + k * HOUR, open: 101, high: 101, low: 101, close: 101, volume: 0 });
    expect(series.toRows()).toEqual([clean[0], clean[1], fill(2), fill(3), clean[4], clean[5]]);
    expect(Array.from(report.synthetic)).toEqual([0, 0, 1, 1, 0, 0]);
    expect(report.entries).toEqual([expect.objectContaining({ rule: 'gap', value: 2, action: 'repaired' })]);
  });

  it('measures gaps against policy.timeframe when given', () => {
    expect(validateSeries(BarSeries.fromRows(clean), { timeframe: '30m' }).report.entries.map((e) => e.value)).toEqual([1, 1, 1, 1, 1]);
  });

  it('rejects a gap under gap: "reject"', () => {
    expect(() => validateSeries(BarSeries.fromRows([clean[0], clean[2]] as Bar[]), { gap: 'reject', timeframe: '1h' })).toThrow(
      expect.objectContaining({ rule: 'gap', index: 1 }),
    );
  });

  it('rejects a bad policy with every bad path', () => {
    const error = thrown(() => validateSeries(BarSeries.fromRows(clean), { gap: 'fill', outlierWindow: 2, timeframe: '1w' } as never));
    expect(InvalidPolicyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('Invalid "gap"');
    expect((error as Error).message).toContain('Invalid "outlierWindow"');
    expect((error as Error).message).toContain('Invalid "timeframe": expected a positive integer followed by s, m, h or d (e.g. "5m", "4h", "1d"), received "1w".');
  });
});

/** A seeded random walk of valid bars: log-normal closes, open = previous close, high/low around them. */
function randomWalk(seed: number, n: number, volatility = 0.01): BarSeries {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const series = new BarSeries(n);
  let close = 1000;
  for (let k = 0; k < n; k++) {
    const open = close;
    close = open * Math.exp(volatility * gaussian());
    series.append({
      timestamp: T + k * HOUR,
      open,
      high: Math.max(open, close) * (1 + random() * volatility),
      low: Math.min(open, close) * (1 - random() * volatility),
      close,
      volume: random() * 50,
    });
  }
  return series;
}

describe('validateSeries on random clean data', () => {
  it.each([[1], [2], [3], [4], [5]])('passes seed %i unchanged with every rule on, identical arrays', (seed) => {
    const input = randomWalk(seed, 2000);
    const copy = BarSeries.fromColumns(input);
    const { series, report } = validateSeries(input, { outlier: 'report', gap: 'repair', inconsistentRange: 'repair', outOfOrderTimestamp: 'repair' });
    expect(report.entries).toEqual([]);
    expect(series).toBe(input);
    for (const name of ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const) {
      expect([name, bitwiseMismatches(series.column(name), copy.column(name))]).toEqual([name, []]);
    }
  });
});

describe('the outlier rule', () => {
  it('flags a one-bar spike once, not the return to the old level, and drops only that bar', () => {
    const rows = randomWalk(11, 300).toRows();
    const spiked = rows.map((bar, k) => (k === 200 ? { ...bar, close: bar.close * 1.3, high: bar.close * 1.3 } : bar));
    const input = BarSeries.fromRows(spiked);
    const reported = validateSeries(input, { outlier: 'report' });
    expect(reported.report.entries.map((e) => [e.rule, e.index, e.field, e.action])).toEqual([['outlier', 200, 'close', 'reported']]);
    // log(1.3) ≈ 0.262 against returns of about 1 % → a robust z-score far above 10
    expect(reported.report.entries[0]?.value).toBeGreaterThan(10);
    const dropped = validateSeries(input, { outlier: 'drop' });
    expect(dropped.series.toRows()).toEqual(spiked.filter((_, k) => k !== 200));
  });

  it('accepts a move that persists on its second bar', () => {
    const rows = randomWalk(12, 300).toRows();
    const shifted = rows.map((bar, k) => (k >= 200 ? { ...bar, open: bar.open * 2, high: bar.high * 2, low: bar.low * 2, close: bar.close * 2 } : bar));
    const { report } = validateSeries(BarSeries.fromRows(shifted), { outlier: 'report' });
    expect(report.entries.map((e) => e.index)).toEqual([200]);
  });

  it('tests no bar before its window is full and respects the threshold', () => {
    const rows = randomWalk(13, 300).toRows();
    const spiked = BarSeries.fromRows(rows.map((bar, k) => (k === 50 ? { ...bar, close: bar.close * 1.3, high: bar.close * 1.3 } : bar)));
    expect(validateSeries(spiked, { outlier: 'report', outlierWindow: 60 }).report.entries).toEqual([]);
    expect(validateSeries(spiked, { outlier: 'report', outlierWindow: 40 }).report.entries.map((e) => e.index)).toEqual([50]);
    expect(validateSeries(spiked, { outlier: 'report', outlierWindow: 40, outlierThreshold: 1000 }).report.entries).toEqual([]);
  });
});

describe('validateSeries on the BTC/USDT 1h file', () => {
  const input = parseBarsCsv(readFileSync(BTC_1H_CSV, 'utf8'));
  const iso = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');

  // The gap table of shared/data/README.md: first missing bar, last missing bar, hours.
  const readmeGaps = [
    ['2018-06-26 02:00', '2018-06-26 11:00', 10], ['2018-06-27 13:00', '2018-06-27 13:00', 1], ['2018-07-04 01:00', '2018-07-04 07:00', 7],
    ['2018-10-19 06:00', '2018-10-19 08:00', 3], ['2018-11-14 02:00', '2018-11-14 08:00', 7], ['2019-03-12 02:00', '2019-03-12 07:00', 6],
    ['2019-05-15 03:00', '2019-05-15 12:00', 10], ['2019-08-15 02:00', '2019-08-15 09:00', 8], ['2019-11-13 02:00', '2019-11-13 03:00', 2],
    ['2019-11-25 02:00', '2019-11-25 03:00', 2], ['2020-02-09 02:00', '2020-02-09 02:00', 1], ['2020-02-19 12:00', '2020-02-19 16:00', 5],
    ['2020-03-04 10:00', '2020-03-04 10:00', 1], ['2020-04-25 02:00', '2020-04-25 03:00', 2], ['2020-06-28 02:00', '2020-06-28 04:00', 3],
    ['2020-11-30 06:00', '2020-11-30 06:00', 1], ['2020-12-21 14:00', '2020-12-21 17:00', 4], ['2020-12-25 02:00', '2020-12-25 02:00', 1],
    ['2021-02-11 04:00', '2021-02-11 04:00', 1], ['2021-03-06 02:00', '2021-03-06 02:00', 1], ['2021-04-20 02:00', '2021-04-20 03:00', 2],
    ['2021-04-25 05:00', '2021-04-25 07:00', 3], ['2021-08-13 02:00', '2021-08-13 05:00', 4], ['2021-09-29 07:00', '2021-09-29 08:00', 2],
    ['2023-03-24 13:00', '2023-03-24 13:00', 1],
  ];

  it('reports exactly the README gaps (25, 88 missing hours) and nothing else at default settings', () => {
    const { series, report } = validateSeries(input);
    expect(series).toBe(input);
    const gaps = report.entries.map((e) => {
      const before = input.timestamp[e.index - 1] as number;
      return [iso(before + HOUR), iso(e.timestamp - HOUR), e.value];
    });
    expect(report.entries.every((e) => e.rule === 'gap' && e.action === 'reported')).toBe(true);
    expect(gaps).toEqual(readmeGaps);
  });

  it('fills the 88 missing hours, after which the series has no gap left', () => {
    const { series, report } = validateSeries(input, { gap: 'repair' });
    expect(series.length).toBe(62_482 + 88);
    expect(report.synthetic.reduce((sum, flag) => sum + flag, 0)).toBe(88);
    expect(series.at(-1)).toEqual(input.at(-1));
    const again = validateSeries(series);
    expect(again.report.entries).toEqual([]);
    // The zero-volume bars of the README are real bars, not synthetic ones.
    const zeroVolume = series.toRows().flatMap((bar, i) => (bar.volume === 0 && report.synthetic[i] === 0 ? [iso(bar.timestamp)] : []));
    expect(zeroVolume).toEqual(['2019-06-07 21:00', '2021-02-11 03:00', '2023-03-24 12:00']);
  });

  // Threshold 10 flags ~150 real heavy-tail hours in seven years, hence the rule is off by default.
  it('with the outlier rule on, flags both legs of the USDT de-peg excursion of 2018-10-15', () => {
    const { report } = validateSeries(input, { outlier: 'report', gap: 'ignore' });
    const flagged = report.entries.map((e) => iso(e.timestamp));
    // 04:00 close 6392.49, 05:00 6700 (+4.7 %), 06:00 7410.03 (accepted: the move persisted), 07:00 6860.25 (-7.7 %).
    expect(flagged).toEqual(expect.arrayContaining(['2018-10-15 05:00', '2018-10-15 07:00']));
    expect(flagged).not.toContain('2018-10-15 06:00');
    expect(report.entries.every((e) => e.rule === 'outlier' && e.action === 'reported' && Math.abs(e.value) > 10)).toBe(true);
    expect(report.entries.length).toBeGreaterThan(100);
    expect(report.entries.length).toBeLessThan(200);
  });
});

describe('validateSeries with rules combined', () => {
  it('keeps a reported duplicate in place while another bar is dropped', () => {
    const rows = [clean[0], clean[1], clean[1], { ...clean[2], volume: -1 }, clean[3]] as Bar[];
    const { series, report } = validateSeries(BarSeries.fromRows(rows), { duplicateTimestamp: 'report', negativeVolume: 'drop', gap: 'ignore' });
    expect(series.toRows()).toEqual([clean[0], clean[1], clean[1], clean[3]]);
    expect(report.entries.map((e) => [e.rule, e.index, e.action])).toEqual([
      ['negative-volume', 3, 'dropped'],
      ['duplicate-timestamp', 2, 'reported'],
    ]);
  });

  it('fills the gap a dropped bar leaves when gaps are repaired', () => {
    const { series, report } = validateSeries(withBadBar({ close: Number.NaN }), { nonFinite: 'drop', gap: 'repair' });
    // Bar 3 (03:00) is dropped, then refilled from bar 2's close 102.
    expect(series.at(3)).toEqual({ timestamp: T + 3 * HOUR, open: 102, high: 102, low: 102, close: 102, volume: 0 });
    expect(Array.from(report.synthetic)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(report.entries.map((e) => [e.rule, e.index, e.action])).toEqual([
      ['non-finite', 3, 'dropped'],
      ['gap', 4, 'repaired'],
    ]);
  });
});
