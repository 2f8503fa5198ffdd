// Test helpers around the ONNX builders: temp folders, a small feature spec, synthetic bars, and a
// plain-TypeScript evaluation of tree ensembles to check onnxruntime against.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Bar, FeatureSpecInput } from '@ares/features';
import type { TreeEnsemble } from '../models/onnxBuilders/buildTreeEnsembleClassifier.js';

export { buildLinearClassifier } from '../models/onnxBuilders/buildLinearClassifier.js';
export { buildMlpPolicy } from '../models/onnxBuilders/buildMlpPolicy.js';
export { buildTreeEnsembleClassifier, randomTreeEnsemble } from '../models/onnxBuilders/buildTreeEnsembleClassifier.js';
export { logisticRegressionModel, mlpPolicyModel, softmaxClassifierModel, treeEnsembleModel } from '../models/onnxBuilders/testModels.js';
export { writeModelFiles } from '../models/onnxBuilders/writeModelFiles.js';

/** Four scale-free features, ready after 21 bars. */
export const SMALL_FEATURE_SPEC = {
  version: 1,
  features: [
    { name: 'log_return_1', indicator: 'logReturn', params: { period: 1 } },
    { name: 'rsi_14', indicator: 'rsi', params: { period: 14 } },
    { name: 'sma_20', indicator: 'sma', params: { period: 20 }, hidden: true },
    { name: 'close_to_sma_20', transform: 'relative', a: 'close', b: 'sma_20' },
    { name: 'close_z_score_20', indicator: 'zScore', params: { period: 20 } },
  ],
} as const satisfies FeatureSpecInput;

/** Four z-scores (roughly N(0, 1)), so random tree thresholds in [-1, 1) split them well. Ready after 30 bars. */
export const Z_SCORE_FEATURE_SPEC = {
  version: 1,
  features: [
    { name: 'close_z_score_10', indicator: 'zScore', params: { period: 10 } },
    { name: 'close_z_score_30', indicator: 'zScore', params: { period: 30 } },
    { name: 'volume_z_score_20', indicator: 'zScore', params: { period: 20 }, input: 'volume' },
    { name: 'high_z_score_5', indicator: 'zScore', params: { period: 5 }, input: 'high' },
  ],
} as const satisfies FeatureSpecInput;

/** Another spec (one more feature): a model trained on it must be refused by an engine on SMALL_FEATURE_SPEC. */
export const OTHER_FEATURE_SPEC = {
  version: 1,
  features: [...SMALL_FEATURE_SPEC.features, { name: 'log_return_4', indicator: 'logReturn', params: { period: 4 } }],
} as const satisfies FeatureSpecInput;

/** A fresh temp folder; `cleanup` removes it. */
export async function tempDir(prefix = 'ares-models-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Hourly bars of a seeded random walk (log-normal steps), timestamps from 2026-01-01T00:00Z. */
export function randomWalkBars(random: () => number, count: number, start = 100): Bar[] {
  const bars: Bar[] = [];
  let close = start;
  for (let i = 0; i < count; i++) {
    const open = close;
    close = open * Math.exp((random() - 0.5) * 0.02);
    const high = Math.max(open, close) * (1 + random() * 0.005);
    const low = Math.min(open, close) * (1 - random() * 0.005);
    bars.push({ timestamp: 1_767_225_600_000 + i * 3_600_000, open, high, low, close, volume: 10 + random() * 5 });
  }
  return bars;
}

/**
 * p(class 1) of the ensemble in plain TypeScript: walk each tree (left when x[f] <= threshold), sum the
 * leaves and the base margin, apply the logistic function. The input is rounded to float32 first, as
 * the model sees it.
 */
export function treeEnsembleProbability(ensemble: TreeEnsemble, row: ArrayLike<number>): number {
  let margin = ensemble.baseMargin;
  for (const tree of ensemble.trees) {
    const internal = 2 ** tree.depth - 1;
    let node = 0;
    while (node < internal) {
      const x = Math.fround(row[tree.features[node] as number] as number);
      node = x <= (tree.thresholds[node] as number) ? 2 * node + 1 : 2 * node + 2;
    }
    margin += tree.leaves[node - internal] as number;
  }
  return 1 / (1 + Math.exp(-margin));
}
