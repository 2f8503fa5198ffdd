import type { FeatureSpec } from '@ares/features';
import { type InferenceSession, Tensor } from 'onnxruntime-node';
import type { SignalContext, SignalDecision, SignalSource } from '../signal/SignalSource.js';
import type { LoadedModel } from './loadModel.js';
import type { PolicySpec } from './ModelMetadataSchema.js';
import { ModelValidationError } from './ModelValidationError.js';
import { writeObservation } from './writeObservation.js';

/**
 * RL mode: an ONNX policy (SB3-style MLP) maps the observation (features + position encoding,
 * normalised as the metadata declares) to action logits or Q-values; the greedy (argmax) action's
 * target is the decision. For logits the reported probability is that action's softmax probability.
 * One input buffer and tensor are reused, so calls must not overlap.
 */
export class PolicySignal implements SignalSource {
  readonly kind = 'policy';
  readonly id: string;
  readonly featureSpec: FeatureSpec;
  readonly model: LoadedModel;
  readonly #spec: PolicySpec;
  readonly #featureCount: number;
  readonly #input: Float32Array;
  readonly #feeds: InferenceSession.FeedsType;
  readonly #fetches: readonly string[];
  readonly #reasons: readonly string[];
  readonly #decision: SignalDecision = { target: null, probability: undefined, reason: '' };
  #busy = false;

  constructor(model: LoadedModel) {
    const spec = model.metadata.policy;
    if (model.metadata.kind !== 'policy' || spec === undefined) {
      throw new ModelValidationError({ path: model.id, issues: [{ field: 'kind', expected: '"policy"', found: `"${model.metadata.kind}"` }], hint: 'Use ClassifierSignal for a classifier.' });
    }
    this.model = model;
    this.id = model.id;
    this.featureSpec = model.metadata.featureSpec;
    this.#spec = spec;
    this.#featureCount = model.featureColumns.length;
    this.#input = new Float32Array(model.inputWidth);
    this.#feeds = { [model.inputName]: new Tensor('float32', this.#input, [1, model.inputWidth]) };
    this.#fetches = [model.outputName];
    this.#reasons = spec.actionTargets.map((target, action) => `policy chose action ${action} (target ${target})`);
  }

  async decide(context: SignalContext): Promise<SignalDecision> {
    if (this.#busy) throw new Error(`PolicySignal "${this.id}": decide() called while the previous call is still running; await each decision.`);
    const decision = this.#decision;
    if (!context.featuresReady || !writeObservation(context.features, this.#featureCount, context.position, this.#spec, this.#input)) {
      decision.target = null;
      decision.probability = undefined;
      decision.reason = context.featuresReady ? 'a feature is not a finite number: model not run' : 'features warming up: model not run';
      return decision;
    }
    this.#busy = true;
    let result: InferenceSession.ReturnType;
    try {
      result = await this.model.session.run(this.#feeds, this.#fetches);
    } finally {
      this.#busy = false;
    }
    const values = result[this.model.outputName]?.data as Float32Array;
    let best = 0;
    for (let a = 1; a < values.length; a++) if ((values[a] as number) > (values[best] as number)) best = a;
    decision.target = this.#spec.actionTargets[best] ?? null;
    decision.probability = this.#spec.output === 'logits' ? softmaxAt(values, best) : undefined;
    decision.reason = this.#reasons[best] ?? '';
    return decision;
  }

  /** Stateless: the position comes from the engine. */
  reset(): void {}
}

/** softmax(values)[index], shifted by the max for stability. */
function softmaxAt(values: Float32Array, index: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return Math.exp((values[index] as number) - max) / sum;
}
