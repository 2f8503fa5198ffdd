import { encodeOnnxModel } from './encodeOnnxModel.js';

export interface MlpPolicySpec {
  /** Row-major `observation × hidden` weights of the first layer. */
  readonly hiddenWeights: readonly number[];
  readonly hiddenBias: readonly number[];
  /** Row-major `hidden × actions` weights of the output layer. */
  readonly outputWeights: readonly number[];
  readonly outputBias: readonly number[];
  /** SB3 exports name these differently by version; loaders must read the session's names. */
  readonly inputName?: string;
  readonly outputName?: string;
}

/** An SB3-style policy head: `Gemm → Tanh → Gemm`, observation `[N, O]` → action logits or Q-values `[N, A]`. */
export function buildMlpPolicy(spec: MlpPolicySpec): Uint8Array {
  const hidden = spec.hiddenBias.length;
  const actions = spec.outputBias.length;
  const observation = spec.hiddenWeights.length / hidden;
  const input = spec.inputName ?? 'obs';
  const output = spec.outputName ?? 'logits';
  return encodeOnnxModel({
    inputs: [{ name: input, type: 'float', shape: ['N', observation] }],
    outputs: [{ name: output, type: 'float', shape: ['N', actions] }],
    initializers: {
      W1: { dims: [observation, hidden], values: spec.hiddenWeights },
      B1: { dims: [hidden], values: spec.hiddenBias },
      W2: { dims: [hidden, actions], values: spec.outputWeights },
      B2: { dims: [actions], values: spec.outputBias },
    },
    nodes: [
      { op: 'Gemm', inputs: [input, 'W1', 'B1'], outputs: ['h_pre'] },
      { op: 'Tanh', inputs: ['h_pre'], outputs: ['h'] },
      { op: 'Gemm', inputs: ['h', 'W2', 'B2'], outputs: [output] },
    ],
  });
}
