import { describe, expect, it } from '@jest/globals';
import { Stochastic as ReferenceStochastic, WilliamsR as ReferenceWilliamsR } from 'technicalindicators';
import { compareTail } from './__fixtures__/reference.js';
import { btcHourly } from './__fixtures__/series.js';
import { SMA } from './SMA.js';
import { Stochastic } from './Stochastic.js';
import { WilliamsR } from './WilliamsR.js';

const bars = { high: Float64Array.of(10, 12, 11, 13, 12), low: Float64Array.of(8, 9, 9, 10, 11), close: Float64Array.of(9, 11, 10, 12, 11.5) };

describe('Stochastic', () => {
  it('fast %K by hand: period 3 at bar 2: HH 12, LL 8, close 10 → 100·2/4 = 50', () => {
    const out = Stochastic.fromBatch(bars, { period: 3, kSmoothing: 1, dPeriod: 1 });
    // bar 3: HH 13, LL 9 → 100·3/4 = 75; bar 4: HH 13, LL 9 → 100·2.5/4 = 62.5
    expect(Array.from(out.k)).toEqual([Number.NaN, Number.NaN, 50, 75, 62.5]);
  });

  it('slow %K is the fast %D, and slow %D the SMA(3) of it (Lane)', () => {
    const columns = btcHourly();
    const fast = Stochastic.fromBatch(columns, { period: 14, kSmoothing: 1, dPeriod: 3 });
    const slow = Stochastic.fromBatch(columns, { period: 14, kSmoothing: 3, dPeriod: 3 });
    expect(compareTail(slow.k, Array.from(fast.d)).maxRelative).toBe(0);
    const slowD = SMA.fromBatch(slow.k.subarray(15), 3);
    expect(compareTail(slow.d, Array.from(slowD)).maxRelative).toBeLessThan(1e-12);
  });

  it('agrees with technicalindicators Stochastic(14, signal 3) (fast %K, %D) on the BTC hourly bars', () => {
    const columns = btcHourly();
    const ours = Stochastic.fromBatch(columns, { period: 14, kSmoothing: 1, dPeriod: 3 });
    const reference = ReferenceStochastic.calculate({
      period: 14,
      signalPeriod: 3,
      high: Array.from(columns.high),
      low: Array.from(columns.low),
      close: Array.from(columns.close),
    });
    expect(compareTail(ours.k, reference.map((r) => r.k), 15).maxRelative).toBeLessThan(1e-12);
    // %D sums three %K values in a different order (our re-summed window vs. its running sum): 1e-10.
    expect(compareTail(ours.d, reference.map((r) => r.d), 15).maxRelative).toBeLessThan(1e-10);
  });

  it('a flat window (HH = LL) reads 50', () => {
    const flat = { high: Float64Array.of(5, 5), low: Float64Array.of(5, 5), close: Float64Array.of(5, 5) };
    expect(Stochastic.fromBatch(flat, { period: 2, kSmoothing: 1, dPeriod: 1 }).k[1]).toBe(50);
  });
});

describe('WilliamsR', () => {
  it('by hand: period 3 at bar 3: HH 13, LL 9, close 12 → −100·1/4 = −25', () => {
    expect(Array.from(WilliamsR.fromBatch(bars, 3))).toEqual([Number.NaN, Number.NaN, -50, -25, -37.5]);
  });

  it('agrees with technicalindicators WilliamsR(14) on the BTC hourly bars', () => {
    const columns = btcHourly();
    const reference = ReferenceWilliamsR.calculate({ period: 14, high: Array.from(columns.high), low: Array.from(columns.low), close: Array.from(columns.close) });
    const { maxRelative, compared } = compareTail(WilliamsR.fromBatch(columns, 14), reference);
    expect(compared).toBe(columns.close.length - 13);
    expect(maxRelative).toBeLessThan(1e-12);
  });
});
