import type { FeatureSpec } from '@ares/features';
import type { SignalContext, SignalDecision, SignalSource } from '../signal/SignalSource.js';
import type { ClassifierPredictions } from './batchPredict.js';
import { thresholdReason, thresholdTarget } from './classifierDecision.js';
import type { LoadedModel } from './loadModel.js';
import type { ClassifierThresholds } from './ModelMetadataSchema.js';
import { ModelValidationError } from './ModelValidationError.js';

export interface PrecomputedSignalOptions {
  /** The classifier the predictions came from (its id, feature spec and thresholds are used). */
  readonly model: LoadedModel;
  /** `batchPredict(model, matrix)` over the backtest's bars. */
  readonly predictions: ClassifierPredictions;
  /** The bars' timestamps, one per prediction row: a decision looks its row up by `bar.timestamp`. */
  readonly timestamps: ArrayLike<number>;
}

/**
 * A synchronous classifier source over predictions computed ahead of a backtest: the same thresholds
 * and hysteresis as {@link ClassifierSignal}, so decisions are identical, without awaiting inference
 * per bar. Rows are found by bar timestamp, so bars the engine rejects do not shift the alignment.
 */
export class PrecomputedSignal implements SignalSource {
  readonly kind = 'classifier';
  readonly id: string;
  readonly featureSpec: FeatureSpec;
  readonly #thresholds: ClassifierThresholds;
  readonly #long: Float64Array;
  readonly #short: Float64Array;
  readonly #rowByTimestamp = new Map<number, number>();
  readonly #decision: SignalDecision = { target: null, probability: undefined, reason: '' };

  constructor(options: PrecomputedSignalOptions) {
    const { model, predictions, timestamps } = options;
    const thresholds = model.metadata.classifier?.thresholds;
    if (thresholds === undefined) throw new ModelValidationError({ path: model.id, issues: [{ field: 'kind', expected: '"classifier"', found: `"${model.metadata.kind}"` }] });
    if (timestamps.length !== predictions.rows) {
      throw new ModelValidationError({ path: model.id, issues: [{ field: 'timestamps', expected: `${predictions.rows} timestamps (one per prediction row)`, found: `${timestamps.length}` }] });
    }
    this.id = model.id;
    this.featureSpec = model.metadata.featureSpec;
    this.#thresholds = thresholds;
    this.#long = predictions.long;
    this.#short = predictions.short;
    for (let i = 0; i < timestamps.length; i++) this.#rowByTimestamp.set(timestamps[i] as number, i);
  }

  decide(context: SignalContext): SignalDecision {
    const decision = this.#decision;
    const row = this.#rowByTimestamp.get(context.bar.timestamp);
    const long = row === undefined ? Number.NaN : (this.#long[row] as number);
    if (!context.featuresReady || Number.isNaN(long)) {
      decision.target = null;
      decision.probability = undefined;
      decision.reason = !context.featuresReady
        ? 'features warming up: model not run'
        : row === undefined
          ? 'no precomputed prediction for this bar'
          : 'a feature is not a finite number: model not run';
      return decision;
    }
    const short = this.#short[row as number] as number;
    const target = thresholdTarget(context.position, long, short, this.#thresholds);
    decision.target = target;
    decision.probability = target === 1 ? long : target === -1 ? short : undefined;
    decision.reason = thresholdReason(context.position, target);
    return decision;
  }

  reset(): void {}
}
