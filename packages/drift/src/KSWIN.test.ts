import { describe, expect, it } from '@jest/globals';
import { ksExactPValueEqualSizes } from './kolmogorovSmirnov.js';
import { KSWIN } from './KSWIN.js';
import { SeededRandom } from './SeededRandom.js';

describe('KSWIN', () => {
  it('uses the smallest D whose exact p-value is <= alpha (statSize 30, alpha 0.005 → D = 14/30)', () => {
    const kswin = new KSWIN();
    expect(kswin.criticalStatistic).toBeCloseTo(14 / 30, 12);
    expect(ksExactPValueEqualSizes(14 / 30, 30)).toBeLessThanOrEqual(0.005);
    expect(ksExactPValueEqualSizes(13 / 30, 30)).toBeGreaterThan(0.005);
    // the paper's asymptotic threshold sqrt(−ln α / r) = sqrt(5.298317 / 30) = 0.420251 falls between 13/30 and 14/30
    expect(Math.sqrt(-Math.log(0.005) / 30)).toBeCloseTo(0.420251, 6);
  });

  it('does not test before the window is full', () => {
    const kswin = new KSWIN({ windowSize: 10, statSize: 3 });
    const statistics = Array.from({ length: 9 }, (_, i) => kswin.update(i).statistic);
    expect(statistics).toEqual(Array<number>(9).fill(0));
    expect(kswin.update(9).statistic).toBeGreaterThan(0);
  });

  it('keeps only the recent sample after a drift', () => {
    const kswin = new KSWIN({ windowSize: 10, statSize: 3, alpha: 0.1 });
    // 7 zeros then 3 large values: the recent 3 lie above every sampled old item, D = 1, p = 2/C(6,3) = 0.1
    for (let i = 0; i < 7; i++) kswin.update(0);
    kswin.update(100);
    kswin.update(101);
    const result = kswin.update(102);
    expect([result.drift, result.statistic]).toEqual([true, 1]);
    expect(kswin.getState().window).toEqual([100, 101, 102]);
  });

  it('is reproducible from its seed, and the seed matters', () => {
    const run = (seed: number) => {
      const kswin = new KSWIN({ seed });
      const random = new SeededRandom(3);
      return Array.from({ length: 300 }, () => kswin.update(random.nextGaussian()).statistic);
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  it('rejects statSize > windowSize / 2', () => {
    expect(() => new KSWIN({ windowSize: 10, statSize: 6 })).toThrow('Invalid "statSize": expected statSize <= windowSize / 2');
  });

  // measured delays 12–57 items over these seeds
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('detects a 2σ mean shift within 64 items (seed %d)', (seed) => {
    const random = new SeededRandom(seed);
    const kswin = new KSWIN();
    let first = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 2_500 && first === Number.POSITIVE_INFINITY; i++) {
      if (kswin.update(random.nextGaussian(i < 2_000 ? 0 : 2, 1)).drift && i >= 2_000) first = i;
    }
    expect(first - 2_000).toBeLessThanOrEqual(64);
  });

  // Each test is exact at level alpha for continuous data (two disjoint i.i.d. samples), so the expected
  // number of alarms is at most alpha · tests = 0.005 · 99 901 ≈ 500 on 100 000 items. Measured: 110.
  it('raises at most alpha · tests ≈ 500 false alarms on 100 000 stationary N(0, 1) items (measured 110)', () => {
    const random = new SeededRandom(7);
    const kswin = new KSWIN();
    let alarms = 0;
    for (let i = 0; i < 100_000; i++) if (kswin.update(random.nextGaussian()).drift) alarms++;
    expect(alarms).toBeLessThanOrEqual(500);
  });
});
