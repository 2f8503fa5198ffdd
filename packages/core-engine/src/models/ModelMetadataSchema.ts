import { type FeatureSpec, FeatureSpecError, type FeatureSpecInput, parseFeatureSpec, specHash } from '@ares/features';
import { z } from 'zod';
import { ModelValidationError, type ModelValidationIssue } from './ModelValidationError.js';

/** Registry-safe identifier: a folder name. */
const identifier = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected letters, digits, ".", "_" or "-", starting with a letter or digit');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits');
const probability = z.number().min(0).max(1);
const target = z.union([z.literal(-1), z.literal(0), z.literal(1)]);
/** A fixed size, or a symbolic dimension name such as `N` (dynamic batch). */
const dimension = z.union([z.number().int().positive(), z.string().min(1)]);

/**
 * Probabilities → target with hysteresis: a long opens when p(long) > `enterLong` and is held until
 * p(long) < `exitLong` (likewise for shorts), so a probability hovering near one threshold does not flip
 * the position every bar.
 */
export const ClassifierThresholdsSchema = z
  .object({
    /** Open a long when p(long) rises above this. Default 0.55. */
    enterLong: probability.default(0.55),
    /** Close a long when p(long) falls below this. Default 0.50. */
    exitLong: probability.default(0.5),
    /** Open a short when p(short) rises above this (needs `allowShort`). Default 0.55. */
    enterShort: probability.default(0.55),
    /** Close a short when p(short) falls below this. Default 0.50. */
    exitShort: probability.default(0.5),
    /** Take short positions. Default false (long/flat). */
    allowShort: z.boolean().default(false),
  })
  .strict()
  .refine((t) => t.exitLong <= t.enterLong, { message: 'expected exitLong <= enterLong', path: ['exitLong'] })
  .refine((t) => t.exitShort <= t.enterShort, { message: 'expected exitShort <= enterShort', path: ['exitShort'] });

/** How a classifier's probability tensor is laid out, and which thresholds turn it into a target. */
export const ClassifierSpecSchema = z
  .object({
    /** Output holding the probability tensor (not a ZipMap sequence of maps). */
    probabilityOutput: z.string().min(1),
    /**
     * `two-class`: [N, 2] (p(negative), p(positive)); `positive-class`: [N, 1] p(positive);
     * `multi-class`: [N, K], each class mapped to a target by `classTargets`.
     */
    layout: z.enum(['two-class', 'positive-class', 'multi-class']),
    /** Column of the positive ("up") class in a `two-class` tensor. Default 1. */
    positiveClassIndex: z.number().int().min(0).max(1).default(1),
    /** Per class of a `multi-class` tensor, the target it votes for (-1 short, 0 flat, 1 long). */
    classTargets: z.array(target).min(2).optional(),
    /**
     * When `probabilityOutput` is a ZipMap (sequence of maps, which onnxruntime-node cannot return), load
     * the graph without that node and read the probability tensor it zips. Default false: such a model is
     * refused with advice to export with zipmap disabled.
     */
    unwrapZipMap: z.boolean().default(false),
    thresholds: ClassifierThresholdsSchema.default({ enterLong: 0.55, exitLong: 0.5, enterShort: 0.55, exitShort: 0.5, allowShort: false }),
  })
  .strict()
  .refine((c) => c.layout !== 'multi-class' || c.classTargets !== undefined, {
    message: 'expected "classTargets" (one target per class) for a multi-class layout',
    path: ['classTargets'],
  });

/** How an RL policy's observation is built and its output read. SB3 exports leave both outside the graph. */
export const PolicySpecSchema = z
  .object({
    /** Output holding action logits or Q-values, [N, A]. Optional: a graph with one output uses it (SB3 names vary by version). */
    actionOutput: z.string().min(1).optional(),
    /** `logits` (PPO/A2C: the probability of the chosen action is reported) or `q-values` (DQN). Either way the argmax acts. */
    output: z.enum(['logits', 'q-values']),
    /** Position appended to the features: `none`, `scalar` (-1/0/1) or `one-hot` ([short, flat, long]). Default `none`. */
    positionEncoding: z.enum(['none', 'scalar', 'one-hot']).default('none'),
    /** Observation normalisation (SB3 VecNormalize): `(x − mean) / std`, then clipped to ±`clip`. Over the whole observation. */
    normalization: z
      .object({
        mean: z.array(z.number()),
        std: z.array(z.number().positive()),
        /** Clip the normalised observation to [−clip, clip]. Optional. */
        clip: z.number().positive().optional(),
      })
      .strict()
      .refine((n) => n.mean.length === n.std.length, { message: 'expected "mean" and "std" of equal length', path: ['std'] })
      .optional(),
    /** Per discrete action, the target position it means. */
    actionTargets: z.array(target).min(1),
  })
  .strict();

