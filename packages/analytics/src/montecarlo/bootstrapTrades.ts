import { parseWithSchema } from '../parseWithSchema.js';
import { SeededRandom } from '../SeededRandom.js';
import { type TradeMonteCarloOptions, TradeMonteCarloOptionsSchema } from './MonteCarloOptionsSchema.js';
import { checkReturns, type MonteCarloResult, simulatePaths } from './simulatePaths.js';

/**
 * Monte Carlo by bootstrapping per-trade returns: each path draws `steps` (default: as many as given)
 * trades uniformly WITH replacement and compounds them. Unlike a reshuffle, final equity varies.
 * @see B. Efron, "Bootstrap Methods: Another Look at the Jackknife", Annals of Statistics, 1979.
 */
export function bootstrapTrades(tradeReturns: ArrayLike<number>, options: TradeMonteCarloOptions = {}): MonteCarloResult {
  const o = parseWithSchema(TradeMonteCarloOptionsSchema, options, 'options');
  checkReturns(tradeReturns, 'tradeReturns');
  const original = Float64Array.from(tradeReturns);
  const n = original.length;
  return simulatePaths({
    ...o,
    steps: o.steps ?? n,
    random: new SeededRandom(o.seed),
    drawPath: (random, out) => {
      for (let t = 0; t < out.length; t++) out[t] = original[random.nextInt(n)] as number;
    },
  });
}
