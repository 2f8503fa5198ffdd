import { describe, expect, it } from '@jest/globals';
import { SMA as ReferenceSMA, WMA as ReferenceWMA } from 'technicalindicators';
import { compareTail } from './__fixtures__/reference.js';
import { btcHourly, daily2006 } from './__fixtures__/series.js';
import { InvalidParameterError } from './InvalidParameterError.js';
import { SMA } from './SMA.js';
import { WMA } from './WMA.js';

describe('SMA', () => {
  it('averages the last n values (hand calculation: SMA(3) of 1..6 = 2, 3, 4, 5)', () => {
    const out = SMA.fromBatch(Float64Array.of(1, 2, 3, 4, 5, 6), 3);
    expect(Array.from(out)).toEqual([Number.NaN, Number.NaN, 2, 3, 4, 5]);
  });

  it('streams null, null, then (2+4+9)/3 = 5', () => {
    const sma = new SMA(3);
    expect([sma.add(2), sma.add(4), sma.add(9)]).toEqual([null, null, 5]);
    expect(sma.replace(3)).toBe(3);
  });

  it.each([
    ['2006 daily closes', daily2006().close],
    ['BTC hourly closes', btcHourly().close],
  ])('agrees with technicalindicators SMA(30) on the %s to 1e-12 relative', (_name, close) => {
    const ours = SMA.fromBatch(close, 30);
    const { maxRelative, compared } = compareTail(ours, ReferenceSMA.calculate({ period: 30, values: Array.from(close) }));
    expect(compared).toBe(close.length - 29);
    expect(maxRelative).toBeLessThan(1e-12);
  });

  it('keeps the running sum from drifting: 1M values of 1e9 + noise match a fresh window sum', () => {
    // With a plain add/subtract running sum the error grows with the number of updates; the periodic
    // re-summation keeps it at the level of one window sum.
    const n = 1_000_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = 1e9 + ((i * 7919) % 1000) / 7;
    const out = SMA.fromBatch(values, 50);
    let exact = 0;
    for (let i = n - 50; i < n; i++) exact += values[i] as number;
    expect(Math.abs((out[n - 1] as number) - exact / 50)).toBeLessThan(1e-6);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects period %p with InvalidParameterError', (period) => {
    expect(() => new SMA(period)).toThrow(InvalidParameterError);
    expect(() => new SMA(period)).toThrow(`Invalid "period": expected an integer >= 1, received "${period}".`);
  });
});

describe('WMA', () => {
  it('weights 1..n newest heaviest (hand calculation: WMA(3) of 1, 2, 6 = (1·1 + 2·2 + 3·6)/6 = 23/6)', () => {
    const wma = new WMA(3);
    wma.add(1);
    wma.add(2);
    expect(wma.add(6)).toBeCloseTo(23 / 6, 14);
    // next window 2, 6, 10: (2 + 12 + 30) / 6 = 44/6, through the O(1) update
    expect(wma.add(10)).toBeCloseTo(44 / 6, 14);
  });

  it('agrees with technicalindicators WMA(20) on the BTC hourly closes to 1e-12 relative', () => {
    const close = btcHourly().close;
    const { maxRelative, compared } = compareTail(WMA.fromBatch(close, 20), ReferenceWMA.calculate({ period: 20, values: Array.from(close) }));
    expect(compared).toBe(close.length - 19);
    expect(maxRelative).toBeLessThan(1e-12);
  });
});
