import { z } from 'zod';
import { checkBinary } from './checkInput.js';
import { createResult, type DriftDetector, type DriftResult } from './DriftDetector.js';
import { parseWithSchema } from './parseWithSchema.js';
import { NAN, sqrt } from './math.js';

export const DDMConfigSchema = z
  .object({
    /** Items seen before the minimum is tracked and levels are tested. */
    minInstances: z.number().int('expected an integer >= 1').min(1, 'expected an integer >= 1').default(30),
    /** Warning when p + s > p_min + warningLevel · s_min. */
    warningLevel: z.number().gt(0, 'expected a number > 0').default(2),
    /** Drift when p + s > p_min + driftLevel · s_min. */
    driftLevel: z.number().gt(0, 'expected a number > 0').default(3),
  })
  .refine((c) => c.warningLevel < c.driftLevel, { message: 'expected warningLevel < driftLevel', path: ['warningLevel'] });
export type DDMConfig = z.input<typeof DDMConfigSchema>;

export interface DDMState {
  type: 'ddm';
  config: z.output<typeof DDMConfigSchema>;
  count: number;
  errorRate: number;
  /** p_min and s_min; Number.MAX_VALUE until first set (JSON has no Infinity). */
  minErrorRate: number;
  minStd: number;
}

const DDMStateSchema = z.object({
  type: z.literal('ddm'),
  config: DDMConfigSchema,
  count: z.number().int().min(0),
  errorRate: z.number().min(0).max(1),
  minErrorRate: z.number(),
  minStd: z.number(),
});

/**
 * DDM, the drift detection method of Gama et al. for a classifier's error stream (1 = error, 0 = correct).
 * With p the running error rate after n items and s = sqrt(p(1 − p)/n), it records (p_min, s_min) where
 * p + s is smallest, then signals warning at p + s > p_min + 2·s_min and drift at p + s > p_min + 3·s_min
 * (levels configurable). A drift restarts the statistics for the new concept.
 * @see J. Gama, P. Medas, G. Castillo, P. Rodrigues, "Learning with Drift Detection", SBIA 2004.
 */
export class DDM implements DriftDetector<DDMState> {
  readonly kind = 'ddm';
  readonly statisticName = 'p + s';
  readonly #config: z.output<typeof DDMConfigSchema>;
  readonly #result: DriftResult = createResult();
  #count = 0;
  #errorRate = 0;
  #minErrorRate = Number.MAX_VALUE;
  #minStd = Number.MAX_VALUE;

  constructor(config: DDMConfig = {}) {
    this.#config = Object.freeze(parseWithSchema(DDMConfigSchema, config));
  }

  get config(): Readonly<z.output<typeof DDMConfigSchema>> {
    return this.#config;
  }

  update(x: number): Readonly<DriftResult> {
    checkBinary(x);
    const result = this.#result;
    this.#count++;
    this.#errorRate += (x - this.#errorRate) / this.#count;
    const p = this.#errorRate;
    const s = sqrt((p * (1 - p)) / this.#count);
    result.estimate = p;
    result.statistic = p + s;
    result.drift = false;
    result.warning = false;
    if (this.#count < this.#config.minInstances) {
      result.threshold = NAN;
      return result;
    }
    if (p + s <= this.#minErrorRate + this.#minStd) {
      this.#minErrorRate = p;
      this.#minStd = s;
    }
    result.threshold = this.#minErrorRate + this.#config.driftLevel * this.#minStd;
    result.drift = p + s > result.threshold;
    result.warning = !result.drift && p + s > this.#minErrorRate + this.#config.warningLevel * this.#minStd;
    if (result.drift) this.#restart();
    return result;
  }

  reset(): void {
    this.#restart();
    const result = this.#result;
    result.drift = false;
    result.warning = false;
    result.estimate = undefined;
    result.statistic = 0;
    result.threshold = NAN;
  }

  #restart(): void {
    this.#count = 0;
    this.#errorRate = 0;
    this.#minErrorRate = Number.MAX_VALUE;
    this.#minStd = Number.MAX_VALUE;
  }

  getState(): DDMState {
    return {
      type: 'ddm',
      config: { ...this.#config },
      count: this.#count,
      errorRate: this.#errorRate,
      minErrorRate: this.#minErrorRate,
      minStd: this.#minStd,
    };
  }

  static fromState(state: DDMState): DDM {
    const s = parseWithSchema(DDMStateSchema, state, 'state');
    const detector = new DDM(s.config);
    detector.#count = s.count;
    detector.#errorRate = s.errorRate;
    detector.#minErrorRate = s.minErrorRate;
    detector.#minStd = s.minStd;
    return detector;
  }
}
