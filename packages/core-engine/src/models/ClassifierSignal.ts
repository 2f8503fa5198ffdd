import type { FeatureSpec } from '@ares/features';
import { type InferenceSession, Tensor } from 'onnxruntime-node';
import type { SignalContext, SignalDecision, SignalSource } from '../signal/SignalSource.js';
import { type DirectionProbabilities, readDirectionProbabilities, thresholdReason, thresholdTarget } from './classifierDecision.js';
import type { LoadedModel } from './loadModel.js';
import type { ClassifierSpec } from './ModelMetadataSchema.js';
import { ModelValidationError } from './ModelValidationError.js';
import { copyFiniteRow } from './copyFiniteRow.js';

/**
 * ML mode: an ONNX classifier's probabilities turned into a target by the metadata's thresholds, with
 * hysteresis on the current position. One input buffer and one tensor are reused for every tick, so
 * calls must not overlap (the engine awaits each tick). Features not ready or not finite give
 * `target: null` without running the model.
 */
export class ClassifierSignal implements SignalSource {
  readonly kind = 'classifier';
  readonly id: string;
  readonly featureSpec: FeatureSpec;
  readonly model: LoadedModel;
  readonly #spec: ClassifierSpec;
  readonly #input: Float32Array;
  readonly #feeds: InferenceSession.FeedsType;
  readonly #fetches: readonly string[];
  readonly #probabilities: DirectionProbabilities = { long: 0, short: 0 };
  readonly #decision: SignalDecision = { target: null, probability: undefined, reason: '' };
  #busy = false;

  constructor(model: LoadedModel) {
    const spec = model.metadata.classifier;
    if (model.metadata.kind !== 'classifier' || spec === undefined) {
      throw new ModelValidationError({ path: model.id, issues: [{ field: 'kind', expected: '"classifier"', found: `"${model.metadata.kind}"` }], hint: 'Use PolicySignal for a policy.' });
    }
    this.model = model;
    this.id = model.id;
    this.featureSpec = model.metadata.featureSpec;
    this.#spec = spec;
    this.#input = new Float32Array(model.inputWidth);
    // The tensor wraps the buffer without copying: refilling the buffer refills the tensor.
    this.#feeds = { [model.inputName]: new Tensor('float32', this.#input, [1, model.inputWidth]) };
    this.#fetches = [model.outputName];
  }

  async decide(context: SignalContext): Promise<SignalDecision> {
    if (this.#busy) throw new Error(`ClassifierSignal "${this.id}": decide() called while the previous call is still running; await each decision.`);
    const decision = this.#decision;
    if (!context.featuresReady || !copyFiniteRow(context.features, this.#input)) {
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
    const p = readDirectionProbabilities(this.#spec, result[this.model.outputName]?.data as Float32Array, 0, this.#probabilities);
    const target = thresholdTarget(context.position, p.long, p.short, this.#spec.thresholds);
    decision.target = target;
    decision.probability = target === 1 ? p.long : target === -1 ? p.short : undefined;
    decision.reason = thresholdReason(context.position, target);
    return decision;
  }

  /** Stateless: hysteresis follows the engine's position. */
  reset(): void {}
}
