import { z } from 'zod';
import { checkFinite } from './checkInput.js';
import { createResult, type DriftDetector, type DriftResult } from './DriftDetector.js';
import { InvalidArgumentError } from './InvalidArgumentError.js';
import { ksExactPValueEqualSizes, ksStatisticOfSorted } from './kolmogorovSmirnov.js';
import { parseWithSchema } from './parseWithSchema.js';
import { SeededRandom } from './SeededRandom.js';
import { NAN } from './math.js';

export const KSWINConfigSchema = z
  .object({
    /** Items kept in the sliding window. */
    windowSize: z.number().int('expected an integer >= 2').min(2, 'expected an integer >= 2').default(100),
    /** Size r of the recent sample and of the sample drawn from the older part of the window. */
    statSize: z.number().int('expected an integer >= 1').min(1, 'expected an integer >= 1').default(30),
    /** Significance level of each test. */
    alpha: z.number().gt(0, 'expected a number in (0, 1)').lt(1, 'expected a number in (0, 1)').default(0.005),
    /** Seed of the sampler that draws from the older part of the window. */
    seed: z.number().int('expected an integer').default(42),
  })
  .refine((c) => 2 * c.statSize <= c.windowSize, { message: 'expected statSize <= windowSize / 2', path: ['statSize'] });
export type KSWINConfig = z.input<typeof KSWINConfigSchema>;

export interface KSWINState {
  type: 'kswin';
  config: z.output<typeof KSWINConfigSchema>;
  /** The window, oldest first. */
  window: number[];
  randomState: number;
}

const KSWINStateSchema = z.object({
  type: z.literal('kswin'),
  config: KSWINConfigSchema,
  window: z.array(z.number()),
  randomState: z.number().int().min(0),
});

/**
 * KSWIN (Raab et al. 2020): a sliding window of `windowSize` items; once full, at every item the
 * newest `statSize` items R are compared by a two-sample Kolmogorov–Smirnov test with `statSize`
 * items W drawn uniformly without replacement (seeded) from the older part. Drift when the exact
 * p-value P(D ≥ d) ≤ alpha (Gnedenko–Korolyuk, equal sizes), i.e. D ≥ the critical value computed
 * once at construction; the paper's threshold sqrt(−ln α / r) is the one-term asymptotic of the same
 * test. After a drift the window keeps only R.
 * @see C. Raab, M. Heusinger, F.-M. Schleif, "Reactive Soft Prototype Computing for Concept Drift Streams", Neurocomputing 416 (2020).
 */
export class KSWIN implements DriftDetector<KSWINState> {
  readonly kind = 'kswin';
  readonly statisticName = 'KS D';
  readonly #config: z.output<typeof KSWINConfigSchema>;
  readonly #result: DriftResult = createResult();
  readonly #criticalD: number;
  readonly #window: Float64Array;
  readonly #indices: Int32Array;
  readonly #older: Float64Array;
  readonly #recent: Float64Array;
  #start = 0;
  #length = 0;
  #random: SeededRandom;

  constructor(config: KSWINConfig = {}) {
    this.#config = Object.freeze(parseWithSchema(KSWINConfigSchema, config));
    const { windowSize, statSize, alpha, seed } = this.#config;
    let k = 1;
    while (k <= statSize && ksExactPValueEqualSizes(k / statSize, statSize) > alpha) k++;
    this.#criticalD = k / statSize; // > 1 when no D can reach alpha at this statSize: never drifts
    this.#window = new Float64Array(windowSize);
    this.#indices = new Int32Array(windowSize - statSize);
    this.#older = new Float64Array(statSize);
    this.#recent = new Float64Array(statSize);
    this.#random = new SeededRandom(seed);
  }

  get config(): Readonly<z.output<typeof KSWINConfigSchema>> {
    return this.#config;
  }

  /** Smallest D with exact p-value ≤ alpha for two samples of statSize. */
  get criticalStatistic(): number {
    return this.#criticalD;
  }

  update(x: number): Readonly<DriftResult> {
    checkFinite(x);
    const { windowSize, statSize } = this.#config;
    const result = this.#result;
    result.drift = false;
    const size = this.#window.length;
    if (this.#length < size) {
      this.#window[(this.#start + this.#length) % size] = x;
      this.#length++;
    } else {
      this.#window[this.#start] = x;
      this.#start = (this.#start + 1) % size;
    }
    if (this.#length < windowSize) {
      result.statistic = 0;
      result.threshold = NAN;
      return result;
    }
    const olderLength = windowSize - statSize;
    const indices = this.#indices;
    for (let i = 0; i < olderLength; i++) indices[i] = i;
    for (let i = 0; i < statSize; i++) {
      // partial Fisher–Yates: position i takes a uniform pick among the remaining indices
      const j = i + this.#random.nextInt(olderLength - i);
      const picked = indices[j] ?? 0;
      indices[j] = indices[i] ?? 0;
      indices[i] = picked;
      this.#older[i] = this.#at(picked);
      this.#recent[i] = this.#at(olderLength + i);
    }
    this.#older.sort();
    this.#recent.sort();
    result.statistic = ksStatisticOfSorted(this.#older, this.#recent);
    result.threshold = this.#criticalD;
    result.drift = result.statistic >= this.#criticalD;
    if (result.drift) {
      // keep only the recent sample, oldest first, at the start of the buffer
      const recent = Float64Array.from({ length: statSize }, (_, i) => this.#at(olderLength + i));
      this.#window.set(recent);
      this.#start = 0;
      this.#length = statSize;
    }
    return result;
  }

  reset(): void {
    this.#start = 0;
    this.#length = 0;
    this.#random = new SeededRandom(this.#config.seed);
    const result = this.#result;
    result.drift = false;
    result.statistic = 0;
    result.threshold = NAN;
  }

  getState(): KSWINState {
    return {
      type: 'kswin',
      config: { ...this.#config },
      window: Array.from({ length: this.#length }, (_, i) => this.#at(i)),
      randomState: this.#random.getState(),
    };
  }

  static fromState(state: KSWINState): KSWIN {
    const s = parseWithSchema(KSWINStateSchema, state, 'state');
    if (s.window.length > s.config.windowSize) {
      throw new InvalidArgumentError({
        argument: 'state.window',
        message: `Invalid "state.window": expected at most ${s.config.windowSize} items, received ${s.window.length}.`,
      });
    }
    const detector = new KSWIN(s.config);
    detector.#window.set(s.window);
    detector.#length = s.window.length;
    detector.#random = SeededRandom.fromState(s.randomState);
    return detector;
  }

  /** The i-th item of the window, oldest first. */
  #at(i: number): number {
    return this.#window[(this.#start + i) % this.#window.length] ?? 0;
  }
}
