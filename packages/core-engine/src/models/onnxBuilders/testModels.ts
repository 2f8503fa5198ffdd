import type { FeatureSpecInput } from '@ares/features';
import { featureColumnsOf } from '../loadModel.js';
import { parseFeatureSpec } from '@ares/features';
import { buildLinearClassifier } from './buildLinearClassifier.js';
import { buildMlpPolicy } from './buildMlpPolicy.js';
import { buildTreeEnsembleClassifier, randomTreeEnsemble, type TreeEnsemble } from './buildTreeEnsembleClassifier.js';
import type { UnhashedMetadata } from './writeModelFiles.js';

/** ONNX bytes and the metadata describing them (hashes filled in by `writeModelFiles`). */
export interface TestModel {
  readonly bytes: Uint8Array;
  readonly metadata: UnhashedMetadata;
}

/** Fixed creation time of test models (2026-01-01T00:00:00Z): library code never reads the wall clock. */
const CREATED_AT = 1_767_225_600_000;

function base(name: string, version: string, featureSpec: FeatureSpecInput) {
  return { name, version, featureSpec, createdAt: CREATED_AT, trainingWindow: { from: 1_700_000_000_000, to: 1_760_000_000_000 }, metrics: { auc: 0.6 } };
}

function featureCount(featureSpec: FeatureSpecInput): number {
  return featureColumnsOf(parseFeatureSpec(featureSpec)).length;
}

/** Uniform draws in [-scale, scale). */
function draws(random: () => number, n: number, scale: number): number[] {
  return Array.from({ length: n }, () => (random() * 2 - 1) * scale);
}

/** Logistic regression (Gemm + Sigmoid), positive-class layout [N, 1]. */
export function logisticRegressionModel(o: { name?: string; version?: string; featureSpec: FeatureSpecInput; weights: readonly number[]; bias: number }): TestModel {
  return {
    bytes: buildLinearClassifier({ weights: o.weights, bias: [o.bias], activation: 'sigmoid' }),
    metadata: {
      ...base(o.name ?? 'logistic', o.version ?? '1', o.featureSpec),
      kind: 'classifier',
      input: { name: 'input', shape: ['N', o.weights.length] },
      outputs: ['probabilities'],
      classifier: { probabilityOutput: 'probabilities', layout: 'positive-class' },
    },
  };
}

/**
 * A boosted tree ensemble as the XGBoost/LightGBM converters export it (label + probability tensor,
 * optionally a ZipMap), two-class layout [N, 2]. Trees are drawn from `random`.
 */
export function treeEnsembleModel(o: {
  name?: string;
  version?: string;
  featureSpec: FeatureSpecInput;
  random: () => number;
  trees?: number;
  depth?: number;
  zipMap?: 'none' | 'extra' | 'only';
}): TestModel & { ensemble: TreeEnsemble } {
  const ensemble = randomTreeEnsemble(o.random, { trees: o.trees ?? 100, depth: o.depth ?? 4, featureCount: featureCount(o.featureSpec) });
  const zipMap = o.zipMap ?? 'none';
  const outputs = zipMap === 'none' ? ['label', 'probabilities'] : zipMap === 'extra' ? ['label', 'probabilities', 'output_probability'] : ['label', 'output_probability'];
  return {
    ensemble,
    bytes: buildTreeEnsembleClassifier(ensemble, { zipMap }),
    metadata: {
      ...base(o.name ?? 'trees', o.version ?? '1', o.featureSpec),
      kind: 'classifier',
      input: { name: 'input', shape: ['N', ensemble.featureCount] },
      outputs,
      classifier: { probabilityOutput: zipMap === 'only' ? 'output_probability' : 'probabilities', layout: 'two-class', thresholds: { enterLong: 0.52, exitLong: 0.5, enterShort: 0.52, exitShort: 0.5, allowShort: true } },
    },
  };
}

/** Multinomial logistic regression (Gemm + Softmax), multi-class [N, K] with one target per class. */
export function softmaxClassifierModel(o: { name?: string; version?: string; featureSpec: FeatureSpecInput; weights: readonly number[]; bias: readonly number[]; classTargets: readonly (-1 | 0 | 1)[] }): TestModel {
  return {
    bytes: buildLinearClassifier({ weights: o.weights, bias: o.bias, activation: 'softmax' }),
    metadata: {
      ...base(o.name ?? 'softmax', o.version ?? '1', o.featureSpec),
      kind: 'classifier',
      input: { name: 'input', shape: ['N', o.weights.length / o.bias.length] },
      outputs: ['probabilities'],
      classifier: { probabilityOutput: 'probabilities', layout: 'multi-class', classTargets: [...o.classTargets], thresholds: { allowShort: true } },
    },
  };
}

/** An SB3-style MLP policy (Gemm → Tanh → Gemm), actions [short, flat, long], weights drawn from `random`. */
export function mlpPolicyModel(o: {
  name?: string;
  version?: string;
  featureSpec: FeatureSpecInput;
  random: () => number;
  hidden?: number;
  output?: 'logits' | 'q-values';
  positionEncoding?: 'none' | 'scalar' | 'one-hot';
  normalization?: { mean: number[]; std: number[]; clip?: number };
}): TestModel & { weights: { hiddenWeights: number[]; hiddenBias: number[]; outputWeights: number[]; outputBias: number[] } } {
  const encoding = o.positionEncoding ?? 'one-hot';
  const width = featureCount(o.featureSpec) + (encoding === 'one-hot' ? 3 : encoding === 'scalar' ? 1 : 0);
  const hidden = o.hidden ?? 16;
  const weights = {
    hiddenWeights: draws(o.random, width * hidden, 1),
    hiddenBias: draws(o.random, hidden, 0.1),
    outputWeights: draws(o.random, hidden * 3, 1),
    outputBias: draws(o.random, 3, 0.1),
  };
  const output = o.output ?? 'logits';
  const outputName = output === 'logits' ? 'action_logits' : 'q_values';
  return {
    weights,
    bytes: buildMlpPolicy({ ...weights, inputName: 'obs', outputName }),
    metadata: {
      ...base(o.name ?? 'policy', o.version ?? '1', o.featureSpec),
      kind: 'policy',
      input: { name: 'obs', shape: ['N', width] },
      outputs: [outputName],
      policy: { actionOutput: outputName, output, positionEncoding: encoding, actionTargets: [-1, 0, 1], ...(o.normalization === undefined ? {} : { normalization: o.normalization }) },
    },
  };
}
