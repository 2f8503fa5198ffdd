import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from '../SeededRandom.js';
import { bootstrapTrades } from './bootstrapTrades.js';
import { reshuffleTrades } from './reshuffleTrades.js';

function seededReturns(seed: number, n: number): Float64Array {
  const random = new SeededRandom(seed);
  return Float64Array.from({ length: n }, () => 0.004 + 0.03 * random.nextGaussian());
}

describe('reshuffleTrades', () => {
  it('keeps the compounded final equity on every path while the drawdowns differ', () => {
    const returns = seededReturns(3, 60);
    const product = returns.reduce((p, r) => p * (1 + r), 100);
    const result = reshuffleTrades(returns, { paths: 200, seed: 5, initialEquity: 100 });
    for (const value of result.finalEquity.values) expect(value).toBeCloseTo(product, 8);
    expect(result.maxDrawdown.p95 - result.maxDrawdown.p5).toBeGreaterThan(0.01);
  });

  it('shows why absolute PnL must not be shuffled: a late large loss moved first sinks the account', () => {
    // Fixed-fraction sizing grew 100 → 200 → 400 → 800 (+100 % three times), then lost 30 %: 800 → 560.
    // As PnL: [+100, +200, +400, −240]. Reordered as PnL with the loss first: 100 − 240 = −140 < 0, an
    // account that cannot exist; as compounded returns the loss first gives 100 × 0.7 = 70, then 560.
    const pnl = [100, 200, 400, -240];
    expect(100 + (pnl[3] as number)).toBe(-140);
    const result = reshuffleTrades([1, 1, 1, -0.3], { paths: 500, seed: 1, initialEquity: 100 });
    expect(result.finalEquity.p5).toBeCloseTo(560, 9);
    expect(result.finalEquity.p95).toBeCloseTo(560, 9);
    expect(result.fan.bands[0]?.every((e) => e > 0)).toBe(true);
    // the loss either comes first (drawdown 30 % from the initial peak) or later (30 % from a higher peak)
    expect(result.maxDrawdown.p5).toBeCloseTo(0.3, 12);
    expect(result.maxDrawdown.p95).toBeCloseTo(0.3, 12);
  });

  it('gives hand-computable percentiles for returns [+10 %, −10 %]', () => {
    // order A: 1 → 1.1 → 0.99, under water 1 of 3 points; order B: 1 → 0.9 → 0.99, 2 of 3 points.
    // Both end at 0.99 with a 10 % max drawdown; step 1 is 1.1 or 0.9.
    const r = reshuffleTrades([0.1, -0.1], { paths: 400, seed: 2 });
    expect([r.finalEquity.p5, r.finalEquity.p95].map((x) => x.toFixed(12))).toEqual(['0.990000000000', '0.990000000000']);
    expect([r.maxDrawdown.p5, r.maxDrawdown.p95].map((x) => x.toFixed(12))).toEqual(['0.100000000000', '0.100000000000']);
    expect([r.timeUnderWater.p5, r.timeUnderWater.p95]).toEqual([1 / 3, 2 / 3]);
    expect(r.timeUnderWater.mean).toBeGreaterThan(0.45);
    expect(r.timeUnderWater.mean).toBeLessThan(0.55);
    const [p5, , , , p95] = r.fan.bands;
    expect([p5?.[0], p5?.[1], p95?.[1]]).toEqual([1, 0.9, 1.1]);
    expect(r.steps).toBe(2);
  });

  it('counts ruin and deep drawdowns per path', () => {
    // the −50 % trade always leaves a drawdown of at least 50 %, beyond the 40 % threshold
    const r = reshuffleTrades([0.2, -0.5, 0.1], { paths: 3000, seed: 4, ruinThreshold: 0.55, drawdownThreshold: 0.4 });
    expect(r.probabilityOfDrawdownBeyond).toBe(1);
    // Of the 6 orders only the two starting with −50 % dip below 0.55 (to 0.5); +10 % then −50 % gives
    // 0.55, not below, so P(ruin) = 1/3. Binomial sd √(1/3 · 2/3 / 3000) = 0.0086; allow 4 sd.
    expect(Math.abs(r.probabilityOfRuin - 1 / 3)).toBeLessThan(0.035);
  });

  it('is deterministic for a seed and differs for another', () => {
    const returns = seededReturns(8, 40);
    const a = reshuffleTrades(returns, { paths: 50, seed: 7 });
    const b = reshuffleTrades(returns, { paths: 50, seed: 7 });
    const c = reshuffleTrades(returns, { paths: 50, seed: 8 });
    expect(a).toEqual(b);
    expect(a.maxDrawdown.values).not.toEqual(c.maxDrawdown.values);
  });

  it('rejects returns below −100 % and bad options', () => {
    expect(() => reshuffleTrades([0.1, -1.5])).toThrow('Invalid "tradeReturns.1": expected a finite return >= -1 (a fraction, -0.05 = -5 %), received "-1.5".');
    expect(() => reshuffleTrades([0.1], { paths: 0 })).toThrow(/^Invalid "options.paths": .*received "0"\.$/);
  });
});

describe('bootstrapTrades', () => {
  it('draws with replacement: final equities of [+10 %, −10 %] over 2 steps are 1.21, 0.99 or 0.81 in proportions ¼, ½, ¼', () => {
    const r = bootstrapTrades([0.1, -0.1], { paths: 4000, seed: 3 });
    const values = [...r.finalEquity.values].map((v) => v.toFixed(9));
    const share = (x: string) => values.filter((v) => v === x).length / values.length;
    expect(share('1.210000000') + share('0.990000000') + share('0.810000000')).toBe(1);
    // binomial standard error √(0.25·0.75/4000) ≈ 0.0068; 4 standard errors
    expect(Math.abs(share('1.210000000') - 0.25)).toBeLessThan(0.028);
    expect(Math.abs(share('0.990000000') - 0.5)).toBeLessThan(0.032);
    expect(r.finalEquity.p50).toBeCloseTo(0.99, 12);
  });

  it('has a mean final equity near the expected compounded growth (1 + mean r)^steps', () => {
    const returns = seededReturns(12, 100);
    const m = returns.reduce((a, b) => a + b, 0) / returns.length;
    const r = bootstrapTrades(returns, { paths: 3000, seed: 9, steps: 50 });
    // independent draws: E[Π(1 + r_i)] = (1 + E r)^50
    expect(r.finalEquity.mean / (1 + m) ** 50).toBeGreaterThan(0.95);
    expect(r.finalEquity.mean / (1 + m) ** 50).toBeLessThan(1.05);
    expect(r.steps).toBe(50);
    expect(r.fan.bands[2]?.[50]).toBe(r.finalEquity.p50);
    expect(r.fan.bands[0]?.[50]).toBe(r.finalEquity.p5);
  });

  it('is deterministic for a seed and differs for another', () => {
    const returns = seededReturns(8, 40);
    expect(bootstrapTrades(returns, { paths: 30, seed: 1 })).toEqual(bootstrapTrades(returns, { paths: 30, seed: 1 }));
    expect(bootstrapTrades(returns, { paths: 30, seed: 1 }).finalEquity.values).not.toEqual(bootstrapTrades(returns, { paths: 30, seed: 2 }).finalEquity.values);
  });
});
