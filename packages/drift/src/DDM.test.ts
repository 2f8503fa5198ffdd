import { describe, expect, it } from '@jest/globals';
import { DDM } from './DDM.js';
import { SeededRandom } from './SeededRandom.js';

const flags = (detector: DDM, stream: readonly number[]) =>
  stream.map((x) => {
    const r = detector.update(x);
    return r.drift ? 'drift' : r.warning ? 'warning' : 'normal';
  });

describe('DDM (hand-worked, minInstances 4)', () => {
  it('warns above p_min + 2·s_min and drifts above p_min + 3·s_min', () => {
    // n=4: p = 0.25, s = sqrt(0.25·0.75/4) = 0.216506 → minimum p + s = 0.466506
    // n=5: p = 0.2, s = sqrt(0.16/5) = 0.178885, p + s = 0.378885 → new minimum (0.2, 0.178885)
    //      warning level 0.2 + 2·0.178885 = 0.557771, drift level 0.2 + 3·0.178885 = 0.736656
    // n=6:  p = 2/6, s = 0.192450, p + s = 0.525783 → normal
    // n=7:  p = 3/7, s = 0.187044, p + s = 0.615615 → warning
    // n=8:  p = 0.5, s = 0.176777, p + s = 0.676777 → warning
    // n=9:  p = 5/9, s = 0.165635, p + s = 0.721191 → warning
    // n=10: p = 0.6, s = 0.154919, p + s = 0.754919 → drift
    const detector = new DDM({ minInstances: 4 });
    expect(flags(detector, [1, 0, 0, 0, 0, 1, 1, 1, 1, 1])).toEqual([
      ...Array<string>(6).fill('normal'),
      'warning',
      'warning',
      'warning',
      'drift',
    ]);
  });

  it('reports p + s as the statistic and p as the estimate', () => {
    const detector = new DDM({ minInstances: 4 });
    for (const x of [1, 0, 0, 0, 0, 1]) detector.update(x);
    const result = detector.update(1);
    expect(result.statistic).toBeCloseTo(3 / 7 + Math.sqrt((3 / 7) * (4 / 7) / 7), 12);
    expect(result.estimate).toBeCloseTo(3 / 7, 12);
    expect(result.threshold).toBeCloseTo(0.2 + 3 * Math.sqrt(0.16 / 5), 12);
  });

  it('rejects warningLevel >= driftLevel', () => {
    expect(() => new DDM({ warningLevel: 3, driftLevel: 3 })).toThrow('Invalid "warningLevel": expected warningLevel < driftLevel');
  });
});

describe('DDM on synthetic error streams', () => {
  // measured delays 46–275 items over these seeds (DDM reacts in proportion to the items seen)
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('detects an error-rate jump 0.1 → 0.4 within 300 items (seed %d)', (seed) => {
    const random = new SeededRandom(seed);
    const detector = new DDM();
    let first = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3_000 && first === Number.POSITIVE_INFINITY; i++) {
      if (detector.update(random.nextBernoulli(i < 2_000 ? 0.1 : 0.4)).drift && i >= 2_000) first = i;
    }
    expect(first - 2_000).toBeLessThanOrEqual(300);
  });

  // The 3σ rule bounds each test near 0.13% once p_min settles; alarms come from its early, noisy
  // minimum. Measured on 100 000 items: 0 at error rate 0.1 and 0 at 0.3.
  it.each([0.1, 0.3])('raises at most 5 false alarms on 100 000 stationary items at error rate %d (measured 0)', (rate) => {
    const random = new SeededRandom(7);
    const detector = new DDM();
    let alarms = 0;
    for (let i = 0; i < 100_000; i++) if (detector.update(random.nextBernoulli(rate)).drift) alarms++;
    expect(alarms).toBeLessThanOrEqual(5);
  });
});
