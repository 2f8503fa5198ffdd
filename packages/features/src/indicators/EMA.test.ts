import { describe, expect, it } from '@jest/globals';
import { EMA as ReferenceEMA, WEMA as ReferenceWEMA } from 'technicalindicators';
import { compareTail } from './__fixtures__/reference.js';
import { btcHourly, daily2006 } from './__fixtures__/series.js';
import { DEMA } from './DEMA.js';
import { EMA } from './EMA.js';
import { TEMA } from './TEMA.js';
import { WilderSmoothing } from './WilderSmoothing.js';

describe('EMA', () => {
  it('is seeded with the SMA of the first n values, then alpha = 2/(n+1) (hand calculation)', () => {
    // EMA(3), alpha = 0.5: seed (1+2+3)/3 = 2; then 2 + 0.5·(4 − 2) = 3; 3 + 0.5·(8 − 3) = 5.5
    expect(Array.from(EMA.fromBatch(Float64Array.of(1, 2, 3, 4, 8), 3))).toEqual([Number.NaN, Number.NaN, 2, 3, 5.5]);
  });

  it.each([
    ['2006 daily closes', daily2006().close],
    ['BTC hourly closes', btcHourly().close],
  ])('agrees with technicalindicators EMA(20) (also SMA-seeded) on the %s to 1e-12 relative', (_name, close) => {
    const { maxRelative, compared } = compareTail(EMA.fromBatch(close, 20), ReferenceEMA.calculate({ period: 20, values: Array.from(close) }));
    expect(compared).toBe(close.length - 19);
    expect(maxRelative).toBeLessThan(1e-12);
  });
});

describe('WilderSmoothing', () => {
  it('smooths with (prev·(n−1) + x)/n after an SMA seed (hand calculation)', () => {
    // n = 2: seed (4+6)/2 = 5; (5·1 + 9)/2 = 7; (7 + 1)/2 = 4
    expect(Array.from(WilderSmoothing.fromBatch(Float64Array.of(4, 6, 9, 1), 2))).toEqual([Number.NaN, 5, 7, 4]);
  });

  it('agrees with technicalindicators WEMA(14) (Wilder, SMA-seeded) on the BTC hourly closes to 1e-12 relative', () => {
    const close = btcHourly().close;
    const { maxRelative, compared } = compareTail(WilderSmoothing.fromBatch(close, 14), ReferenceWEMA.calculate({ period: 14, values: Array.from(close) }));
    expect(compared).toBe(close.length - 13);
    expect(maxRelative).toBeLessThan(1e-12);
  });
});

describe('DEMA and TEMA', () => {
  it('DEMA = 2·EMA − EMA(EMA), the second EMA seeded from the first EMA values (hand calculation)', () => {
    // n = 2, alpha = 2/3. x = 1, 3, 5, 7.  E1: –, 2, 2 + (2/3)(5 − 2) = 4, 4 + (2/3)(7 − 4) = 6.
    // E2 over E1 = 2, 4, 6: seed (2+4)/2 = 3 at x=5, then 3 + (2/3)(6 − 3) = 5.  DEMA: 2·4 − 3 = 5, 2·6 − 5 = 7.
    const out = DEMA.fromBatch(Float64Array.of(1, 3, 5, 7), 2);
    expect(Number.isNaN(out[1] as number)).toBe(true);
    expect(out[2]).toBeCloseTo(5, 14);
    expect(out[3]).toBeCloseTo(7, 14);
  });

  it('TEMA = 3·E1 − 3·E2 + E3 tracks a straight line exactly once warm (no lag on a linear trend)', () => {
    // A linear input is reproduced exactly by TEMA (and DEMA): the lag terms cancel.
    const line = Float64Array.from({ length: 60 }, (_, i) => 10 + 2 * i);
    const tema = TEMA.fromBatch(line, 5);
    const dema = DEMA.fromBatch(line, 5);
    for (let i = 3 * 5 - 3; i < line.length; i++) {
      expect(Math.abs((tema[i] as number) - (line[i] as number))).toBeLessThan(1e-9);
      expect(Math.abs((dema[i] as number) - (line[i] as number))).toBeLessThan(1e-9);
    }
    expect(Number.isNaN(tema[3 * 5 - 4] as number)).toBe(true);
  });
});
