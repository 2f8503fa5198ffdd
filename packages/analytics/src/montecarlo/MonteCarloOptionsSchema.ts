import { z } from 'zod';

/** Options shared by every Monte Carlo method. */
export const MonteCarloOptionsSchema = z.object({
  /** Number of simulated paths. */
  paths: z.number().int().min(1).default(1000),
  /** Seed of the one {@link SeededRandom} that draws all paths, path after path. */
  seed: z.number().int().default(1),
  /** Equity every path starts from. */
  initialEquity: z.number().positive().default(1),
  /** A path is ruined when its equity falls below this fraction of the initial equity at any step. */
  ruinThreshold: z.number().min(0).max(1).default(0.5),
  /** A path counts in `probabilityOfDrawdownBeyond` when its max drawdown exceeds this fraction. */
  drawdownThreshold: z.number().min(0).max(1).default(0.2),
});
export type MonteCarloOptions = z.input<typeof MonteCarloOptionsSchema>;

/** Options of the trade-level methods: the number of trades per path defaults to the input's length. */
export const TradeMonteCarloOptionsSchema = MonteCarloOptionsSchema.extend({
  /** Trades per path for the bootstrap (a reshuffle always uses every trade once). */
  steps: z.number().int().min(1).optional(),
});
export type TradeMonteCarloOptions = z.input<typeof TradeMonteCarloOptionsSchema>;

/** Options of {@link blockBootstrapReturns}. */
export const BlockBootstrapOptionsSchema = MonteCarloOptionsSchema.extend({
  /** Block length in bars (`fixed`) or mean block length (`stationary`). */
  blockLength: z.number().int().min(1),
  /** `stationary` (Politis–Romano, geometric block lengths) or `fixed` (circular blocks of exactly `blockLength`). */
  method: z.enum(['stationary', 'fixed']).default('stationary'),
  /** Bars per path; defaults to the input's length. */
  steps: z.number().int().min(1).optional(),
});
export type BlockBootstrapOptions = z.input<typeof BlockBootstrapOptionsSchema>;
