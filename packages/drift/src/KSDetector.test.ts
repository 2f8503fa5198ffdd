import { describe, expect, it } from '@jest/globals';
import { KSDetector } from './KSDetector.js';
import { ksPValue } from './kolmogorovSmirnov.js';
import { SeededRandom } from './SeededRandom.js';

const sample = (seed: number, n: number, mean = 0) => {
  const random = new SeededRandom(seed);
  return Array.from({ length: n }, () => random.nextGaussian(mean, 1));
};

describe('KSDetector', () => {
  it('compares the window with the reference: window 10..19 vs reference 0..19 gives D = 0.5', () => {
    // at x = 9: F_ref = 10/20 = 0.5, F_window = 0 → D = 0.5
    const detector = new KSDetector({ reference: { values: Array.from({ length: 20 }, (_, i) => i) }, windowSize: 10 });
    let result = detector.update(10);
    for (let x = 11; x < 20; x++) result = detector.update(x);
    expect(result.statistic).toBe(0.5);
    // sliding: adding 0 evicts 10 → window {0, 11..19}: at x = 10, F_ref = 11/20 = 0.55 vs F_window = 0.1 → D = 0.45
    expect(detector.update(0).statistic).toBeCloseTo(0.45, 12);
  });

  it('drifts exactly when the asymptotic p-value falls below driftAlpha', () => {
    const reference = sample(1, 2_000);
    const detector = new KSDetector({ reference: { values: reference }, windowSize: 100 });
    const live = sample(2, 400, 0.4);
    for (const x of live) {
      const r = detector.update(x);
      if (r.statistic === 0) continue;
      const p = ksPValue(r.statistic, 100, 2_000);
      expect([r.drift, r.warning]).toEqual([p < 0.001, p >= 0.001 && p < 0.01]);
    }
  });

  // measured delays 115–289 items with a window of 500 against 5 000 reference items
  it.each([1, 2, 3, 4, 5])('detects a 0.5σ shift within 350 items, no alarm before (seed %d)', (seed) => {
    const detector = new KSDetector({ reference: { values: sample(99, 5_000) } });
    const random = new SeededRandom(seed);
    const found: number[] = [];
    for (let i = 0; i < 2_500; i++) if (detector.update(random.nextGaussian(i < 2_000 ? 0 : 0.5, 1)).drift) found.push(i);
    expect(found.filter((t) => t < 2_000)).toEqual([]);
    expect((found[0] ?? Number.POSITIVE_INFINITY) - 2_000).toBeLessThanOrEqual(350);
  });

  // P(p < α) ≤ α at each check, over both samples, so E[alarms] ≤ α · checks = 0.001 · 19 801 = 19.8
  // per 20 000 items (window 200, reference 2 000). Averaged over 10 independent reference / live
  // pairs: one fixed reference shares its own sampling error with every check, hence the averaging.
  it('raises on average at most alpha · checks = 19.8 false alarms per 20 000 stationary items', () => {
    let alarms = 0;
    for (let pair = 1; pair <= 10; pair++) {
      const detector = new KSDetector({ reference: { values: sample(100 + pair, 2_000) }, windowSize: 200 });
      const random = new SeededRandom(pair);
      for (let i = 0; i < 20_000; i++) if (detector.update(random.nextGaussian()).drift) alarms++;
    }
    expect(alarms / 10).toBeLessThanOrEqual(19.8);
  });
});
