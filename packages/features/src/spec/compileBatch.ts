import { Crossover } from '../indicators/Crossover.js';
import type { FeatureSpec, FeatureSpecInput } from './FeatureSpecSchema.js';
import { parseFeatureSpec } from './parseFeatureSpec.js';
import { COLUMN_REFS, type PlannedFeature, planFeatures, type Ref } from './planFeatures.js';

/** The columns batch features read; a `BarSeries` satisfies it. */
export interface FeatureColumns {
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** A feature matrix: row-major `rows × columns.length`, one row per bar. */
export interface FeatureMatrix {
  readonly values: Float64Array;
  readonly columns: readonly string[];
  readonly rows: number;
  /** First row where every feature is warmed up (rows before it hold NaN in some columns); `rows` if none. */
  readonly firstReadyRow: number;
}

/**
 * Compiles a feature spec to a batch function over whole columns (training, backtests). Each feature is
 * computed as a column with its indicator's `fromBatch` form (bitwise equal to streaming), and the transforms
 * elementwise with the same arithmetic as {@link compileStreaming}, so the matrix equals the streamed rows.
 */
export function compileBatch(input: FeatureSpecInput | FeatureSpec): (series: FeatureColumns) => FeatureMatrix {
  const plan = planFeatures(parseFeatureSpec(input));
  return (series) => {
    const n = series.close.length;
    const computed: Float64Array[] = [];
    const column = (ref: Ref): Float64Array => (ref >= 0 ? (computed[ref] as Float64Array) : series[COLUMN_REFS[-1 - ref] ?? 'close']);
    for (const f of plan.features) computed.push(computeFeature(f, n, column, series));
    const width = plan.emitted.length;
    const values = new Float64Array(n * width);
    plan.emitted.forEach((featureIndex, j) => {
      const source = computed[featureIndex] as Float64Array;
      for (let r = 0; r < n; r++) values[r * width + j] = source[r] as number;
    });
    return { values, columns: plan.columns, rows: n, firstReadyRow: Math.min(n, plan.warmupBars - 1) };
  };
}

function computeFeature(f: PlannedFeature, n: number, column: (ref: Ref) => Float64Array, series: FeatureColumns): Float64Array {
  switch (f.kind) {
    case 'indicator': {
      const out = f.entry.batch(f.params, column(f.inputRef), series);
      return out instanceof Float64Array ? out : (out[f.output ?? ''] as Float64Array);
    }
    case 'lag':
    case 'diff':
    case 'pctChange': {
      const x = column(f.source);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const xi = x[i] as number;
        const lagged = i >= f.periods ? (x[i - f.periods] as number) : Number.NaN;
        out[i] = f.kind === 'lag' ? lagged : f.kind === 'diff' ? xi - lagged : xi / lagged - 1;
      }
      return out;
    }
    case 'crossover':
      return Crossover.fromBatch(column(f.a), column(f.b));
    default: {
      const a = column(f.a);
      const b = column(f.b);
      const out = new Float64Array(n);
      if (f.kind === 'ratio') for (let i = 0; i < n; i++) out[i] = (a[i] as number) / (b[i] as number);
      else if (f.kind === 'relative') for (let i = 0; i < n; i++) out[i] = (a[i] as number) / (b[i] as number) - 1;
      else for (let i = 0; i < n; i++) out[i] = (a[i] as number) - (b[i] as number);
      return out;
    }
  }
}
