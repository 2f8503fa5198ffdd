import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from '../SeededRandom.js';
import { deflatedSharpeRatio, expectedMaxSharpe, probabilisticSharpeRatio } from './deflatedSharpeRatio.js';
import { returnMoments } from './returnMoments.js';

describe('deflatedSharpeRatio', () => {
  it('reproduces the worked example of Bailey & López de Prado (2014): DSR ≈ 0.9004', () => {
    // Annualized SR 2.5 over T = 1250 daily observations, skewness −3, kurtosis 10; N = 100 trials whose
    // annualized Sharpe estimates have variance 1/2. Daily: SR = 2.5/√250, V = 0.5/250.
    // The paper reports SR₀ ≈ 0.1132 (daily) and DSR ≈ 0.9004.
    const result = deflatedSharpeRatio(
      { sharpeRatio: 2.5 / Math.sqrt(250), observations: 1250, skewness: -3, kurtosis: 10 },
      { numberOfTrials: 100, trialSharpeVariance: 0.5 / 250 },
    );
    expect(result.expectedMaxSharpe).toBeCloseTo(0.1132, 4);
    expect(result.deflatedSharpeRatio).toBeCloseTo(0.9004, 4);
  });

  it('expects a zero maximum Sharpe from a single trial or from trials without dispersion', () => {
    expect(expectedMaxSharpe(1, 0.3)).toBe(0);
    expect(expectedMaxSharpe(50, 0)).toBe(0);
  });

  it('raises the bar with the number of trials', () => {
    const bars = [2, 10, 100, 1000].map((n) => expectedMaxSharpe(n, 1));
    expect(bars).toEqual([...bars].sort((a, b) => a - b));
    // N = 2: (1 − γ) Φ⁻¹(1/2) + γ Φ⁻¹(1 − 1/(2e)) = γ × Φ⁻¹(0.8160603) = 0.5772157 × 0.9004526 (scipy norm.ppf)
    expect(bars[0]).toBeCloseTo(0.5772156649 * 0.9004525966, 8);
  });
});

describe('probabilisticSharpeRatio', () => {
  it('matches the hand formula for normal returns: SR 0.1, T 253 → Φ(0.1·√252 / √1.005) = 0.943346', () => {
    expect(probabilisticSharpeRatio({ sharpeRatio: 0.1, observations: 253 })).toBeCloseTo(0.943345882804017, 10);
  });

  it('is 1/2 when the estimate equals the benchmark, and penalizes negative skew and fat tails', () => {
    expect(probabilisticSharpeRatio({ sharpeRatio: 0.2, observations: 100 }, 0.2)).toBe(0.5);
    const normal = probabilisticSharpeRatio({ sharpeRatio: 0.1, observations: 300 });
    const skewed = probabilisticSharpeRatio({ sharpeRatio: 0.1, observations: 300, skewness: -2, kurtosis: 9 });
    expect(skewed).toBeLessThan(normal);
  });

  it('rejects fewer than two observations', () => {
    expect(() => probabilisticSharpeRatio({ sharpeRatio: 0.1, observations: 1 })).toThrow(/^Invalid "observation.observations": .*received "1"\.$/);
  });
});

describe('returnMoments', () => {
  it('computes Sharpe, skewness and kurtosis of [1, 2, 3, 10] by hand', () => {
    // mean 4; deviations −3, −2, −1, 6; Σd² = 50, Σd³ = −27 − 8 − 1 + 216 = 180, Σd⁴ = 81 + 16 + 1 + 1296 = 1394
    // m2 = 12.5, m3 = 45, m4 = 348.5; sample stdev √(50/3)
    const m = returnMoments([1, 2, 3, 10]);
    expect(m.sharpeRatio).toBeCloseTo(4 / Math.sqrt(50 / 3), 12);
    expect(m.skewness).toBeCloseTo(45 / 12.5 ** 1.5, 12);
    expect(m.kurtosis).toBeCloseTo(348.5 / 12.5 ** 2, 12);
    expect(m.observations).toBe(4);
  });

  it('gives skewness ≈ 0 and kurtosis ≈ 3 on seeded normal draws', () => {
    const random = new SeededRandom(21);
    const m = returnMoments(Float64Array.from({ length: 200_000 }, () => random.nextGaussian()));
    expect(Math.abs(m.skewness)).toBeLessThan(0.03);
    expect(Math.abs(m.kurtosis - 3)).toBeLessThan(0.06);
  });

  it('rejects constant returns', () => {
    expect(() => returnMoments([0.01, 0.01, 0.01])).toThrow('Invalid "returns": expected some variation, received constant values.');
  });
});
