import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from './SeededRandom.js';

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and differs across neighbouring seeds', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0)).not.toEqual(draw(2 ** 32 - 1));
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12 (100 000 draws, within 4 standard errors)', () => {
    const random = new SeededRandom(1);
    const n = 100_000;
    const xs = Array.from({ length: n }, () => random.next());
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // standard error of the mean √(1/12/n) = 0.000913
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * 0.000913);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it('draws standard normals: mean 0, sd 1, P(|Z| > 1.96) = 5 % (100 000 draws)', () => {
    const random = new SeededRandom(2);
    const n = 100_000;
    const xs = Array.from({ length: n }, () => random.nextGaussian());
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sd - 1)).toBeLessThan(4 / Math.sqrt(2 * n));
    expect(Math.abs(xs.filter((x) => Math.abs(x) > 1.96).length / n - 0.05)).toBeLessThan(0.003);
  });

  it('shuffles into a uniform permutation: each of the 6 orders of 3 items about 1/6 of 60 000 times', () => {
    const random = new SeededRandom(3);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = random.shuffle(Float64Array.from([1, 2, 3])).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // binomial sd √(60000 · 1/6 · 5/6) ≈ 91; allow 4 sd
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(365);
  });

  it('rejects a non-integer seed', () => {
    expect(() => new SeededRandom(1.5)).toThrow('Invalid "seed": expected an integer, received "1.5".');
  });
});
