import { describe, expect, it } from '@jest/globals';
import { EDDM } from './EDDM.js';
import { SeededRandom } from './SeededRandom.js';

describe('EDDM (hand-worked, minErrors 3)', () => {
  it('follows (mean + 2·sd) of the distances between errors against its maximum', () => {
    // errors at items 2, 4, 6 (distances 2, 2, 2): mean 2, sd 0 → level 2 = first maximum
    // item 7 (distance 1): mean 1.75, sd sqrt(0.1875) = 0.433013 → level 2.616025 = new maximum
    // item 8: distances 2,2,2,1,1: mean 1.6, sd sqrt(0.24) = 0.489898 → 2.579796 / 2.616025 = 0.986151 → normal
    // item 9: mean 1.5, sd 0.5 → 2.5 / 2.616025 = 0.955648 → normal
    // item 10: mean 10/7, sd sqrt(0.244898) = 0.494872 → 2.418315 / 2.616025 = 0.924423 → warning (< 0.95)
    // item 11: mean 1.375, sd sqrt(0.234375) = 0.484123 → 2.343246 / 2.616025 = 0.895728 → drift (< 0.9)
    const detector = new EDDM({ minErrors: 3 });
    const stream = [0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1];
    const seen = stream.map((x) => {
      const r = detector.update(x);
      return [r.drift ? 'drift' : r.warning ? 'warning' : 'normal', r.statistic] as const;
    });
    expect(seen.map(([flag]) => flag)).toEqual([...Array<string>(9).fill('normal'), 'warning', 'drift']);
    expect(seen[7]?.[1]).toBeCloseTo(0.986151, 5);
    expect(seen[8]?.[1]).toBeCloseTo(0.955648, 5);
    expect(seen[9]?.[1]).toBeCloseTo(0.924423, 5);
    expect(seen[10]?.[1]).toBeCloseTo(0.895728, 5);
  });

  it('keeps the warning flag on correct items and restarts after a drift', () => {
    const detector = new EDDM({ minErrors: 3 });
    for (const x of [0, 1, 0, 1, 0, 1, 1, 1, 1, 1]) detector.update(x);
    expect(detector.update(0).warning).toBe(true);
    const restarted = new EDDM({ minErrors: 3 });
    for (const x of [0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1]) restarted.update(x);
    expect(restarted.getState()).toEqual(new EDDM({ minErrors: 3 }).getState());
  });
});

describe('EDDM on synthetic error streams', () => {
  // measured delays 20–121 items; EDDM also alarms on noise before the change (counted, not asserted here)
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('detects an error-rate jump 0.1 → 0.4 within 150 items (seed %d)', (seed) => {
    const random = new SeededRandom(seed);
    const detector = new EDDM();
    let first = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3_000 && first === Number.POSITIVE_INFINITY; i++) {
      if (detector.update(random.nextBernoulli(i < 2_000 ? 0.1 : 0.4)).drift && i >= 2_000) first = i;
    }
    expect(first - 2_000).toBeLessThanOrEqual(150);
  });

  // EDDM has no confidence bound (fixed 0.9 / 0.95 ratios). Measured on 100 000 items: 3 at 0.1, 4 at 0.3.
  it.each([0.1, 0.3])('raises at most 10 false alarms on 100 000 stationary items at error rate %d', (rate) => {
    const random = new SeededRandom(7);
    const detector = new EDDM();
    let alarms = 0;
    for (let i = 0; i < 100_000; i++) if (detector.update(random.nextBernoulli(rate)).drift) alarms++;
    expect(alarms).toBeLessThanOrEqual(10);
  });
});
