import { describe, expect, it } from '@jest/globals';
import { validateSeries } from '@ares/features';
import { SimulationInputError } from '../simulated/SimulationInputError.js';
import { generateSyntheticMarket } from './generateSyntheticMarket.js';

function logReturns(close: Float64Array, from = 0, to = close.length): number[] {
  const out: number[] = [];
  for (let i = Math.max(1, from); i < to; i++) out.push(Math.log((close[i] as number) / (close[i - 1] as number)));
  return out;
}
const mean = (x: readonly number[]) => x.reduce((s, v) => s + v, 0) / x.length;
const variance = (x: readonly number[]) => {
  const m = mean(x);
  return x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
};
function correlation(x: readonly number[], y: readonly number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((v, i) => {
    const w = (y[i] as number) - my;
    sxy += (v - mx) * w;
    sxx += (v - mx) ** 2;
    syy += w * w;
  });
  return sxy / Math.sqrt(sxx * syy);
}

describe('generateSyntheticMarket', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateSyntheticMarket({ seed: 42, bars: 2_000 }).series;
    const b = generateSyntheticMarket({ seed: 42, bars: 2_000 }).series;
    const c = generateSyntheticMarket({ seed: 43, bars: 2_000 }).series;
    expect(Array.from(a.close)).toEqual(Array.from(b.close));
    expect(Array.from(a.volume)).toEqual(Array.from(b.volume));
    expect(a.close[1_999]).not.toBe(c.close[1_999]);
  });

  it('produces a series that passes validation with no issue, on the timeframe grid', () => {
    const { series } = generateSyntheticMarket({ seed: 1, bars: 20_000, start: 1_700_000_000_000, timeframe: '15m', jumps: { probability: 0.01, meanLog: -0.01, stdLog: 0.05 } });
    const { report } = validateSeries(series, { timeframe: '15m', outlier: 'ignore' });
    expect(report.entries).toEqual([]);
    expect([series.timestamp[0], series.timestamp[1]]).toEqual([1_700_000_000_000, 1_700_000_900_000]);
    // Each bar opens at the previous close; high/low bracket open and close; volume is positive.
    let mismatches = 0;
    for (let i = 1; i < series.length; i++) if (series.open[i] !== series.close[i - 1]) mismatches++;
    expect([mismatches, series.open[0]]).toEqual([0, 100]);
    expect(Math.min(...series.volume)).toBeGreaterThan(0);
  });

  it('matches the return mean and variance of its parameters on a long series', () => {
    // Var(r) = σ² + p·(stdLog² + meanLog²) − (p·meanLog)² ; E[r] = drift + p·meanLog
    const drift = 0.0002;
    const sigma = 0.01;
    const jumps = { probability: 0.01, meanLog: -0.02, stdLog: 0.04 };
    const { series } = generateSyntheticMarket({ seed: 7, bars: 100_000, drift, volatility: sigma, garch: { alpha: 0.05, beta: 0.9 }, jumps });
    const r = logReturns(series.close);
    const expectedMean = drift + jumps.probability * jumps.meanLog;
    const expectedVariance = sigma ** 2 + jumps.probability * (jumps.stdLog ** 2 + jumps.meanLog ** 2) - (jumps.probability * jumps.meanLog) ** 2;
    // Standard error of the mean ≈ √(1.2e-4 / 1e5) ≈ 3.5e-5: about 3 standard errors.
    expect(Math.abs(mean(r) - expectedMean)).toBeLessThan(1e-4);
    expect(variance(r) / expectedVariance).toBeCloseTo(1, 1);
  });

  it('clusters volatility with GARCH and not without it (autocorrelation of squared returns)', () => {
    const acf1 = (garch: { alpha: number; beta: number } | null) => {
      const r = logReturns(generateSyntheticMarket({ seed: 3, bars: 50_000, garch, jumps: null }).series.close);
      const squared = r.map((v) => v * v);
      return correlation(squared.slice(1), squared.slice(0, -1));
    };
    // GARCH(1,1) lag-1 ACF of ε²: α(1 − αβ − β²)/(1 − 2αβ − β²) = 0.2·(1−0.12−0.36)/(1−0.24−0.36) = 0.26
    expect(acf1({ alpha: 0.2, beta: 0.6 })).toBeCloseTo(0.26, 1);
    expect(Math.abs(acf1(null))).toBeLessThan(0.02);
  });

  it('makes the regime switch visible in the return variance', () => {
    const { series, regimeChanges } = generateSyntheticMarket({ seed: 5, bars: 40_000, volatility: 0.005, regimes: [{ at: 20_000, drift: 0, volatility: 0.02 }], jumps: null });
    expect(regimeChanges).toEqual([20_000]);
    const before = variance(logReturns(series.close, 1, 20_000));
    const after = variance(logReturns(series.close, 20_001, 40_000));
    // (0.02 / 0.005)² = 16
    expect(after / before).toBeGreaterThan(12);
    expect(after / before).toBeLessThan(20);
  });

  it('correlates volume with the absolute return', () => {
    const { series } = generateSyntheticMarket({ seed: 11, bars: 20_000 });
    const r = logReturns(series.close).map(Math.abs);
    expect(correlation(r, Array.from(series.volume.subarray(1)))).toBeGreaterThan(0.3);
  });

  it.each([
    [{ seed: 1, bars: 0 }, 'options.bars'],
    [{ seed: 1, bars: 10, timeframe: '1w' }, 'options.timeframe'],
    [{ seed: 1, bars: 10, garch: { alpha: 0.5, beta: 0.6 } }, 'options.garch.beta'],
    [{ seed: 1.5, bars: 10 }, 'options.seed'],
  ])('rejects bad options naming the path %#', (options, path) => {
    expect(() => generateSyntheticMarket(options)).toThrow(expect.objectContaining({ argument: path }));
    expect(() => generateSyntheticMarket(options)).toThrow(SimulationInputError);
  });
});
