import { type FeatureSpec, parseFeatureSpec } from '@ares/features';
import { z } from 'zod';
import { parseWithSchema } from '../engine/parseWithSchema.js';
import type { SignalContext, SignalDecision, SignalSource } from '../signal/SignalSource.js';

const level = z.number().gt(0, 'expected a level in (0, 100)').lt(100, 'expected a level in (0, 100)');

export const RsiMeanReversionConfigSchema = z
  .object({
    /** RSI period, bars. Default 14. */
    period: z.number().int('expected an integer >= 2').min(2, 'expected an integer >= 2').default(14),
    /** Oversold level: RSI below it goes long. Default 30. */
    lower: level.default(30),
    /** Overbought level: RSI above it closes a long (`long-only`) or goes short (`long-short`). Default 70. */
    upper: level.default(70),
    /** Earlier exit: a long closes once RSI >= exit, a short once RSI <= 100 − exit. Default: none (exit at the opposite level). */
    exit: level.optional(),
    /** Default `long-only`. */
    mode: z.enum(['long-only', 'long-short']).default('long-only'),
  })
  .strict()
  .refine((c) => c.lower < c.upper, { message: 'expected a level above "lower"', path: ['upper'] })
  .refine((c) => c.exit === undefined || (c.exit > c.lower && c.exit < c.upper), { message: 'expected a level between "lower" and "upper"', path: ['exit'] });
export type RsiMeanReversionConfig = z.input<typeof RsiMeanReversionConfigSchema>;

/**
 * RSI mean reversion (Wilder's RSI): long below `lower` (oversold); above `upper` (overbought) flat or
 * short; with `exit`, a long is closed once RSI recovers to `exit` (a short at 100 − `exit`). Between the
 * levels it has no opinion (target null), so the engine keeps what it holds.
 */
export class RsiMeanReversionStrategy implements SignalSource {
  readonly kind = 'rule';
  readonly id: string;
  readonly featureSpec: FeatureSpec;
  readonly #decision: SignalDecision = { target: null, probability: undefined, reason: '' };
  readonly #lower: number;
  readonly #upper: number;
  readonly #exit: number;
  readonly #overboughtTarget: 0 | -1;
  readonly #reasons: { oversold: string; overbought: string; exitLong: string; exitShort: string };

  constructor(config: RsiMeanReversionConfig = {}) {
    const c = parseWithSchema(RsiMeanReversionConfigSchema, config, 'config');
    this.id = `rsi-mean-reversion(${c.period},${c.lower},${c.upper}${c.exit === undefined ? '' : `,${c.exit}`},${c.mode})`;
    this.featureSpec = parseFeatureSpec({ version: 1, features: [{ name: 'rsi', indicator: 'rsi', params: { period: c.period } }] });
    this.#lower = c.lower;
    this.#upper = c.upper;
    this.#exit = c.exit ?? Number.NaN;
    this.#overboughtTarget = c.mode === 'long-only' ? 0 : -1;
    const rsi = `RSI(${c.period})`;
    this.#reasons = {
      oversold: `${rsi} below ${c.lower}: oversold`,
      overbought: `${rsi} above ${c.upper}: overbought`,
      exitLong: `${rsi} back to ${c.exit}: exit long`,
      exitShort: `${rsi} back to ${100 - (c.exit ?? 0)}: exit short`,
    };
  }

  decide(context: SignalContext): SignalDecision {
    const d = this.#decision;
    const rsi = context.features[0] as number;
    d.target = null;
    d.reason = 'RSI between levels';
    if (rsi < this.#lower) {
      d.target = 1;
      d.reason = this.#reasons.oversold;
    } else if (rsi > this.#upper) {
      d.target = this.#overboughtTarget;
      d.reason = this.#reasons.overbought;
    } else if (context.position > 0 && rsi >= this.#exit) {
      d.target = 0;
      d.reason = this.#reasons.exitLong;
    } else if (context.position < 0 && rsi <= 100 - this.#exit) {
      d.target = 0;
      d.reason = this.#reasons.exitShort;
    }
    return d;
  }

  reset(): void {}
}
