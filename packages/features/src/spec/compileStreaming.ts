import { Crossover, type CrossoverState } from '../indicators/Crossover.js';
import { type JsonNumber, fromJsonArray, toJsonArray } from '../indicators/jsonNumbers.js';
import type { Bar } from '../market/Bar.js';
import { FeatureSpecError } from './FeatureSpecError.js';
import type { FeatureSpec, FeatureSpecInput } from './FeatureSpecSchema.js';
import type { StatefulIndicator } from './indicatorRegistry.js';
import { parseFeatureSpec } from './parseFeatureSpec.js';
import { type PlannedFeature, planFeatures, type Ref } from './planFeatures.js';
import { specHash } from './specHash.js';

/** The bar fields features read; a `Bar` satisfies it. */
export type FeatureBar = Pick<Bar, 'open' | 'high' | 'low' | 'close' | 'volume'>;

export interface StreamingFeatureState {
  /** `specHash` of the spec that produced the state; `restore` refuses another. */
  specHash: string;
  bars: number;
  features: unknown[];
}

/** A compiled feature spec for live use: one preallocated row, updated in place per bar. */
export interface StreamingFeatureVector {
  readonly columns: readonly string[];
  /** The latest feature row, in `columns` order; overwritten by each `update`. */
  readonly values: Float64Array;
  /** Bars until the row is ready (every feature warmed up). */
  readonly warmupBars: number;
  readonly specHash: string;
  /** Consumes one closed bar; returns whether `values` is ready. No allocation. */
  update(bar: FeatureBar): boolean;
  reset(): void;
  getState(): StreamingFeatureState;
  /** Loads a state from `getState()` (of the same spec); later updates continue identically. */
  restore(state: StreamingFeatureState): void;
}

function readColumn(bar: FeatureBar, ref: Ref): number {
  switch (ref) {
    case -1:
      return bar.open;
    case -2:
      return bar.high;
    case -3:
      return bar.low;
    case -4:
      return bar.close;
    default:
      return bar.volume;
  }
}

/** Per-feature streaming state: an indicator, a lag ring, or a crossover detector (binary arithmetic has none). */
interface Stage {
  indicator?: StatefulIndicator;
  ring?: Float64Array;
  index: number;
  count: number;
  crossover?: Crossover;
}

/**
 * Compiles a feature spec to a streaming feature vector. Each `update` walks the features in order and
 * writes each into a preallocated slot: the same definitions, in the same arithmetic, as {@link compileBatch}.
 */
export function compileStreaming(input: FeatureSpecInput | FeatureSpec): StreamingFeatureVector {
  const spec = parseFeatureSpec(input);
  const hash = specHash(spec);
  const plan = planFeatures(spec);
  const features = plan.features;
  const emitted = Int32Array.from(plan.emitted);
  const current = new Float64Array(features.length);
  const values = new Float64Array(emitted.length);
  const pair = { a: 0, b: 0 };
  const makeStages = (): Stage[] =>
    features.map((f) => ({
      indicator: f.kind === 'indicator' ? f.entry.create(f.params) : undefined,
      ring: 'periods' in f ? new Float64Array(f.periods) : undefined,
      index: 0,
      count: 0,
      crossover: f.kind === 'crossover' ? new Crossover() : undefined,
    }));
  let stages = makeStages();
  let bars = 0;

  const read = (bar: FeatureBar, ref: Ref): number => (ref >= 0 ? (current[ref] as number) : readColumn(bar, ref));

  function step(f: PlannedFeature, stage: Stage, bar: FeatureBar): number {
    switch (f.kind) {
      case 'indicator': {
        const indicator = stage.indicator as StatefulIndicator;
        const result = f.entry.readsBar
          ? indicator.add(bar as never)
          : indicator.add(readColumn(bar, f.inputRef) as never);
        if (result === null) return Number.NaN;
        return f.output === undefined ? (result as number) : ((result as Record<string, number>)[f.output] as number);
      }
      case 'lag':
      case 'diff':
      case 'pctChange': {
        const ring = stage.ring as Float64Array;
        const x = read(bar, f.source);
        const lagged = stage.count >= f.periods ? (ring[stage.index] as number) : Number.NaN;
        ring[stage.index] = x;
        stage.index = stage.index + 1 === f.periods ? 0 : stage.index + 1;
        stage.count++;
        return f.kind === 'lag' ? lagged : f.kind === 'diff' ? x - lagged : x / lagged - 1;
      }
      case 'crossover':
        pair.a = read(bar, f.a);
        pair.b = read(bar, f.b);
        return (stage.crossover as Crossover).add(pair) ?? Number.NaN;
      case 'ratio':
        return read(bar, f.a) / read(bar, f.b);
      case 'relative':
        return read(bar, f.a) / read(bar, f.b) - 1;
      case 'spread':
        return read(bar, f.a) - read(bar, f.b);
    }
  }

  return {
    columns: plan.columns,
    values,
    warmupBars: plan.warmupBars,
    specHash: hash,
    update(bar) {
      for (let i = 0; i < features.length; i++) current[i] = step(features[i] as PlannedFeature, stages[i] as Stage, bar);
      for (let j = 0; j < emitted.length; j++) values[j] = current[emitted[j] as number] as number;
      return ++bars >= plan.warmupBars;
    },
    reset() {
      stages = makeStages();
      current.fill(0);
      values.fill(0);
      bars = 0;
    },
    getState() {
      return {
        specHash: hash,
        bars,
        // Binary arithmetic keeps no state: null.
        features: stages.map((s) =>
          s.indicator !== undefined
            ? s.indicator.getState()
            : s.ring !== undefined
              ? { ring: toJsonArray(s.ring), index: s.index, count: s.count }
              : (s.crossover?.getState() ?? null),
        ),
      };
    },
    restore(state) {
      if (state.specHash !== hash || state.features.length !== features.length) {
        throw new FeatureSpecError({
          issues: [{ feature: 'spec', field: 'state.specHash', message: `the state was saved by spec "${state.specHash}", this pipeline is "${hash}"` }],
        });
      }
      stages = makeStages();
      features.forEach((f, i) => {
        const saved = state.features[i];
        const stage = stages[i] as Stage;
        if (f.kind === 'indicator') stage.indicator = f.entry.fromState(saved);
        else if (stage.ring !== undefined) {
          const lag = saved as { ring: JsonNumber[]; index: number; count: number };
          stage.ring.set(fromJsonArray(lag.ring));
          stage.index = lag.index;
          stage.count = lag.count;
        } else if (f.kind === 'crossover') stage.crossover = Crossover.fromState(saved as CrossoverState);
      });
      bars = state.bars;
    },
  };
}
