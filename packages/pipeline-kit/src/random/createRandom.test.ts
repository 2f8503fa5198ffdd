import { describe, expect, it } from '@jest/globals';
import { createRandom } from './createRandom.js';

// Reference outputs from an independent Mulberry32 written in Python with explicit uint32 masking:
//   a = (a + 0x6D2B79F5) & M; t = (a ^ a>>15) * (a|1) & M; t = ((t + (t ^ t>>7) * (t|61)) & M) ^ t; out = t ^ t>>14
// (M = 2^32 - 1), divided by 2^32.
const TWO_32 = 4294967296;

describe('createRandom (Mulberry32)', () => {
  it.each([
    [0, [1144304738, 1416247, 958946056, 627933444]],
    [1, [2693262067, 11749833, 2265367787, 4213581821]],
    [42, [2581720956, 1925393290, 3661312704, 2876485805]],
  ])('matches the independent reference for seed %d', (seed, words) => {
    const random = createRandom(seed);
    expect([random(), random(), random(), random()]).toEqual(words.map((w) => w / TWO_32));
  });

  it('takes seeds modulo 2^32 (seed 2^32 + 1 gives the sequence of seed 1)', () => {
    const a = createRandom(TWO_32 + 1);
    const b = createRandom(1);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it('stays in [0, 1) with a mean near 1/2 and variance near 1/12 over 100 000 draws', () => {
    const random = createRandom(7);
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = random();
      sum += x;
      sumSq += x * x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    const mean = sum / n;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Standard error of the mean is sqrt(1/12 / n) ~ 0.0009; 0.005 is over 5 standard errors.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects the seed %p', (seed) => {
    expect(() => createRandom(seed)).toThrow(`Invalid "seed": expected a safe integer, received "${seed}".`);
  });
});
