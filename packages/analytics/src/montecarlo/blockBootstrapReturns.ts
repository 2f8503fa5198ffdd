import { parseWithSchema } from '../parseWithSchema.js';
import { SeededRandom } from '../SeededRandom.js';
import { type BlockBootstrapOptions, BlockBootstrapOptionsSchema } from './MonteCarloOptionsSchema.js';
import { checkReturns, type MonteCarloResult, simulatePaths } from './simulatePaths.js';

/**
 * Writes bootstrap indices into `out`, wrapping around the end of the series (circular blocks).
 * `fixed`: blocks of exactly `blockLength` consecutive bars, each starting at a uniform index.
 * `stationary`: before each bar, with probability 1 / blockLength a new block starts at a uniform
 * index, else the block continues; block lengths are geometric with mean `blockLength`.
 * @see D. N. Politis, J. P. Romano, "The Stationary Bootstrap", JASA 89 (1994) 1303–1313.
 * @see D. N. Politis, J. P. Romano, "A Circular Block-Resampling Procedure for Stationary Data", 1992.
 */
export function sampleBlockIndices(random: SeededRandom, n: number, blockLength: number, method: 'stationary' | 'fixed', out: Int32Array): void {
  let index = 0;
  for (let t = 0; t < out.length; t++) {
    const startsBlock = t === 0 || (method === 'fixed' ? t % blockLength === 0 : random.next() < 1 / blockLength);
    index = startsBlock ? random.nextInt(n) : (index + 1) % n;
    out[t] = index;
  }
}

/**
 * Monte Carlo by block-bootstrapping per-bar returns, which keeps short-range dependence
 * (volatility clusters) that a trade-level bootstrap loses. Paths are compounded from `initialEquity`.
 */
export function blockBootstrapReturns(barReturns: ArrayLike<number>, options: BlockBootstrapOptions): MonteCarloResult {
  const o = parseWithSchema(BlockBootstrapOptionsSchema, options, 'options');
  checkReturns(barReturns, 'barReturns');
  const original = Float64Array.from(barReturns);
  const steps = o.steps ?? original.length;
  const indices = new Int32Array(steps);
  return simulatePaths({
    ...o,
    steps,
    random: new SeededRandom(o.seed),
    drawPath: (random, out) => {
      sampleBlockIndices(random, original.length, o.blockLength, o.method, indices);
      for (let t = 0; t < steps; t++) out[t] = original[indices[t] as number] as number;
    },
  });
}
