import { type FeatureSpec, parseFeatureSpec } from '@ares/features';
import { z } from 'zod';
import { parseWithSchema } from '../engine/parseWithSchema.js';
import type { SignalContext, SignalDecision, SignalSource } from '../signal/SignalSource.js';

const period = z.number().int('expected an integer >= 1').min(1, 'expected an integer >= 1');

export const SmaCrossoverConfigSchema = z
  .object({
    /** Fast SMA period, bars. */
    fast: period,
    /** Slow SMA period, bars; greater than `fast`. */
    slow: period,
    /** `long-only`: a bearish cross exits; `long-short`: it reverses to short. Default `long-only`. */
    mode: z.enum(['long-only', 'long-short']).default('long-only'),
  })
  .strict()
  .refine((c) => c.fast < c.slow, { message: 'expected a period greater than "fast"', path: ['slow'] });
export type SmaCrossoverConfig = z.input<typeof SmaCrossoverConfigSchema>;

/**
 * Moving-average crossover: long when the fast SMA crosses above the slow SMA; on the cross below, flat
 * (`long-only`) or short (`long-short`). Decides only on cross bars (target null otherwise), so a
 * position closed by a stop is not re-entered until the next cross. A cross is the bar where
 * sign(fast − slow) flips; bars where the averages are equal keep the previous side (features' `Crossover`).
 */
export class SmaCrossoverStrategy implements SignalSource {
  readonly kind = 'rule';
  readonly id: string;
  readonly featureSpec: FeatureSpec;
  readonly #decision: SignalDecision = { target: null, probability: undefined, reason: '' };
  readonly #bearishTarget: 0 | -1;
  readonly #above: string;
  readonly #below: string;

  constructor(config: SmaCrossoverConfig) {
    const { fast, slow, mode } = parseWithSchema(SmaCrossoverConfigSchema, config, 'config');
    this.id = `sma-crossover(${fast},${slow},${mode})`;
    this.featureSpec = parseFeatureSpec({
      version: 1,
      features: [
        { name: 'sma_fast', indicator: 'sma', params: { period: fast } },
        { name: 'sma_slow', indicator: 'sma', params: { period: slow } },
        { name: 'sma_cross', transform: 'crossover', a: 'sma_fast', b: 'sma_slow' },
      ],
    });
    this.#bearishTarget = mode === 'long-only' ? 0 : -1;
    this.#above = `fast SMA(${fast}) crossed above slow SMA(${slow})`;
    this.#below = `fast SMA(${fast}) crossed below slow SMA(${slow})`;
  }

  decide(context: SignalContext): SignalDecision {
    const d = this.#decision;
    const cross = context.features[2] as number;
    if (cross > 0) {
      d.target = 1;
      d.reason = this.#above;
    } else if (cross < 0) {
      d.target = this.#bearishTarget;
      d.reason = this.#below;
    } else {
      d.target = null;
      d.reason = 'no crossover';
    }
    return d;
  }

  /** Stateless: the crossover state lives in the engine's features. */
  reset(): void {}
}
