import { z } from 'zod';
import { checkFinite } from './checkInput.js';
import { createResult, type DriftDetector, type DriftResult } from './DriftDetector.js';
import { parseWithSchema } from './parseWithSchema.js';
import { PSI_EPSILON } from './populationStabilityIndex.js';
import { ReferenceDistribution, ReferenceDistributionStateSchema } from './ReferenceDistribution.js';
import { log, max, NAN } from './math.js';

export const PSIDetectorConfigSchema = z
  .object({
    /** The reference sample and its bin count (e.g. a feature's training distribution). */
    reference: ReferenceDistributionStateSchema,
    /** Live items compared with the reference (a sliding window). */
    windowSize: z.number().int('expected an integer >= 10').min(10, 'expected an integer >= 10').default(500),
    /** Warning (moderate shift) when PSI >= this. */
    warningThreshold: z.number().gt(0, 'expected a number > 0').default(0.1),
    /** Drift (significant shift) when PSI > this. */
    driftThreshold: z.number().gt(0, 'expected a number > 0').default(0.25),
  })
  .refine((c) => c.warningThreshold < c.driftThreshold, { message: 'expected warningThreshold < driftThreshold', path: ['warningThreshold'] });
export type PSIDetectorConfig = z.input<typeof PSIDetectorConfigSchema>;

export interface PSIDetectorState {
  type: 'psi';
  config: z.output<typeof PSIDetectorConfigSchema>;
  /** The live window, oldest first. */
  window: number[];
}

const PSIDetectorStateSchema = z.object({ type: z.literal('psi'), config: PSIDetectorConfigSchema, window: z.array(z.number()) });

/**
 * Population stability index of a sliding live window against a stored reference distribution's
 * quantile bins (see {@link populationStabilityIndex}); O(bins) per item with running bin counts.
 * Signals once the window is full: warning at PSI ≥ 0.1, drift at PSI > 0.25 (configurable).
 */
export class PSIDetector implements DriftDetector<PSIDetectorState> {
  readonly kind = 'psi';
  readonly statisticName = 'PSI';
  readonly #config: z.output<typeof PSIDetectorConfigSchema>;
  readonly #reference: ReferenceDistribution;
  readonly #expected: Float64Array;
  readonly #result: DriftResult = createResult();
  readonly #window: Float64Array;
  readonly #counts: Float64Array;
  #start = 0;
  #length = 0;

  constructor(config: PSIDetectorConfig) {
    this.#config = Object.freeze(parseWithSchema(PSIDetectorConfigSchema, config));
    this.#reference = ReferenceDistribution.fromState(this.#config.reference);
    this.#expected = this.#reference.proportions.map((e) => max(e, PSI_EPSILON));
    this.#window = new Float64Array(this.#config.windowSize);
    this.#counts = new Float64Array(this.#reference.binCount);
  }

  get config(): Readonly<z.output<typeof PSIDetectorConfigSchema>> {
    return this.#config;
  }

  get reference(): ReferenceDistribution {
    return this.#reference;
  }

  update(x: number): Readonly<DriftResult> {
    checkFinite(x);
    const size = this.#window.length;
    if (this.#length < size) {
      this.#window[(this.#start + this.#length) % size] = x;
      this.#length++;
    } else {
      const evicted = this.#reference.binOf(this.#window[this.#start] ?? 0);
      this.#counts[evicted] = (this.#counts[evicted] ?? 0) - 1;
      this.#window[this.#start] = x;
      this.#start = (this.#start + 1) % size;
    }
    const bin = this.#reference.binOf(x);
    this.#counts[bin] = (this.#counts[bin] ?? 0) + 1;
    const result = this.#result;
    if (this.#length < size) {
      result.statistic = 0;
      result.threshold = NAN;
      return result;
    }
    let psi = 0;
    for (let i = 0; i < this.#counts.length; i++) {
      const e = this.#expected[i] ?? PSI_EPSILON;
      const a = max((this.#counts[i] ?? 0) / size, PSI_EPSILON);
      psi += (a - e) * log(a / e);
    }
    result.statistic = psi;
    result.threshold = this.#config.driftThreshold;
    result.drift = psi > this.#config.driftThreshold;
    result.warning = !result.drift && psi >= this.#config.warningThreshold;
    return result;
  }

  reset(): void {
    this.#start = 0;
    this.#length = 0;
    this.#counts.fill(0);
    const result = this.#result;
    result.drift = false;
    result.warning = false;
    result.statistic = 0;
    result.threshold = NAN;
  }

  getState(): PSIDetectorState {
    const size = this.#window.length;
    return {
      type: 'psi',
      config: { ...this.#config, reference: this.#reference.getState() },
      window: Array.from({ length: this.#length }, (_, i) => this.#window[(this.#start + i) % size] ?? 0),
    };
  }

  static fromState(state: PSIDetectorState): PSIDetector {
    const s = parseWithSchema(PSIDetectorStateSchema, state, 'state');
    const detector = new PSIDetector(s.config);
    for (const x of s.window.slice(-s.config.windowSize)) {
      detector.#window[detector.#length++] = x;
      const bin = detector.#reference.binOf(x);
      detector.#counts[bin] = (detector.#counts[bin] ?? 0) + 1;
    }
    return detector;
  }
}
