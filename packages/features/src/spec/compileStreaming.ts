import { Crossover, type CrossoverState } from '../indicators/Crossover.js';
import type { NumericIndicator } from '../indicators/Indicator.js';
import { type JsonNumber, fromJsonArray, toJsonArray } from '../indicators/jsonNumbers.js';
import type { Bar } from '../market/Bar.js';
import { FeatureSpecError } from './FeatureSpecError.js';
import type { FeatureSpec, FeatureSpecInput } from './FeatureSpecSchema.js';
import type { StatefulIndicator } from './indicatorRegistry.js';
import { parseFeatureSpec } from './parseFeatureSpec.js';
import { type PlannedFeature, planFeatures } from './planFeatures.js';
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

// Integer opcodes: the per-bar loop switches on these instead of on strings.
const INDICATOR = 0;
const SHARED = 1;
const LAG = 2;
const DIFF = 3;
const PCT_CHANGE = 4;
const RATIO = 5;
const RELATIVE = 6;
const SPREAD = 7;
const CROSSOVER = 8;
const OPCODES = { lag: LAG, diff: DIFF, pctChange: PCT_CHANGE, ratio: RATIO, relative: RELATIVE, spread: SPREAD, crossover: CROSSOVER };

type OutputReader = (result: unknown) => number;
/** One monomorphic reader per output name: a dynamic `result[name]` lookup would be megamorphic and slow. */
const OUTPUT_READERS: Readonly<Record<string, OutputReader>> = {
  macd: (r) => (r as { macd: number }).macd,
  signal: (r) => (r as { signal: number }).signal,
  histogram: (r) => (r as { histogram: number }).histogram,
  middle: (r) => (r as { middle: number }).middle,
  upper: (r) => (r as { upper: number }).upper,
  lower: (r) => (r as { lower: number }).lower,
  percentB: (r) => (r as { percentB: number }).percentB,
  bandwidth: (r) => (r as { bandwidth: number }).bandwidth,
  k: (r) => (r as { k: number }).k,
  d: (r) => (r as { d: number }).d,
};
const asNumber: OutputReader = (r) => r as number;

/** Reads a ref: >= 0 an earlier feature's value, −1..−5 the bar's open, high, low, close, volume. */
function read(ref: number, current: Float64Array, bar: FeatureBar): number {
  if (ref >= 0) return current[ref] as number;
  return ref === -4 ? bar.close : ref === -1 ? bar.open : ref === -2 ? bar.high : ref === -3 ? bar.low : bar.volume;
}

/** One feature's streaming state, in one object shape for all kinds (keeps the per-bar loop monomorphic). */
class Node {
  readonly opcode: number;
  /** Indicator input column (−1..−5), or the lag source / binary operand refs. */
  readonly a: number;
  readonly b: number;
  readonly periods: number;
  readonly readsBar: boolean;
  readonly pick: OutputReader;
  indicator: StatefulIndicator | null;
  crossover: Crossover | null;
  readonly ring: Float64Array;
  index = 0;
  count = 0;
  /** The last raw result of the indicator (shared nodes read it). */
  result: unknown = null;

  constructor(f: PlannedFeature) {
    if (f.kind === 'indicator') {
      this.opcode = f.shares >= 0 ? SHARED : INDICATOR;
      this.a = f.inputRef;
      this.b = f.shares;
      this.readsBar = f.entry.readsBar;
      this.pick = f.output === undefined ? asNumber : (OUTPUT_READERS[f.output] as OutputReader);
      this.indicator = f.shares >= 0 ? null : f.entry.create(f.params);
    } else {
      this.opcode = OPCODES[f.kind];
      this.a = 'source' in f ? f.source : f.a;
      this.b = 'b' in f ? f.b : 0;
      this.readsBar = false;
      this.pick = asNumber;
      this.indicator = null;
    }
    this.periods = 'periods' in f ? f.periods : 1;
    this.ring = new Float64Array(this.periods);
    this.crossover = f.kind === 'crossover' ? new Crossover() : null;
  }
}

/**
 * Compiles a feature spec to a streaming feature vector. Each `update` walks the features in order and
 * writes each into a preallocated slot: the same definitions, in the same arithmetic, as {@link compileBatch}.
 * Features with the same indicator, parameters and input (e.g. Stochastic %K and %D) share one instance.
 */