/** The JSON file beside an ONNX model (`model.onnx` → `model.json`). */
export const ModelMetadataSchema = z
  .object({
    /** Model name (registry folder). */
    name: identifier,
    /** Model version (registry folder), e.g. `2026-11-22.1`. */
    version: identifier,
    kind: z.enum(['classifier', 'policy']),
    /** The feature spec the model was trained on; its columns are the model's input columns, in order. */
    featureSpec: z.custom<FeatureSpecInput>().transform((value, ctx): FeatureSpec => {
      try {
        return parseFeatureSpec(value);
      } catch (error) {
        if (!FeatureSpecError.isInstance(error)) throw error;
        for (const issue of error.issues) {
          ctx.addIssue({ code: 'custom', message: `a valid feature spec (${issue.feature}.${issue.field}: ${issue.message})`, input: value });
        }
        return z.NEVER;
      }
    }),
    /** `specHash(featureSpec)`, checked against the spec and against the engine's. */
    specHash: sha256,
    /**
     * The graph input: its name (optional when the graph has exactly one input, which is then used) and
     * shape `[batch, width]` (width = features, + position encoding for policies).
     */
    input: z.object({ name: z.string().min(1).optional(), shape: z.tuple([dimension, dimension]) }).strict(),
    /** Graph outputs the model is known to have (e.g. `label` and `probabilities`); each must exist in the session. Default none. */
    outputs: z.array(z.string().min(1)).default([]),
    /** Required when `kind` is `classifier`. */
    classifier: ClassifierSpecSchema.optional(),
    /** Required when `kind` is `policy`. */
    policy: PolicySpecSchema.optional(),
    /** Training data window, epoch ms (UTC). */
    trainingWindow: z.object({ from: z.number().int(), to: z.number().int() }).strict().optional(),
    /** Evaluation metrics by name (e.g. `auc`, `accuracy`, `sharpe`). Default none. */
    metrics: z.record(z.string(), z.number()).default({}),
    /** SHA-256 (hex) of the ONNX file's bytes. */
    sha256,
    /** Creation time, epoch ms (UTC). */
    createdAt: z.number().int().nonnegative(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const section = m.kind === 'classifier' ? m.classifier : m.policy;
    if (section === undefined) ctx.addIssue({ code: 'custom', message: `expected a "${m.kind}" section for kind "${m.kind}"`, path: [m.kind] });
    const output = m.kind === 'classifier' ? m.classifier?.probabilityOutput : m.policy?.actionOutput;
    if (output !== undefined && m.outputs.length > 0 && !m.outputs.includes(output)) {
      const field = m.kind === 'classifier' ? 'probabilityOutput' : 'actionOutput';
      ctx.addIssue({ code: 'custom', message: `expected one of "outputs" (${m.outputs.join(', ')})`, path: [m.kind, field], input: output });
    }
    const hash = specHash(m.featureSpec);
    if (hash !== m.specHash) ctx.addIssue({ code: 'custom', message: `expected specHash(featureSpec) = "${hash}"`, path: ['specHash'], input: m.specHash });
  });

export type ModelMetadata = z.output<typeof ModelMetadataSchema>;
export type ModelMetadataInput = z.input<typeof ModelMetadataSchema>;
export type ClassifierSpec = z.output<typeof ClassifierSpecSchema>;
export type ClassifierThresholds = z.output<typeof ClassifierThresholdsSchema>;
export type PolicySpec = z.output<typeof PolicySpecSchema>;

/**
 * Validates model metadata (e.g. a parsed `model.json`) and fills defaults.
 * @throws ModelValidationError listing every bad field with what was expected and found.
 */
export function parseModelMetadata(input: unknown, path = 'metadata'): ModelMetadata {
  const result = ModelMetadataSchema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.map(
    (issue): ModelValidationIssue => ({
      field: issue.path.map(String).join('.') || '(root)',
      expected: issue.message.replace(/^Invalid input: /, '').replace(/^expected /, '').replace(/, received .*$/, ''),
      found: 'input' in issue ? describeValue(issue.input) : 'an invalid value',
    }),
  );
  throw new ModelValidationError({ path, issues: issues as [ModelValidationIssue, ...ModelValidationIssue[]] });
}

/** A short quoted rendering of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? String(value);
  return `"${json.length > 80 ? `${json.slice(0, 77)}...` : json}"`;
}
