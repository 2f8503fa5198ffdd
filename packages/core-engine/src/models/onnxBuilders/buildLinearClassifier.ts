import { encodeOnnxModel } from './encodeOnnxModel.js';

export interface LinearClassifierSpec {
  /** Row-major `features × classes` weights; `classes` = `bias.length`. */
  readonly weights: readonly number[];
  readonly bias: readonly number[];
  /** `sigmoid` needs one class column (→ [N,1] positive-class probability); `softmax` two or more (→ [N,K]). */
  readonly activation: 'sigmoid' | 'softmax';
  readonly inputName?: string;
  readonly outputName?: string;
}

/**
 * Logistic regression (`Gemm` → `Sigmoid`) or multinomial logistic regression (`Gemm` → `Softmax`):
 * `p = σ(x·W + b)` or `p = softmax(x·W + b)`, input `[N, F]` float.
 */
export function buildLinearClassifier(spec: LinearClassifierSpec): Uint8Array {
  const classes = spec.bias.length;
  const features = spec.weights.length / classes;
  const input = spec.inputName ?? 'input';
  const output = spec.outputName ?? 'probabilities';
  return encodeOnnxModel({
    inputs: [{ name: input, type: 'float', shape: ['N', features] }],
    outputs: [{ name: output, type: 'float', shape: ['N', classes] }],
    initializers: { W: { dims: [features, classes], values: spec.weights }, B: { dims: [classes], values: spec.bias } },
    nodes: [
      { op: 'Gemm', inputs: [input, 'W', 'B'], outputs: ['logits'] },
      spec.activation === 'sigmoid'
        ? { op: 'Sigmoid', inputs: ['logits'], outputs: [output] }
        : { op: 'Softmax', inputs: ['logits'], outputs: [output], attributes: { axis: { int: -1 } } },
    ],
  });
}
