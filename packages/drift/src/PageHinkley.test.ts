import { describe, expect, it } from '@jest/globals';
import { PageHinkley } from './PageHinkley.js';
import { SeededRandom } from './SeededRandom.js';

const signals = (detector: PageHinkley, stream: readonly number[]) =>
  stream.map((x) => {
    const r = detector.update(x);
    return [r.drift, r.statistic] as const;
  });

describe('PageHinkley (hand-worked, delta 0, alpha 1, lambda 1.5, minInstances 1)', () => {
  const config = { minInstances: 1, delta: 0, alpha: 1, lambda: 1.5 };

  it('detects an increase: 0, 0, 0, 3 → mean 0.75, m = 3 − 0.75 = 2.25, M = 0, PH = 2.25 > 1.5', () => {
    const result = signals(new PageHinkley({ ...config, direction: 'up' }), [0, 0, 0, 3]);
    expect(result).toEqual([
      [false, 0],
      [false, 0],
      [false, 0],
      [true, 2.25],
    ]);
  });

  it('a one-sided up test ignores a decrease: 0, 0, 0, −3 → m = −2.25 is a new minimum, PH = 0', () => {
    expect(signals(new PageHinkley({ ...config, direction: 'up' }), [0, 0, 0, -3]).map(([d]) => d)).toEqual([false, false, false, false]);
  });

  it.each(['down', 'both'] as const)('direction %s detects the decrease: u = −2.25, U = 0, PH = 2.25', (direction) => {
    expect(signals(new PageHinkley({ ...config, direction }), [0, 0, 0, -3])[3]).toEqual([true, 2.25]);
  });

  it('fades the cumulative sum by alpha: 0, 2 with alpha 0.5 → mean 1, m₂ = 0.5·0 + (2 − 1) = 1', () => {
    const detector = new PageHinkley({ ...config, alpha: 0.5, lambda: 10 });
    detector.update(0);
    expect(detector.update(2).statistic).toBe(1);
    // x = −1: mean 1/3, m₃ = 0.5·1 + (−1 − 1/3) = −0.8333 → new minimum → PH = 0
    expect(detector.update(-1).statistic).toBe(0);
  });

  it('waits for minInstances items before signalling', () => {
    const detector = new PageHinkley({ ...config, minInstances: 5 });
    expect(signals(detector, [0, 0, 0, 3, 3]).map(([d]) => d)).toEqual([false, false, false, false, true]);
  });

  it('restarts its statistics after a drift', () => {
    const detector = new PageHinkley({ ...config, direction: 'up' });
    signals(detector, [0, 0, 0, 3]);
    expect(detector.getState()).toEqual(new PageHinkley({ ...config, direction: 'up' }).getState());
  });
});

describe('PageHinkley on synthetic streams (delta 0.25, lambda 50, alpha 0.9999, minInstances 30)', () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const run = (direction: 'up' | 'both', to: number, seed: number) => {
    const random = new SeededRandom(seed);
    const detector = new PageHinkley({ delta: 0.25, direction });
    const found: number[] = [];
    for (let i = 0; i < 3_000; i++) if (detector.update(random.nextGaussian(i < 2_000 ? 0 : to, 1)).drift) found.push(i);
    return found;
  };

  // expected delay ≈ λ / (shift − δ − drift of the running mean) ≈ 50 / 0.75 ≈ 67 items; measured 52–81
  it.each(seeds)('detects a 1σ increase within 120 items, no alarm before (seed %d)', (seed) => {
    const found = run('up', 1, seed);
    expect(found.filter((t) => t < 2_000)).toEqual([]);
    expect((found[0] ?? Number.POSITIVE_INFINITY) - 2_000).toBeLessThanOrEqual(120);
  });

  it.each(seeds)('two-sided detects a 1σ decrease within 120 items, no alarm before (seed %d)', (seed) => {
    const found = run('both', -1, seed);
    expect(found.filter((t) => t < 2_000)).toEqual([]);
    expect((found[0] ?? Number.POSITIVE_INFINITY) - 2_000).toBeLessThanOrEqual(120);
  });

  // Page-Hinkley has no delta-style confidence bound; the rate is set by λ and δ (average run length).
  // Measured on 1 000 000 N(0, 1) items: 40 one-sided, 46 two-sided, i.e. about one per 20 000 items.
  it.each([
    ['up', 40],
    ['both', 46],
  ] as const)('raises few false alarms on 1 000 000 stationary N(0, 1) items (%s: measured %d, limit 100)', (direction, _measured) => {
    const random = new SeededRandom(7);
    const detector = new PageHinkley({ delta: 0.25, direction });
    let alarms = 0;
    for (let i = 0; i < 1_000_000; i++) if (detector.update(random.nextGaussian(0, 1)).drift) alarms++;
    expect(alarms).toBeLessThanOrEqual(100);
  });
});
