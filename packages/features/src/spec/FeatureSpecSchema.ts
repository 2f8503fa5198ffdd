import { z } from 'zod';
import { INDICATOR_REGISTRY } from './indicatorRegistry.js';

/** Bar columns a feature can read. */
export const FEATURE_INPUT_COLUMNS = ['open', 'high', 'low', 'close', 'volume'] as const;
export type FeatureInputColumn = (typeof FEATURE_INPUT_COLUMNS)[number];

const name = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an identifier (letters, digits, underscore; not starting with a digit)')
  .refine((n) => !(FEATURE_INPUT_COLUMNS as readonly string[]).includes(n), 'a feature cannot be named like a bar column');

const common = {
  /** Unique column name of the feature. */
  name,
  /** Computed (so others may reference it) but not emitted as a column. Default false. */
  hidden: z.boolean().default(false),
};

/** A feature computed by an indicator from a bar column (or from the whole bar for range/volume indicators). */
export const IndicatorFeatureSchema = z
  .object({
    ...common,
    /** Indicator name, a key of the indicator registry (e.g. `rsi`, `macd`, `atr`). */
    indicator: z.enum(Object.keys(INDICATOR_REGISTRY) as [string, ...string[]]),
    /** Indicator parameters; defaults per indicator (see the README table). */
    params: z.record(z.string(), z.unknown()).default({}),
    /** Column the indicator reads. Default `close`; ignored by indicators that read the whole bar. */
    input: z.enum(FEATURE_INPUT_COLUMNS).default('close'),
    /** Which output of a multi-output indicator (e.g. MACD `histogram`, Bollinger `percentB`). */
    output: z.string().optional(),
  })
  .strict();

/** A reference to an earlier feature (by name) or to a bar column. */
const ref = z.string().min(1);

/** A feature derived from one earlier feature or column. */
export const UnaryTransformFeatureSchema = z
  .object({
    ...common,
    /** lag: x[t − n]; diff: x[t] − x[t − n]; pctChange: x[t] / x[t − n] − 1. */
    transform: z.enum(['lag', 'diff', 'pctChange']),
    /** Feature name or bar column. */
    of: ref,
    /** n, bars back. Default 1. */
    periods: z.number().int().min(1).default(1),
  })
  .strict();

/** A feature combining two earlier features or columns. */
export const BinaryTransformFeatureSchema = z
  .object({
    ...common,
    /** ratio: a / b; relative: a / b − 1 (e.g. close / SMA(20) − 1); spread: a − b; crossover: +1/−1/0 (see Crossover). */
    transform: z.enum(['ratio', 'relative', 'spread', 'crossover']),
    /** Feature name or bar column. */
    a: ref,
    /** Feature name or bar column. */
    b: ref,
  })
  .strict();

export type IndicatorFeature = z.output<typeof IndicatorFeatureSchema>;
export type UnaryTransformFeature = z.output<typeof UnaryTransformFeatureSchema>;
export type BinaryTransformFeature = z.output<typeof BinaryTransformFeatureSchema>;
export type FeatureDefinition = IndicatorFeature | UnaryTransformFeature | BinaryTransformFeature;

/** Chooses the schema of one feature from its shape, so errors come from the right schema. */
function featureSchemaOf(feature: unknown) {
  if (typeof feature === 'object' && feature !== null && 'transform' in feature) {
    const transform = (feature as { transform: unknown }).transform;
    return transform === 'lag' || transform === 'diff' || transform === 'pctChange'
      ? UnaryTransformFeatureSchema
      : BinaryTransformFeatureSchema;
  }
  return IndicatorFeatureSchema;
}

/**
 * A declarative, JSON-serializable feature set: what a model was trained on, rebuilt identically by the
 * live engine. Features are evaluated in order; a transform may reference only earlier features or columns.
 */
export const FeatureSpecSchema = z
  .object({
    /** Spec format version. */
    version: z.literal(1),
    /** The features, in column order. */
    features: z
      .array(z.unknown())
      .min(1)
      .transform((features, ctx) => {
        const known = new Set<string>(FEATURE_INPUT_COLUMNS);
        return features.map((feature, index) => {
          const parsed = featureSchemaOf(feature).safeParse(feature);
          const raw = feature as { name?: unknown };
          if (!parsed.success) {
            for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [index, ...issue.path] });
            // Still register its name, so later references to it are not reported twice.
            if (typeof raw?.name === 'string') known.add(raw.name);
            return undefined;
          }
          const definition: FeatureDefinition = parsed.data;
          if ('indicator' in definition) checkIndicator(definition, index, ctx);
          const refs = 'of' in definition ? [['of', definition.of]] : 'a' in definition ? [['a', definition.a], ['b', definition.b]] : [];
          for (const [field, target] of refs) {
            if (!known.has(target as string)) {
              ctx.addIssue({ code: 'custom', message: `references "${target}", which is neither a bar column nor an earlier feature`, path: [index, field as string] });
            }
          }
          if (known.has(definition.name)) ctx.addIssue({ code: 'custom', message: `duplicate feature name "${definition.name}"`, path: [index, 'name'] });
          known.add(definition.name);
          return definition;
        });
      }),
  })
  .strict();

/** Validates `params` and `output` against the named indicator, replacing `params` with the parsed (defaulted) values. */
function checkIndicator(feature: IndicatorFeature, index: number, ctx: z.RefinementCtx): void {
  const entry = INDICATOR_REGISTRY[feature.indicator];
  if (entry === undefined) return;
  const params = entry.params.safeParse(feature.params);
  if (params.success) feature.params = params.data;
  else for (const issue of params.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [index, 'params', ...issue.path] });
  if (entry.outputs.length > 0 && (feature.output === undefined || !entry.outputs.includes(feature.output))) {
    ctx.addIssue({ code: 'custom', message: `expected one of ${entry.outputs.map((o) => `"${o}"`).join(', ')}, received "${feature.output ?? ''}"`, path: [index, 'output'] });
  }
  if (entry.outputs.length === 0 && feature.output !== undefined) {
    ctx.addIssue({ code: 'custom', message: `"${feature.indicator}" has a single output; remove "output"`, path: [index, 'output'] });
  }
}

/** A parsed (validated, defaults filled) feature spec. */
export interface FeatureSpec {
  readonly version: 1;
  readonly features: readonly FeatureDefinition[];
}

/** One feature as users write it (defaults optional). */
export type FeatureDefinitionInput =
  | z.input<typeof IndicatorFeatureSchema>
  | z.input<typeof UnaryTransformFeatureSchema>
  | z.input<typeof BinaryTransformFeatureSchema>;

/** What users write: the JSON form, defaults optional. */
export interface FeatureSpecInput {
  readonly version: 1;
  readonly features: readonly FeatureDefinitionInput[];
}
