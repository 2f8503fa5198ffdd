import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from './SeededRandom.js';

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('continues the same sequence from its state', () => {
    const random = new SeededRandom(9);
    for (let i = 0; i < 10; i++) random.next();
    const copy = SeededRandom.fromState(random.getState());
    expect(Array.from({ length: 5 }, () => copy.next())).toEqual(Array.from({ length: 5 }, () => random.next()));
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12 (100 000 draws, within 4 standard errors)', () => {
    const random = new SeededRandom(1);
    const n = 100_000;
    const xs = Array.from({ length: n }, () => random.next());
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // standard error of the mean sqrt(1/12/n) = 0.000913
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * 0.000913);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it('draws Gaussians with the requested mean and sd (100 000 draws)', () => {
    const random = new SeededRandom(2);
    const n = 100_000;
    const xs = Array.from({ length: n }, () => random.nextGaussian(3, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    // standard error of the mean 2/sqrt(n) = 0.00632; of the sd ≈ 2/sqrt(2n) = 0.00447
    expect(Math.abs(mean - 3)).toBeLessThan(4 * 0.00632);
    expect(Math.abs(sd - 2)).toBeLessThan(4 * 0.00447);
    // P(|Z| > 1.96) = 0.05
    const tail = xs.filter((x) => Math.abs(x - 3) > 1.96 * 2).length / n;
    expect(Math.abs(tail - 0.05)).toBeLessThan(0.003);
  });

  it.each([[0], [5]])('draws integers in [0, n) for n = 7, all values reachable (seed %d)', (seed) => {
    const random = new SeededRandom(seed);
    const seen = new Set(Array.from({ length: 1_000 }, () => random.nextInt(7)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('rejects a non-integer seed', () => {
    expect(() => new SeededRandom(1.5)).toThrow('Invalid "seed": expected an integer, received "1.5".');
  });
});
