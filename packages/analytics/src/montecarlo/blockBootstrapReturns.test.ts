import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from '../SeededRandom.js';
import { blockBootstrapReturns, sampleBlockIndices } from './blockBootstrapReturns.js';

function runLengths(indices: Int32Array, n: number): number[] {
  const runs: number[] = [];
  let length = 1;
  for (let t = 1; t < indices.length; t++) {
    if (indices[t] === ((indices[t - 1] as number) + 1) % n) length++;
    else {
      runs.push(length);
      length = 1;
    }
  }
  return runs; // the last, possibly cut, run is left out
}

describe('sampleBlockIndices', () => {
  it('fixed: every block is exactly blockLength consecutive indices, wrapping around the end', () => {
    const out = new Int32Array(60);
    sampleBlockIndices(new SeededRandom(1), 10, 5, 'fixed', out);
    for (let b = 0; b < 12; b++) {
      const start = out[b * 5] as number;
      expect([...out.slice(b * 5, b * 5 + 5)]).toEqual([0, 1, 2, 3, 4].map((k) => (start + k) % 10));
    }
  });

  it('stationary: block lengths are geometric with mean blockLength (20 000 draws, within 5 %)', () => {
    const n = 1_000_000; // large n: an accidental continuation (new start = previous + 1) is negligible
    const out = new Int32Array(200_000);
    sampleBlockIndices(new SeededRandom(2), n, 10, 'stationary', out);
    const runs = runLengths(out, n);
    const meanLength = runs.reduce((a, b) => a + b, 0) / runs.length;
    expect(Math.abs(meanLength - 10)).toBeLessThan(0.5);
    // P(length = 1) = 1/10 for a geometric law with mean 10
    expect(Math.abs(runs.filter((r) => r === 1).length / runs.length - 0.1)).toBeLessThan(0.01);
  });
});

describe('blockBootstrapReturns', () => {
  const random = new SeededRandom(4);
  const returns = Float64Array.from({ length: 50 }, () => 0.01 * random.nextGaussian());
  const product = returns.reduce((p, r) => p * (1 + r), 1);

  it('fixed blocks as long as the series are rotations of it: same compounded final equity on every path', () => {
    const r = blockBootstrapReturns(returns, { blockLength: 50, method: 'fixed', paths: 100, seed: 1 });
    expect(r.finalEquity.p5).toBeCloseTo(product, 10);
    expect(r.finalEquity.p95).toBeCloseTo(product, 10);
    expect(r.maxDrawdown.p95).toBeGreaterThan(r.maxDrawdown.p5);
  });

  it('is deterministic for a seed and differs for another; honours steps', () => {
    const a = blockBootstrapReturns(returns, { blockLength: 5, paths: 40, seed: 3, steps: 80 });
    expect(a).toEqual(blockBootstrapReturns(returns, { blockLength: 5, paths: 40, seed: 3, steps: 80 }));
    expect(a.finalEquity.values).not.toEqual(blockBootstrapReturns(returns, { blockLength: 5, paths: 40, seed: 4, steps: 80 }).finalEquity.values);
    expect(a.fan.bands.map((b) => b.length)).toEqual([81, 81, 81, 81, 81]);
  });

  it('rejects a missing block length', () => {
    expect(() => blockBootstrapReturns(returns, { blockLength: 0 })).toThrow(/^Invalid "options.blockLength": .*received "0"\.$/);
  });
});
