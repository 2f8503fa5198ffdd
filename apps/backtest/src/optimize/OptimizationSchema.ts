import { ParameterSpaceSchema } from '@ares/analytics';
import { z } from 'zod';

/**
 * What a trial maximizes. `return-over-drawdown` = total return / max drawdown; `custom` = the default
 * export of the module named by `customObjective`.
 */
export const ObjectiveSchema = z.enum(['sharpe', 'sortino', 'calmar', 'return-over-drawdown', 'custom']);
export type Objective = z.output<typeof ObjectiveSchema>;

/** The multi-stage optimization: coarse search, fine grid around the best, walk-forward. */
export const OptimizationSchema = z.object({
  /** Stages to run: `coarse`, `fine` (coarse then fine), `walk-forward` (coarse + fine per window) or `all`. */
  stage: z.enum(['coarse', 'fine', 'walk-forward', 'all']).default('all'),
  /** Parameters searched; each name is a `strategy` field (fast, slow, rsiPeriod, rsiLower, rsiUpper). */
  space: ParameterSpaceSchema.default([
    { name: 'fast', kind: 'int', min: 5, max: 50, step: 5 },
    { name: 'slow', kind: 'int', min: 20, max: 200, step: 20 },
  ]),
  objective: ObjectiveSchema.default('sharpe'),
  /**
   * With `objective: custom`: an ES module (`.mjs`, or `.js`) whose default export is
   * `(metrics) => number`, metrics = { totalReturn, cagr, sharpeRatio, sortinoRatio, calmarRatio,
   * maxDrawdown, numberOfTrades }; higher is better. Relative to the working directory. A throw or a
   * result that is not a finite number fails that trial (with the message), not the run.
   */
  customObjective: z.string().min(1).optional(),
  /** A trial with fewer closed trades scores −Infinity. */
  minTrades: z.number().int().min(0).default(5),
  /** A trial with a deeper max drawdown (fraction) scores −Infinity. */
  maxDrawdown: z.number().positive().max(1).default(0.5),
  /** Stage-1 sampler: the full grid, seeded uniform random points, or a seeded Latin hypercube. */
  sampler: z.enum(['grid', 'random', 'latin-hypercube']).default('grid'),
  /** Points drawn by `random` / `latin-hypercube` (the grid takes every point). */
  trials: z.number().int().min(1).default(100),
  /** Stage 2 refines around this many of the best stage-1 trials. */
  topK: z.number().int().min(1).default(3),
  /** Stage-2 values per numeric parameter around each of the top-k (analytics `refineAround`). */
  fineSteps: z.number().int().min(2).default(5),
  /** Stage-2 half-width as a fraction of each parameter's range. */
  fineRadius: z.number().positive().max(1).default(0.1),
  /** Walk-forward in-sample length, bars. */
  inSampleBars: z.number().int().min(2).default(4380),
  /** Walk-forward out-of-sample length, bars. */
  outOfSampleBars: z.number().int().min(2).default(1460),
  /** Anchored walk-forward (in-sample windows all start at bar 0) instead of rolling. */
  anchored: z.boolean().default(false),
  /** Worker threads running trials; results do not depend on it. */
  workers: z.number().int().min(1).default(2),
  /** Checkpoint the completed trials after every this many (and when stopped). */
  checkpointEvery: z.number().int().min(1).default(50),
}).superRefine((o, ctx) => {
  if (o.objective === 'custom' && o.customObjective === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected the path of the objective module when "objective" is "custom"', path: ['customObjective'], input: o.customObjective });
  }
});
export type OptimizationInput = z.input<typeof OptimizationSchema>;
export type OptimizationSettings = z.output<typeof OptimizationSchema>;
