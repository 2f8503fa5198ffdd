import { parseWithSchema } from '../parseWithSchema.js';
import { SeededRandom } from '../SeededRandom.js';
import { type TradeMonteCarloOptions, TradeMonteCarloOptionsSchema } from './MonteCarloOptionsSchema.js';
import { checkReturns, type MonteCarloResult, simulatePaths } from './simulatePaths.js';

/**
 * Monte Carlo by reshuffling the order of per-trade returns (each path a uniform random permutation,
 * Fisher–Yates), compounded from `initialEquity`. Under compounding the final equity is the same on
 * every path (a product does not depend on order): what varies is the path, i.e. drawdowns and time
 * under water. Pass returns on equity (fractions), never absolute PnL: a PnL earned at one equity
 * level means another risk at another level.
 */
export function reshuffleTrades(tradeReturns: ArrayLike<number>, options: TradeMonteCarloOptions = {}): MonteCarloResult {
  const o = parseWithSchema(TradeMonteCarloOptionsSchema, options, 'options');
  checkReturns(tradeReturns, 'tradeReturns');
  const original = Float64Array.from(tradeReturns);
  return simulatePaths({
    ...o,
    steps: original.length,
    random: new SeededRandom(o.seed),
    drawPath: (random, out) => {
      out.set(original);
      random.shuffle(out);
    },
  });
}
