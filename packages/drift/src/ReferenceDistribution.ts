import { z } from 'zod';
import { parseWithSchema } from './parseWithSchema.js';

export const ReferenceDistributionStateSchema = z.object({
  /** The reference sample (e.g. a feature's training values, stored with the model). */
  values: z.array(z.number({ error: 'expected a finite number' })).min(2, 'expected at least 2 values'),
  /** Number of quantile bins for PSI. */
  bins: z.number().int('expected an integer >= 2').min(2, 'expected an integer >= 2').default(10),
});
export type ReferenceDistributionState = z.input<typeof ReferenceDistributionStateSchema>;

/**
 * A stored reference distribution: the sorted sample (for KS) and quantile bins with their reference
 * proportions (for PSI). Bins are (−∞, e₁], (e₁, e₂], …, (e_{B−1}, ∞) with eᵢ the i/B sample quantile
 * (the ⌈i·n/B⌉-th smallest value); repeated edges from tied values are merged, so heavily tied data
 * gets fewer bins.
 */
export class ReferenceDistribution {
  readonly #sorted: Float64Array;
  readonly #edges: Float64Array;
  readonly #proportions: Float64Array;
  readonly #bins: number;

  private constructor(values: readonly number[], bins: number) {
    this.#bins = bins;
    this.#sorted = Float64Array.from(values).sort();
    const n = this.#sorted.length;
    const max = this.#sorted[n - 1] ?? 0;
    const edges: number[] = [];
    for (let i = 1; i < bins; i++) {
      const edge = this.#sorted[Math.ceil((i * n) / bins) - 1] ?? max;
      if (edge < max && edge !== edges[edges.length - 1]) edges.push(edge);
    }
    this.#edges = Float64Array.from(edges);
    const counts = new Float64Array(edges.length + 1);
    for (const x of this.#sorted) {
      const bin = this.binOf(x);
      counts[bin] = (counts[bin] ?? 0) + 1;
    }
    this.#proportions = counts.map((c) => c / n);
  }

  /** Builds the reference from a sample; `bins` quantile bins (default 10, deciles). */
  static fromSample(values: ArrayLike<number>, bins = 10): ReferenceDistribution {
    return ReferenceDistribution.fromState({ values: Array.from(values), bins });
  }

  static fromState(state: ReferenceDistributionState): ReferenceDistribution {
    const s = parseWithSchema(ReferenceDistributionStateSchema, state, 'reference');
    return new ReferenceDistribution(s.values, s.bins);
  }

  /** The sample, sorted ascending (a copy). */
  get sortedValues(): Float64Array {
    return this.#sorted.slice();
  }

  /** Inner bin edges, ascending (a copy). */
  get edges(): Float64Array {
    return this.#edges.slice();
  }

  /** Reference proportion of each bin (a copy); sums to 1. */
  get proportions(): Float64Array {
    return this.#proportions.slice();
  }

  get binCount(): number {
    return this.#edges.length + 1;
  }

  /** Index of the bin holding x: the number of edges strictly below x. */
  binOf(x: number): number {
    let low = 0;
    let high = this.#edges.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.#edges[mid] ?? 0) < x) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Proportions of `values` in the reference bins. */
  binProportions(values: ArrayLike<number>): Float64Array {
    const counts = new Float64Array(this.binCount);
    for (let i = 0; i < values.length; i++) {
      const bin = this.binOf(values[i] ?? 0);
      counts[bin] = (counts[bin] ?? 0) + 1;
    }
    return counts.map((c) => c / values.length);
  }

  getState(): { values: number[]; bins: number } {
    return { values: Array.from(this.#sorted), bins: this.#bins };
  }
}
