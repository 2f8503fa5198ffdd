import { z } from 'zod';
import { checkBinary } from './checkInput.js';
import { createResult, type DriftDetector, type DriftResult } from './DriftDetector.js';
import { parseWithSchema } from './parseWithSchema.js';
import { NAN, sqrt } from './math.js';

export const EDDMConfigSchema = z
  .object({
    /** Errors seen before the maximum is tracked and levels are tested. */
    minErrors: z.number().int('expected an integer >= 1').min(1, 'expected an integer >= 1').default(30),
    /** Warning when (p' + 2s') / (p' + 2s')_max < warningLevel. */
    warningLevel: z.number().gt(0, 'expected a number in (0, 1)').lt(1, 'expected a number in (0, 1)').default(0.95),
    /** Drift when (p' + 2s') / (p' + 2s')_max < driftLevel. */
    driftLevel: z.number().gt(0, 'expected a number in (0, 1)').lt(1, 'expected a number in (0, 1)').default(0.9),
  })
  .refine((c) => c.driftLevel < c.warningLevel, { message: 'expected driftLevel < warningLevel', path: ['driftLevel'] });
export type EDDMConfig = z.input<typeof EDDMConfigSchema>;

export interface EDDMState {
  type: 'eddm';
  config: z.output<typeof EDDMConfigSchema>;
  count: number;
  errors: number;
  lastErrorAt: number;
  meanDistance: number;
  /** Welford's sum of squared deviations of the distances. */
  squaredDeviations: number;
  maxLevel: number;
  /** Last evaluated (p' + 2s') / max; between errors it stands, as does the warning flag. */
  ratio: number;
  warning: boolean;
}

const EDDMStateSchema = z.object({
  type: z.literal('eddm'),
  config: EDDMConfigSchema,
  count: z.number().int().min(0),
  errors: z.number().int().min(0),
  lastErrorAt: z.number().int().min(0),
  meanDistance: z.number().min(0),
  squaredDeviations: z.number().min(0),
  maxLevel: z.number().min(0),
  ratio: z.number().min(0),
  warning: z.boolean(),
});

/**
 * EDDM, the early drift detection method of Baena-García et al., for a classifier's error stream
 * (1 = error, 0 = correct). It follows the distance (in items) between consecutive errors: with p' its
 * mean and s' its standard deviation, it records the maximum of p' + 2s' and, once `minErrors` errors
 * were seen, signals warning when (p' + 2s') / max < 0.95 and drift when < 0.9 (configurable).
 * Levels are evaluated at each error; between errors the warning flag keeps its last value.
 * The statistic is that ratio, so drift is the statistic falling *below* the threshold.
 * A drift restarts the statistics.
 * @see M. Baena-García et al., "Early Drift Detection Method", ECML PKDD Workshop on Knowledge Discovery from Data Streams, 2006.
 */
export class EDDM implements DriftDetector<EDDMState> {
  readonly kind = 'eddm';
  readonly statisticName = "(p' + 2s') / max";
  readonly #config: z.output<typeof EDDMConfigSchema>;
  readonly #result: DriftResult = createResult();
  #count = 0;
  #errors = 0;
  #lastErrorAt = 0;
  #meanDistance = 0;
  #squaredDeviations = 0;
  #maxLevel = 0;
  /** Last evaluated (p' + 2s') / max (0 before minErrors errors). */
  #ratio = 0;
  #warning = false;

  constructor(config: EDDMConfig = {}) {
    this.#config = Object.freeze(parseWithSchema(EDDMConfigSchema, config));
  }

  get config(): Readonly<z.output<typeof EDDMConfigSchema>> {
    return this.#config;
  }

  update(x: number): Readonly<DriftResult> {
    checkBinary(x);
    const result = this.#result;
    this.#count++;
    result.drift = x === 1 && this.#onError();
    result.warning = this.#warning;
    result.statistic = this.#ratio;
    result.threshold = this.#config.driftLevel;
    result.estimate = this.#errors > 0 ? this.#meanDistance : undefined;
    if (result.drift) this.#restart();
    return result;
  }

  /** Updates the distance statistics and the levels at an error; true on drift. */
  #onError(): boolean {
    this.#errors++;
    const distance = this.#count - this.#lastErrorAt;
    this.#lastErrorAt = this.#count;
    const previousMean = this.#meanDistance;
    this.#meanDistance += (distance - previousMean) / this.#errors;
    this.#squaredDeviations += (distance - previousMean) * (distance - this.#meanDistance);
    if (this.#errors < this.#config.minErrors) return false;
    const level = this.#meanDistance + 2 * sqrt(this.#squaredDeviations / this.#errors);
    if (level > this.#maxLevel) this.#maxLevel = level;
    this.#ratio = level / this.#maxLevel;
    this.#warning = this.#ratio < this.#config.warningLevel && this.#ratio >= this.#config.driftLevel;
    return this.#ratio < this.#config.driftLevel;
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
    this.#errors = 0;
    this.#lastErrorAt = 0;
    this.#meanDistance = 0;
    this.#squaredDeviations = 0;
    this.#maxLevel = 0;
    this.#ratio = 0;
    this.#warning = false;
  }

  getState(): EDDMState {
    return {
      type: 'eddm',
      config: { ...this.#config },
      count: this.#count,
      errors: this.#errors,
      lastErrorAt: this.#lastErrorAt,
      meanDistance: this.#meanDistance,
      squaredDeviations: this.#squaredDeviations,
      maxLevel: this.#maxLevel,
      ratio: this.#ratio,
      warning: this.#warning,
    };
  }

  static fromState(state: EDDMState): EDDM {
    const s = parseWithSchema(EDDMStateSchema, state, 'state');
    const detector = new EDDM(s.config);
    detector.#count = s.count;
    detector.#errors = s.errors;
    detector.#lastErrorAt = s.lastErrorAt;
    detector.#meanDistance = s.meanDistance;
    detector.#squaredDeviations = s.squaredDeviations;
    detector.#maxLevel = s.maxLevel;
    detector.#ratio = s.ratio;
    detector.#warning = s.warning;
    return detector;
  }
}
