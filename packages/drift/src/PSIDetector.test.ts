import { describe, expect, it } from '@jest/globals';
import { PSIDetector } from './PSIDetector.js';
import { SeededRandom } from './SeededRandom.js';

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe('PSIDetector', () => {
  it('is 0 (stable) when the window fills the deciles evenly', () => {
    const detector = new PSIDetector({ reference: { values: oneToHundred }, windowSize: 10 });
    let result = detector.update(5);
    for (const x of [15, 25, 35, 45, 55, 65, 75, 85, 95]) result = detector.update(x);
    expect([result.statistic, result.drift, result.warning]).toEqual([0, false, false]);
  });

  it('computes PSI for a window crowded into the first decile', () => {
    // a = [1, 0 × 9] (0 floored at 1e-4), e = 0.1 each:
    // (1 − 0.1)·ln(10) + 9·(1e-4 − 0.1)·ln(1e-4/0.1) = 2.072327 + 6.210763 = 8.283090
    const detector = new PSIDetector({ reference: { values: oneToHundred }, windowSize: 10 });
    let result = detector.update(1);
    for (let i = 0; i < 9; i++) result = detector.update(i % 10);
    expect(result.statistic).toBeCloseTo(8.28309, 5);
    expect(result.drift).toBe(true);
  });

  it('is stable, then warns at 0.1 <= PSI <= 0.25, on a hand-counted window of 20', () => {
    // window [1, 2, 3 | 11, 12 | 21, 22 | … | 81, 82 | 91]: bin 0 holds 3 (0.15), bins 1–8 hold 2 (0.1), bin 9 holds 1 (0.05)
    // PSI = (0.15 − 0.1)·ln 1.5 + (0.05 − 0.1)·ln 0.5 = 0.020273 + 0.034657 = 0.054931 → stable
    const detector = new PSIDetector({ reference: { values: oneToHundred }, windowSize: 20 });
    let result = detector.update(1);
    for (const x of [2, 3, 11, 12, 21, 22, 31, 32, 41, 42, 51, 52, 61, 62, 71, 72, 81, 82, 91]) result = detector.update(x);
    expect(result.statistic).toBeCloseTo(0.054931, 5);
    expect([result.warning, result.drift]).toEqual([false, false]);
    // 4, 5, 6, 7 evict 1, 2, 3, 11: bin 0 holds 4 (0.2), bin 1 holds 1 (0.05), bins 2–8 hold 2, bin 9 holds 1 (0.05)
    // PSI = (0.2 − 0.1)·ln 2 + 2·(0.05 − 0.1)·ln 0.5 = 0.069315 + 0.069315 = 0.138629 → moderate
    for (const x of [4, 5, 6, 7]) result = detector.update(x);
    expect(result.statistic).toBeCloseTo(0.138629, 5);
    expect([result.warning, result.drift]).toEqual([true, false]);
  });

  const reference = (() => {
    const random = new SeededRandom(99);
    return Array.from({ length: 5_000 }, () => random.nextGaussian());
  })();

  // measured delays 215–298 items with a window of 500
  it.each([1, 2, 3, 4, 5])('detects a 1σ shift within 350 items, no alarm before (seed %d)', (seed) => {
    const random = new SeededRandom(seed);
    const detector = new PSIDetector({ reference: { values: reference } });
    const found: number[] = [];
    for (let i = 0; i < 2_500; i++) if (detector.update(random.nextGaussian(i < 2_000 ? 0 : 1, 1)).drift) found.push(i);
    expect(found.filter((t) => t < 2_000)).toEqual([]);
    expect((found[0] ?? Number.POSITIVE_INFINITY) - 2_000).toBeLessThanOrEqual(350);
  });

  // Without shift, PSI ≈ χ²(B − 1)·(1/n + 1/N): mean 9·(1/500 + 1/5000) = 0.0198; reaching 0.1 needs
  // χ²(9) > 45 (p ≈ 1e-6 per window). Measured over 100 000 items: max below 0.1, no warning, no drift.
  it('stays stable on 100 000 stationary items (no warning, no drift)', () => {
    const random = new SeededRandom(7);
    const detector = new PSIDetector({ reference: { values: reference } });
    let signals = 0;
    for (let i = 0; i < 100_000; i++) {
      const r = detector.update(random.nextGaussian());
      if (r.drift || r.warning) signals++;
    }
    expect(signals).toBe(0);
  });
});
