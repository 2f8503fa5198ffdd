import { z } from 'zod';
import { checkFinite } from './checkInput.js';
import { createResult, type DriftDetector, type DriftResult } from './DriftDetector.js';
import { parseWithSchema } from './parseWithSchema.js';
import { max, min, NAN } from './math.js';

export const PageHinkleyConfigSchema = z.object({
  /** Items seen before any drift can be signalled. */
  minInstances: z.number().int('expected an integer >= 1').min(1, 'expected an integer >= 1').default(30),
  /** Magnitude of change tolerated per item (δ), in the units of the stream. */
  delta: z.number().min(0, 'expected a number >= 0').default(0.005),
  /** Detection threshold (λ) on the cumulative deviation. */
  lambda: z.number().gt(0, 'expected a number > 0').default(50),
  /** Fading factor (α) of the cumulative sums; 1 means no fading. */
  alpha: z.number().gt(0, 'expected a number in (0, 1]').max(1, 'expected a number in (0, 1]').default(1 - 0.0001),
  /** Which changes to detect: an increase of the mean, a decrease, or both (two-sided). */
  direction: z.enum(['up', 'down', 'both']).default('up'),
});
export type PageHinkleyConfig = z.input<typeof PageHinkleyConfigSchema>;

export interface PageHinkleyState {
  type: 'page-hinkley';
  config: z.output<typeof PageHinkleyConfigSchema>;
  count: number;
  mean: number;
  sumUp: number;
  minUp: number;
  sumDown: number;
  maxDown: number;
}

const PageHinkleyStateSchema = z.object({
  type: z.literal('page-hinkley'),
  config: PageHinkleyConfigSchema,
  count: z.number().int().min(0),
  mean: z.number(),
  sumUp: z.number(),
  minUp: z.number(),
  sumDown: z.number(),
  maxDown: z.number(),
});

/**
 * Page-Hinkley test for a change in the mean of a stream (Page 1954; Hinkley 1971), with the fading
 * factor used by Gama et al. and by MOA / river. With x̄_T the running mean:
 *
 *   up:   m_T = α·m_{T−1} + (x_T − x̄_T − δ),  M_T = min_t m_t,  PH_T = m_T − M_T
 *   down: u_T = α·u_{T−1} + (x_T − x̄_T + δ),  U_T = max_t u_t,  PH_T = U_T − u_T
 *
 * Drift when PH_T > λ after `minInstances` items (two-sided: either side). A drift restarts the
 * statistics, so the detector then measures the new regime.
 * @see E. S. Page, "Continuous Inspection Schemes", Biometrika 41 (1954).
 * @see J. Gama, R. Sebastião, P. P. Rodrigues, "On evaluating stream learning algorithms", Machine Learning 90 (2013).
 */
export class PageHinkley implements DriftDetector<PageHinkleyState> {
  readonly kind = 'page-hinkley';
  readonly statisticName = 'PH';
  readonly #config: z.output<typeof PageHinkleyConfigSchema>;
  readonly #result: DriftResult = createResult();
  #count = 0;
  #mean = 0;
  #sumUp = 0;
  #minUp = 0;
  #sumDown = 0;
  #maxDown = 0;

  constructor(config: PageHinkleyConfig = {}) {
    this.#config = Object.freeze(parseWithSchema(PageHinkleyConfigSchema, config));
  }

  get config(): Readonly<z.output<typeof PageHinkleyConfigSchema>> {
    return this.#config;
  }

  update(x: number): Readonly<DriftResult> {
    checkFinite(x);
    const { alpha, delta, lambda, minInstances } = this.#config;
    const result = this.#result;
    this.#count++;
    this.#mean += (x - this.#mean) / this.#count;
    const deviation = x - this.#mean;
    this.#sumUp = alpha * this.#sumUp + deviation - delta;
    this.#minUp = min(this.#minUp, this.#sumUp);
    this.#sumDown = alpha * this.#sumDown + deviation + delta;
    this.#maxDown = max(this.#maxDown, this.#sumDown);
    result.statistic = this.#statistic();
    result.threshold = lambda;
    result.estimate = this.#mean;
    result.drift = this.#count >= minInstances && result.statistic > lambda;
    if (result.drift) this.#restart();
    return result;
  }

  reset(): void {
    this.#restart();
    const result = this.#result;
    result.drift = false;
    result.estimate = undefined;
    result.statistic = 0;
    result.threshold = NAN;
  }

  /** Forgets the statistics, not the last result. */
  #restart(): void {
    this.#count = 0;
    this.#mean = 0;
    this.#sumUp = 0;
    this.#minUp = 0;
    this.#sumDown = 0;
    this.#maxDown = 0;
  }

  getState(): PageHinkleyState {
    return {
      type: 'page-hinkley',
      config: { ...this.#config },
      count: this.#count,
      mean: this.#mean,
      sumUp: this.#sumUp,
      minUp: this.#minUp,
      sumDown: this.#sumDown,
      maxDown: this.#maxDown,
    };
  }

  static fromState(state: PageHinkleyState): PageHinkley {
    const s = parseWithSchema(PageHinkleyStateSchema, state, 'state');
    const detector = new PageHinkley(s.config);
    detector.#count = s.count;
    detector.#mean = s.mean;
    detector.#sumUp = s.sumUp;
    detector.#minUp = s.minUp;
    detector.#sumDown = s.sumDown;
    detector.#maxDown = s.maxDown;
    return detector;
  }

  #statistic(): number {
    const { direction } = this.#config;
    const up = direction === 'down' ? 0 : this.#sumUp - this.#minUp;
    const down = direction === 'up' ? 0 : this.#maxDown - this.#sumDown;
    return max(up, down);
  }
}
