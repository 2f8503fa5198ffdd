import { encodeOnnxModel, type NodeSpec, type ValueSpec } from './encodeOnnxModel.js';

/**
 * A complete binary tree of depth `d` in array layout: node `i` has children `2i+1` (taken when
 * `x[feature] <= threshold`) and `2i+2`; nodes `2^d − 1 … 2^(d+1) − 2` are leaves holding margins.
 */
export interface Tree {
  readonly depth: number;
  /** Per internal node. */
  readonly features: readonly number[];
  readonly thresholds: readonly number[];
  /** Per leaf, left to right. */
  readonly leaves: readonly number[];
}

/** A boosted ensemble: `p(class 1) = σ(baseMargin + Σ leaf)`, the XGBoost/LightGBM binary objective. */
export interface TreeEnsemble {
  readonly trees: readonly Tree[];
  readonly featureCount: number;
  readonly baseMargin: number;
}

export interface TreeEnsembleClassifierOptions {
  /**
   * How the converters' `ZipMap` is present: `none` (exported with zipmap disabled: label + probability
   * tensor), `extra` (label, probability tensor and a ZipMap output), `only` (label and ZipMap: the
   * probability tensor is not a graph output).
   */
  readonly zipMap?: 'none' | 'extra' | 'only';
  /** ai.onnx.ml opset, <= 4. Default 3 (what onnxmltools writes). */
  readonly mlOpset?: number;
}

/**
 * A binary `TreeEnsembleClassifier` (ai.onnx.ml) laid out like the XGBoost/LightGBM ONNX converters
 * write it: one score column (class id 0 for every leaf), class labels [0, 1], `LOGISTIC` post
 * transform, outputs `label` [N] int64 and `probabilities` [N, 2].
 * @see https://onnx.ai/onnx/operators/onnx_aionnxml_TreeEnsembleClassifier.html
 */
export function buildTreeEnsembleClassifier(ensemble: TreeEnsemble, options: TreeEnsembleClassifierOptions = {}): Uint8Array {
  const treeIds: number[] = [];
  const nodeIds: number[] = [];
  const featureIds: number[] = [];
  const modes: string[] = [];
  const values: number[] = [];
  const trueIds: number[] = [];
  const falseIds: number[] = [];
  const classTreeIds: number[] = [];
  const classNodeIds: number[] = [];
  const classWeights: number[] = [];
  ensemble.trees.forEach((tree, t) => {
    const internal = 2 ** tree.depth - 1;
    for (let i = 0; i < 2 * internal + 1; i++) {
      treeIds.push(t);
      nodeIds.push(i);
      if (i < internal) {
        featureIds.push(tree.features[i] ?? 0);
        modes.push('BRANCH_LEQ');
        values.push(tree.thresholds[i] ?? 0);
        trueIds.push(2 * i + 1);
        falseIds.push(2 * i + 2);
      } else {
        featureIds.push(0);
        modes.push('LEAF');
        values.push(0);
        trueIds.push(0);
        falseIds.push(0);
        classTreeIds.push(t);
        classNodeIds.push(i);
        classWeights.push(tree.leaves[i - internal] ?? 0);
      }
    }
  });
  const zipMap = options.zipMap ?? 'none';
  const nodes: NodeSpec[] = [
    {
      op: 'TreeEnsembleClassifier',
      domain: 'ai.onnx.ml',
      inputs: ['input'],
      outputs: ['label', 'probabilities'],
      attributes: {
        nodes_treeids: { ints: treeIds },
        nodes_nodeids: { ints: nodeIds },
        nodes_featureids: { ints: featureIds },
        nodes_modes: modes,
        nodes_values: values,
        nodes_truenodeids: { ints: trueIds },
        nodes_falsenodeids: { ints: falseIds },
        class_treeids: { ints: classTreeIds },
        class_nodeids: { ints: classNodeIds },
        class_ids: { ints: classTreeIds.map(() => 0) },
        class_weights: classWeights,
        classlabels_int64s: { ints: [0, 1] },
        base_values: [ensemble.baseMargin],
        post_transform: 'LOGISTIC',
      },
    },
  ];
  const outputs: ValueSpec[] = [{ name: 'label', type: 'int64', shape: ['N'] }];
  if (zipMap !== 'only') outputs.push({ name: 'probabilities', type: 'float', shape: ['N', 2] });
  if (zipMap !== 'none') {
    nodes.push({ op: 'ZipMap', domain: 'ai.onnx.ml', inputs: ['probabilities'], outputs: ['output_probability'], attributes: { classlabels_int64s: { ints: [0, 1] } } });
    outputs.push({ name: 'output_probability', type: 'zipmap' });
  }
  return encodeOnnxModel({
    inputs: [{ name: 'input', type: 'float', shape: ['N', ensemble.featureCount] }],
    outputs,
    nodes,
    opset: 13,
    mlOpset: options.mlOpset ?? 3,
  });
}

/** Draws an ensemble of complete trees from a seeded uniform source: features uniform, thresholds in [-1, 1), leaves in [-0.1, 0.1). */
export function randomTreeEnsemble(random: () => number, o: { trees: number; depth: number; featureCount: number }): TreeEnsemble {
  const trees: Tree[] = [];
  const internal = 2 ** o.depth - 1;
  for (let t = 0; t < o.trees; t++) {
    const features: number[] = [];
    const thresholds: number[] = [];
    const leaves: number[] = [];
    for (let i = 0; i < internal; i++) {
      features.push(Math.floor(random() * o.featureCount));
      thresholds.push(Math.fround(random() * 2 - 1));
    }
    for (let i = 0; i <= internal; i++) leaves.push(Math.fround((random() * 2 - 1) * 0.1));
    trees.push({ depth: o.depth, features, thresholds, leaves });
  }
  return { trees, featureCount: o.featureCount, baseMargin: 0 };
}
