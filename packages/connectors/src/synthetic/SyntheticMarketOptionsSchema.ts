import { timeframeToMs } from '@ares/features';
import { z } from 'zod';

/** A market regime from bar `at` on. */
export const RegimeSchema = z
  .object({
    /** First bar index of the regime. */
    at: z.number().int().min(0),
    /** Mean log return per bar of the diffusion (jumps excluded). */
    drift: z.number().finite(),
    /** Long-run standard deviation of the per-bar log return of the diffusion. */
    volatility: z.number().min(0).max(1),
  })
  .strict();

/**
 * GARCH(1,1) volatility clustering in variance-targeting form:
 * h_t = ω·σ² + α·ε²_{t−1} + β·h_{t−1}, with σ the regime volatility and ε the previous diffusion shock.
 * The long-run variance is ω·σ² / (1 − α − β).
 * @see Bollerslev (1986), "Generalized autoregressive conditional heteroskedasticity", J. Econometrics 31.
 */
export const GarchSchema = z
  .object({
    /** Weight of the regime variance. Default 1 − α − β: the regime `volatility` is the long-run level. */
    omega: z.number().positive().optional(),
    /** Reaction to the last shock. */
    alpha: z.number().min(0).max(1),
    /** Persistence of the variance; α + β < 1. */
    beta: z.number().min(0).max(1),
  })
  .strict()
  .refine((g) => g.alpha + g.beta < 1, { message: 'expected alpha + beta < 1 (a stationary variance)', path: ['beta'] });

/**
 * Merton jumps: with `probability` per bar the log return gains a jump J ~ Normal(meanLog, stdLog²).
 * @see Merton (1976), "Option pricing when underlying stock returns are discontinuous", J. Financial Economics 3.
 */
export const JumpsSchema = z
  .object({
    /** Chance of a jump in a bar. */
    probability: z.number().min(0).max(1),
    /** Mean of the jump's log size. */
    meanLog: z.number().finite(),
    /** Standard deviation of the jump's log size. */
    stdLog: z.number().min(0).max(1),
  })
  .strict();

export const SyntheticMarketOptionsSchema = z
  .object({
    /** PRNG seed: the same options and seed always give the same series. */
    seed: z.number().int().refine(Number.isSafeInteger, 'expected a safe integer'),
    /** Open time of the first bar, epoch ms. */
    start: z.number().int().min(0).default(Date.UTC(2024, 0, 1)),
    /** Bar duration, e.g. `'1h'`. */
    timeframe: z
      .string()
      .refine((text) => {
        try {
          return timeframeToMs(text) > 0;
        } catch {
          return false;
        }
      }, 'expected a positive integer followed by s, m, h or d (e.g. "5m", "1h")')
      .default('1h'),
    /** Number of bars. */
    bars: z.number().int().min(1).max(50_000_000),
    /** Open of the first bar. */
    startPrice: z.number().positive().finite().default(100),
    /** Regime of bar 0 onwards (until the first entry of `regimes`). */
    drift: z.number().finite().default(0),
    volatility: z.number().min(0).max(1).default(0.01),
    /** Regime switches, at known bar indexes. */
    regimes: z.array(RegimeSchema).default([]),
    /** Volatility clustering; `null` turns it off (constant variance per regime). */
    garch: GarchSchema.nullable().default({ alpha: 0.05, beta: 0.9 }),
    /** Fat-tailed jumps; `null` turns them off. */
    jumps: JumpsSchema.nullable().default({ probability: 0.002, meanLog: 0, stdLog: 0.03 }),
    /** Sub-steps of the simulated path inside a bar, from which high and low are taken. */
    subSteps: z.number().int().min(1).max(100).default(8),
    /** Typical volume per bar, base asset. */
    baseVolume: z.number().positive().default(100),
  })
  .strict();

export type SyntheticMarketOptions = z.input<typeof SyntheticMarketOptionsSchema>;
export type Regime = z.output<typeof RegimeSchema>;
