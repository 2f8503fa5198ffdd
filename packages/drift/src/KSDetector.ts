import { z } from 'zod';
import { checkFinite } from './checkInput.js';
import { createResult, type DriftDetector, type DriftResult } from './DriftDetector.js';
import { ksPValue, ksStatisticOfSorted } from './kolmogorovSmirnov.js';
import { parseWithSchema } from './parseWithSchema.js';
import { ReferenceDistribution, ReferenceDistributionStateSchema } from './ReferenceDistribution.js';
import { NAN } from './math.js';

export const KSDetectorConfigSchema = z
  .object({
    /** The reference sample (its `bins` are unused here). */
    reference: ReferenceDistributionStateSchema,
    /** Live items compared with the reference (a sliding window). */
    windowSize: z.number().int('expected an integer >= 10').min(10, 'expected an integer >= 10').default(500),
    /** Warning when the KS p-value is below this. */
    warningAlpha: z.number().gt(0, 'expected a number in (0, 1)').lt(1, 'expected a number in (0, 1)').default(0.01),
    /** Drift when the KS p-value is below this (small, since the test is repeated at every item). */
    driftAlpha: z.number().gt(0, 'expected a number in (0, 1)').lt(1, 'expected a number in (0, 1)').default(0.001),
  })
  .refine((c) => c.driftAlpha < c.warningAlpha, { message: 'expected driftAlpha < warningAlpha', path: ['driftAlpha'] });
export type KSDetectorConfig = z.input<typeof KSDetectorConfigSchema>;

export interface KSDetectorState {
  type: 'ks';
  config: z.output<typeof KSDetectorConfigSchema>;
  /** The live window, oldest first. */
  window: number[];
}

const KSDetectorStateSchema = z.object({ type: z.literal('ks'), config: KSDetectorConfigSchema, window: z.array(z.number()) });

/** The D at which {@link ksPValue} falls to alpha, by bisection (the p-value decreases with D). */
function criticalStatistic(alpha: number, n: number, m: number): number {
  let low = 0;
  let high = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (ksPValue(mid, n, m) > alpha) low = mid;
    else high = mid;
  }
  return high;
}

/**
 * Two-sample Kolmogorov–Smirnov test of a sliding live window against a stored reference sample.
 * The live window is kept sorted (binary-search insert / remove), so each item costs O(window + reference).
 * Once the window is full: warning when p < warningAlpha, drift when p < driftAlpha, with the
 * asymptotic p-value of {@link ksPValue}; both are turned into critical values of D once, at construction.
 */
export class KSDetector implements DriftDetector<KSDetectorState> {
  readonly kind = 'ks';
  readonly statisticName = 'KS D';
  readonly #config: z.output<typeof KSDetectorConfigSchema>;
  readonly #reference: Float64Array;
  readonly #warningD: number;
  readonly #driftD: number;
  readonly #result: DriftResult = createResult();
  readonly #window: Float64Array;
  readonly #sorted: Float64Array;
  #start = 0;
  #length = 0;

  constructor(config: KSDetectorConfig) {
    this.#config = Object.freeze(parseWithSchema(KSDetectorConfigSchema, config));
    this.#reference = ReferenceDistribution.fromState(this.#config.reference).sortedValues;
    const { windowSize, warningAlpha, driftAlpha } = this.#config;
    this.#warningD = criticalStatistic(warningAlpha, windowSize, this.#reference.length);
    this.#driftD = criticalStatistic(driftAlpha, windowSize, this.#reference.length);
    this.#window = new Float64Array(windowSize);
    this.#sorted = new Float64Array(windowSize);
  }

  get config(): Readonly<z.output<typeof KSDetectorConfigSchema>> {
    return this.#config;
  }

  update(x: number): Readonly<DriftResult> {
    checkFinite(x);
    const size = this.#window.length;
    if (this.#length < size) {
      this.#window[(this.#start + this.#length) % size] = x;
      this.#length++;
    } else {
      this.#removeSorted(this.#window[this.#start] ?? 0, size);
      this.#window[this.#start] = x;
      this.#start = (this.#start + 1) % size;
    }
    this.#insertSorted(x, this.#length - 1);
    const result = this.#result;
    if (this.#length < size) {
      result.statistic = 0;
      result.threshold = NAN;
      return result;
    }
    result.statistic = ksStatisticOfSorted(this.#sorted, this.#reference);
    result.threshold = this.#driftD;
    result.drift = result.statistic > this.#driftD;
    result.warning = !result.drift && result.statistic > this.#warningD;
    return result;
  }

  reset(): void {
    this.#start = 0;
    this.#length = 0;
    const result = this.#result;
    result.drift = false;
    result.warning = false;
    result.statistic = 0;
    result.threshold = NAN;
  }

  getState(): KSDetectorState {
    const size = this.#window.length;
    return {
      type: 'ks',
      config: { ...this.#config },
      window: Array.from({ length: this.#length }, (_, i) => this.#window[(this.#start + i) % size] ?? 0),
    };
  }

  static fromState(state: KSDetectorState): KSDetector {
    const s = parseWithSchema(KSDetectorStateSchema, state, 'state');
    const detector = new KSDetector(s.config);
    for (const x of s.window.slice(-s.config.windowSize)) {
      detector.#window[detector.#length++] = x;
      detector.#insertSorted(x, detector.#length - 1);
    }
    return detector;
  }

  /** First index in the sorted prefix of `length` items whose value is >= x. */
  #lowerBound(x: number, length: number): number {
    let low = 0;
    let high = length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.#sorted[mid] ?? 0) < x) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Inserts x into the sorted prefix of `length` items. */
  #insertSorted(x: number, length: number): void {
    const at = this.#lowerBound(x, length);
    this.#sorted.copyWithin(at + 1, at, length);
    this.#sorted[at] = x;
  }

  /** Removes one copy of x from the sorted prefix of `length` items. */
  #removeSorted(x: number, length: number): void {
    const at = this.#lowerBound(x, length);
    this.#sorted.copyWithin(at, at + 1, length);
  }
}
