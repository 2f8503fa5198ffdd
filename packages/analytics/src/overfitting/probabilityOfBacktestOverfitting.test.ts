import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from '../SeededRandom.js';
import { probabilityOfBacktestOverfitting } from './probabilityOfBacktestOverfitting.js';

function noise(seed: number, trials: number, periods: number, drift: (n: number) => number = () => 0): Float64Array[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: trials }, (_, n) => Float64Array.from({ length: periods }, () => drift(n) + 0.01 * random.nextGaussian()));
}

describe('probabilityOfBacktestOverfitting', () => {
  it('works out a 2-trial, 2-split case by hand: the IS winner loses OOS both ways, PBO = 1', () => {
    // A: block 0 [0.01, 0.03] → SR 0.02/0.01414 = 1.414; block 1 [−0.01, 0.01] → SR 0
    // B: block 0 [0, 0.02] → SR 0.707;               block 1 [0.01, 0.03]  → SR 1.414
    // IS = block 0: A wins, OOS A (0) < B (1.414): rank 1 of 2, ω = 1/3, λ = ln(1/2)
    // IS = block 1: B wins, OOS B (0.707) < A (1.414): same
    const r = probabilityOfBacktestOverfitting(
      [
        [0.01, 0.03, -0.01, 0.01],
        [0, 0.02, 0.01, 0.03],
      ],
      { splits: 2 },
    );
    expect(r.combinations).toBe(2);
    expect([...r.logits].map((l) => l.toFixed(12))).toEqual([Math.log(0.5).toFixed(12), Math.log(0.5).toFixed(12)]);
    expect(r.pbo).toBe(1);
    expect(r.inSamplePerformance[0]).toBeCloseTo(0.02 / Math.sqrt(0.0002), 12);
    expect(r.outOfSamplePerformance[0]).toBeCloseTo(0, 12);
  });

  it('evaluates C(S, S/2) combinations: 70 for S = 8, 12 870 for S = 16', () => {
    expect(probabilityOfBacktestOverfitting(noise(1, 3, 64), { splits: 8 }).combinations).toBe(70);
    expect(probabilityOfBacktestOverfitting(noise(1, 3, 64)).combinations).toBe(12870);
  });

  it('is 0 when one trial dominates in every period (λ = ln(N) each time)', () => {
    const r = probabilityOfBacktestOverfitting(noise(2, 10, 400, (n) => (n === 3 ? 0.02 : 0)), { splits: 10 });
    expect(r.pbo).toBe(0);
    expect(r.logits.every((l) => Math.abs(l - Math.log(10)) < 1e-12)).toBe(true);
    expect(r.probabilityOfOutOfSampleLoss).toBe(0);
  });

  it('is about one half or more for pure noise (mean over 6 seeds in [0.4, 0.75])', () => {
    const pbos = [1, 2, 3, 4, 5, 6].map((seed) => probabilityOfBacktestOverfitting(noise(seed, 20, 480), { splits: 8 }).pbo);
    const meanPbo = pbos.reduce((a, b) => a + b, 0) / pbos.length;
    expect(meanPbo).toBeGreaterThan(0.4);
    expect(meanPbo).toBeLessThan(0.75);
  });

  it('rejects an odd number of splits, ragged rows and too few periods', () => {
    expect(() => probabilityOfBacktestOverfitting(noise(1, 3, 64), { splits: 5 })).toThrow('Invalid "options.splits": expected an even number, received "5".');
    expect(() => probabilityOfBacktestOverfitting([[1, 2, 3, 4], [1, 2, 3]], { splits: 2 })).toThrow('Invalid "performance.1": expected 4 periods like row 0, received "3".');
    expect(() => probabilityOfBacktestOverfitting(noise(1, 3, 10))).toThrow('Invalid "performance.0": expected at least 16 periods (one per split), received "10".');
    expect(() => probabilityOfBacktestOverfitting(noise(1, 1, 64))).toThrow('Invalid "performance": expected at least 2 trials (rows), received "1".');
  });
});
