import type { FeatureDefinition, FeatureInputColumn, FeatureSpec } from './FeatureSpecSchema.js';
import { INDICATOR_REGISTRY, type RegisteredIndicator } from './indicatorRegistry.js';

/** A reference resolved to an index: >= 0 is an earlier feature, < 0 is a bar column (see {@link COLUMN_REFS}). */
export type Ref = number;

/** Column refs: −1 − position in this list. */
export const COLUMN_REFS: readonly FeatureInputColumn[] = ['open', 'high', 'low', 'close', 'volume'];

export type PlannedFeature =
  | {
      kind: 'indicator';
      definition: FeatureDefinition;
      entry: RegisteredIndicator;
      params: Record<string, unknown>;
      inputRef: Ref;
      output: string | undefined;
      warmup: number;
      /** Index of an earlier feature with the same indicator, parameters and input (computed once, shared), or −1. */
      shares: number;
    }
  | { kind: 'lag' | 'diff' | 'pctChange'; definition: FeatureDefinition; source: Ref; periods: number; warmup: number }
  | { kind: 'ratio' | 'relative' | 'spread' | 'crossover'; definition: FeatureDefinition; a: Ref; b: Ref; warmup: number };

export interface FeaturePlan {
  readonly features: readonly PlannedFeature[];
  /** Indices (into `features`) of the emitted, non-hidden features, in column order. */
  readonly emitted: readonly number[];
  readonly columns: readonly string[];
  /** Bars until every feature has a value: row `warmupBars − 1` is the first ready row. */
  readonly warmupBars: number;
}

/**
 * Resolves names to indices and computes each feature's warm-up (bars until its first value): an indicator's
 * `getRequiredInputs()`; lag/diff/pctChange add `periods` to their source's; binary transforms take the max.
 * Shared by the streaming and the batch compiler so both walk the same graph.
 */
export function planFeatures(spec: FeatureSpec): FeaturePlan {
  const index = new Map<string, number>();
  const features: PlannedFeature[] = [];
  const indicatorKeys = new Map<string, number>();
  const resolve = (name: string): Ref => index.get(name) ?? -1 - COLUMN_REFS.indexOf(name as FeatureInputColumn);
  const warmupOf = (ref: Ref): number => (ref >= 0 ? (features[ref]?.warmup ?? 0) : 1);
  for (const definition of spec.features) {
    if ('indicator' in definition) {
      const entry = INDICATOR_REGISTRY[definition.indicator] as RegisteredIndicator;
      const key = JSON.stringify([definition.indicator, definition.params, entry.readsBar ? '' : definition.input]);
      const shares = indicatorKeys.get(key) ?? -1;
      if (shares < 0) indicatorKeys.set(key, features.length);
      features.push({
        shares,
        kind: 'indicator',
        definition,
        entry,
        params: definition.params,
        inputRef: -1 - COLUMN_REFS.indexOf(definition.input),
        output: definition.output,
        warmup: entry.create(definition.params).getRequiredInputs(),
      });
    } else if ('of' in definition) {
      const source = resolve(definition.of);
      features.push({ kind: definition.transform, definition, source, periods: definition.periods, warmup: warmupOf(source) + definition.periods });
    } else {
      const a = resolve(definition.a);
      const b = resolve(definition.b);
      features.push({ kind: definition.transform, definition, a, b, warmup: Math.max(warmupOf(a), warmupOf(b)) });
    }
    index.set(definition.name, features.length - 1);
  }
  const emitted = features.flatMap((f, i) => (f.definition.hidden ? [] : [i]));
  return {
    features,
    emitted,
    columns: emitted.map((i) => (features[i] as PlannedFeature).definition.name),
    warmupBars: Math.max(...features.map((f) => f.warmup)),
  };
}
