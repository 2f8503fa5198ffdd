import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { BTC_1H_CSV } from '../market/__fixtures__/sharedData.js';
import type { Bar } from '../market/Bar.js';
import { parseBarsCsv } from '../market/csv.js';
import type { BarIssue } from './BarIssue.js';
import { validateBar } from './validateBar.js';

const T = Date.UTC(2024, 0, 1, 12); // 2024-01-01T12:00:00.000Z
const HOUR = 3_600_000;
const good: Bar = { timestamp: T, open: 100, high: 110, low: 95, close: 105, volume: 3 };
const previous: Bar = { ...good, timestamp: T - HOUR };
const at = 'Bar at 2024-01-01T12:00:00.000Z';

describe('validateBar', () => {
  it.each<[string, Bar]>([
    ['a normal bar', good],
    ['a doji with zero volume (open = high = low = close)', { ...good, open: 5, high: 5, low: 5, close: 5, volume: 0 }],
    ['a bar whose open and close sit on the extremes', { ...good, open: 95, close: 110 }],
  ])('accepts %s', (_label, bar) => {
    expect(validateBar(bar, previous, { timeframeMs: HOUR })).toBeNull();
  });

  it.each<[string, Partial<Bar>, Pick<BarIssue, 'rule' | 'field' | 'value' | 'message'>]>([
    ['NaN close', { close: Number.NaN }, { rule: 'non-finite', field: 'close', value: Number.NaN, message: `${at}: "close" is NaN; expected a finite number.` }],
    ['infinite volume', { volume: Number.POSITIVE_INFINITY }, { rule: 'non-finite', field: 'volume', value: Number.POSITIVE_INFINITY, message: `${at}: "volume" is Infinity; expected a finite number.` }],
    ['zero open', { open: 0 }, { rule: 'non-positive-price', field: 'open', value: 0, message: `${at}: "open" is 0; expected a price > 0.` }],
    ['negative low', { low: -1 }, { rule: 'non-positive-price', field: 'low', value: -1, message: `${at}: "low" is -1; expected a price > 0.` }],
    ['high below close', { high: 104 }, { rule: 'inconsistent-range', field: 'high', value: 104, message: `${at}: "high" 104 is below max(open, close) = 105.` }],
    ['low above open', { low: 101 }, { rule: 'inconsistent-range', field: 'low', value: 101, message: `${at}: "low" 101 is above min(open, close) = 100.` }],
    ['high below low', { open: 100, close: 100, high: 99, low: 101 }, { rule: 'inconsistent-range', field: 'high', value: 99, message: `${at}: "high" 99 is below max(open, close) = 100 and below "low" 101.` }],
    ['negative volume', { volume: -0.5 }, { rule: 'negative-volume', field: 'volume', value: -0.5, message: `${at}: "volume" is -0.5; expected a volume >= 0.` }],
    ['the previous timestamp', { timestamp: T - HOUR }, { rule: 'duplicate-timestamp', field: 'timestamp', value: T - HOUR, message: `Bar at 2024-01-01T11:00:00.000Z: "timestamp" ${T - HOUR} repeats the previous bar's timestamp.` }],
    ['an earlier timestamp', { timestamp: T - 2 * HOUR }, { rule: 'out-of-order-timestamp', field: 'timestamp', value: T - 2 * HOUR, message: `Bar at 2024-01-01T10:00:00.000Z: "timestamp" ${T - 2 * HOUR} is before the previous bar's ${T - HOUR}.` }],
    // 11:00 then 15:00 on a 1h grid: 12:00, 13:00 and 14:00 are missing.
    ['a timestamp 4 steps after the previous', { timestamp: T + 3 * HOUR }, { rule: 'gap', field: 'timestamp', value: 3, message: `Bar at 2024-01-01T15:00:00.000Z: 3 bars missing before it (step 3600000 ms), from 2024-01-01T12:00:00.000Z.` }],
  ])('reports %s', (_label, change, expected) => {
    const issue = validateBar({ ...good, ...change }, previous, { timeframeMs: HOUR });
    expect(issue).toEqual({ ...expected, timestamp: change.timestamp ?? T });
  });

  it('reports the first failing rule in rule order and copies the index', () => {
    const issue = validateBar({ ...good, close: Number.NaN, volume: -1, timestamp: T - HOUR }, previous, { index: 7 });
    expect(issue).toMatchObject({ rule: 'non-finite', field: 'close', index: 7 });
    expect(issue?.message).toBe('Bar #7 at 2024-01-01T11:00:00.000Z: "close" is NaN; expected a finite number.');
  });

  it('checks timestamps only against a previous bar and gaps only with a timeframe', () => {
    expect(validateBar({ ...good, timestamp: 0 })).toBeNull();
    expect(validateBar({ ...good, timestamp: T + 5 * HOUR }, previous)).toBeNull();
  });

  it('labels a bar with a non-finite timestamp without throwing', () => {
    expect(validateBar({ ...good, timestamp: Number.NaN })?.message).toBe('Bar at NaN: "timestamp" is NaN; expected a finite number.');
  });

  it('passes every bar of the BTC/USDT 1h file except the 25 bars after its gaps (88 missing hours)', () => {
    const series = parseBarsCsv(readFileSync(BTC_1H_CSV, 'utf8'));
    const issues: BarIssue[] = [];
    let last = series.at(0);
    expect(validateBar(last)).toBeNull();
    for (let i = 1; i < series.length; i++) {
      const bar = series.at(i);
      const issue = validateBar(bar, last, { timeframeMs: HOUR, index: i });
      if (issue !== null) issues.push(issue);
      last = bar;
    }
    expect(issues.map((issue) => issue.rule)).toEqual(Array(25).fill('gap'));
    expect(issues.reduce((sum, issue) => sum + issue.value, 0)).toBe(88);
  });
});