export function compileStreaming(input: FeatureSpecInput | FeatureSpec): StreamingFeatureVector {
  const spec = parseFeatureSpec(input);
  const hash = specHash(spec);
  const plan = planFeatures(spec);
  const emitted = Int32Array.from(plan.emitted);
  const current = new Float64Array(plan.features.length);
  // Without hidden features the row is the computed values themselves: nothing to copy per bar.
  const copy = emitted.length !== current.length;
  const values = copy ? new Float64Array(emitted.length) : current;
  const pair = { a: 0, b: 0 };
  let nodes = plan.features.map((f) => new Node(f));
  let bars = 0;

  return {
    columns: plan.columns,
    values,
    warmupBars: plan.warmupBars,
    specHash: hash,
    update(bar) {
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i] as Node;
        let value: number;
        switch (node.opcode) {
          case INDICATOR: {
            const indicator = node.indicator as StatefulIndicator;
            if (node.pick === asNumber) {
              // One number: read from `value`. `add`'s `number | null` return stays unused, else V8 boxes it.
              if (node.readsBar) indicator.add(bar as never);
              else indicator.add(read(node.a, current, bar) as never);
              value = (indicator as unknown as NumericIndicator<never>).value;
            } else {
              // A multi-output result is a reused object, kept for the features that share the instance.
              const result = node.readsBar ? indicator.add(bar as never) : indicator.add(read(node.a, current, bar) as never);
              node.result = result;
              value = result === null ? Number.NaN : node.pick(result);
            }
            break;
          }
          case SHARED: {
            // A single-output indicator's value is already in `current`; a multi-output one's object in `result`.
            const result = (nodes[node.b] as Node).result;
            value = node.pick === asNumber ? (current[node.b] as number) : result === null ? Number.NaN : node.pick(result);
            break;
          }
          case LAG:
          case DIFF:
          case PCT_CHANGE: {
            const x = read(node.a, current, bar);
            const ring = node.ring;
            const lagged = node.count >= node.periods ? (ring[node.index] as number) : Number.NaN;
            ring[node.index] = x;
            node.index = node.index + 1 === node.periods ? 0 : node.index + 1;
            node.count++;
            value = node.opcode === LAG ? lagged : node.opcode === DIFF ? x - lagged : x / lagged - 1;
            break;
          }
          case RATIO:
            value = read(node.a, current, bar) / read(node.b, current, bar);
            break;
          case RELATIVE:
            value = read(node.a, current, bar) / read(node.b, current, bar) - 1;
            break;
          case SPREAD:
            value = read(node.a, current, bar) - read(node.b, current, bar);
            break;
          default:
            pair.a = read(node.a, current, bar);
            pair.b = read(node.b, current, bar);
            value = (node.crossover as Crossover).add(pair) ?? Number.NaN;
        }
        current[i] = value;
      }
      if (copy) for (let j = 0; j < emitted.length; j++) values[j] = current[emitted[j] as number] as number;
      return ++bars >= plan.warmupBars;
    },
    reset() {
      nodes = plan.features.map((f) => new Node(f));
      current.fill(0);
      values.fill(0);
      bars = 0;
    },
    getState() {
      return {
        specHash: hash,
        bars,
        // Shared and binary-arithmetic features keep no state of their own: null.
        features: nodes.map((node) =>
          node.indicator !== null
            ? node.indicator.getState()
            : node.crossover !== null
              ? node.crossover.getState()
              : node.opcode >= LAG && node.opcode <= PCT_CHANGE
                ? { ring: toJsonArray(node.ring), index: node.index, count: node.count }
                : null,
        ),
      };
    },
    restore(state) {
      if (state.specHash !== hash || state.features.length !== nodes.length) {
        throw new FeatureSpecError({
          issues: [{ feature: 'spec', field: 'state.specHash', message: `the state was saved by spec "${state.specHash}", this pipeline is "${hash}"` }],
        });
      }
      nodes = plan.features.map((f) => new Node(f));
      plan.features.forEach((f, i) => {
        const node = nodes[i] as Node;
        const saved = state.features[i];
        if (node.indicator !== null && f.kind === 'indicator') {
          node.indicator = f.entry.fromState(saved);
          if (node.pick !== asNumber) node.result = node.indicator.getResult();
        } else if (node.crossover !== null) node.crossover = Crossover.fromState(saved as CrossoverState);
        else if (saved !== null && node.opcode >= LAG && node.opcode <= PCT_CHANGE) {
          const lag = saved as { ring: JsonNumber[]; index: number; count: number };
          node.ring.set(fromJsonArray(lag.ring));
          node.index = lag.index;
          node.count = lag.count;
        }
      });
      bars = state.bars;
    },
  };
}
