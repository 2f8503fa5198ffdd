import { z } from 'zod';

/** How an entry is sized. All fractions are plain fractions (0.02 = 2 %), never percent numbers. */
export const SizingConfigSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('fixed-fraction'),
    /** Position notional as a fraction of `basis` (0.1 = 10 %). Default 0.1. */
    fraction: z.number().positive().default(0.1),
    /** What the fraction is of: account `equity` or free `cash`. Default `equity`. */
    basis: z.enum(['equity', 'cash']).default('equity'),
  }),
  z.object({
    method: z.literal('kelly'),
    /** Win probability p in [0, 1] when the proposal carries no classifier `probability`. Default: none (the proposal must carry it). */
    winProbability: z.number().min(0).max(1).optional(),
    /** Payoff ratio b (average win / average loss) when the proposal carries no `payoffRatio`. Default: none. */
    payoffRatio: z.number().nonnegative().optional(),
    /** Fraction of full Kelly to bet (0.5 = half Kelly). Default 0.5. */
    multiplier: z.number().positive().max(1).default(0.5),
    /** Upper bound on the bet, a fraction of equity. Default 0.25. */
    cap: z.number().positive().default(0.25),
  }),
  z.object({
    method: z.literal('target-volatility'),
    /** Annualized volatility target for the position, a fraction (0.2 = 20 % a year). Default 0.2. */
    targetVolatility: z.number().positive().default(0.2),
    /** Bars per year for √-time annualization of the per-bar volatility; 24/7 markets: 8760 hourly, 525600 minute, 365 daily. Default 8760. */
    barsPerYear: z.number().positive().default(8760),
  }),
  z.object({
    method: z.literal('risk-per-trade'),
    /** Equity lost if the stop is hit, a fraction (0.01 = 1 %). Default 0.01. */
    riskFraction: z.number().positive().max(1).default(0.01),
  }),
]);
export type SizingConfig = z.input<typeof SizingConfigSchema>;
