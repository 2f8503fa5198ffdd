import type { Bar, FeatureSpec } from '@ares/features';

/**
 * Desired exposure: 1 long, 0 flat, -1 short. `null` means "no opinion": keep whatever is held.
 * Sizing turns a target into a quantity; the signal never sizes.
 */
export type SignalTarget = -1 | 0 | 1 | null;

/** What a signal source sees at the close of a bar. Only data up to and including this bar. */
export interface SignalContext {
  readonly bar: Bar;
  /** The engine's current feature row, in the order of the source's `featureSpec` columns (reused buffer). */
  readonly features: Float64Array;
  /** False while any feature is still warming up. */
  readonly featuresReady: boolean;
  /** Current position direction: 1 long, 0 flat, -1 short. */
  readonly position: -1 | 0 | 1;
}

export interface SignalDecision {
  target: SignalTarget;
  /**
   * Probability that the chosen direction is right, when the source has one (a classifier's
   * probability); feeds Kelly sizing. `undefined` otherwise.
   */
  probability: number | undefined;
  /** Why, in a few words, for the trade log: `fast SMA(10) crossed above slow SMA(30)`. */
  reason: string;
}

/**
 * Where decisions come from: a rule strategy, an ONNX classifier or an ONNX policy. Sources that
 * can answer synchronously (rules, precomputed predictions) return the decision; model inference
 * returns a promise. A source may reuse its returned object between calls.
 */
export interface SignalSource {
  readonly kind: 'rule' | 'classifier' | 'policy';
  /** Identifies the source in results and logs: a strategy name, or a model's name@version. */
  readonly id: string;
  /** The features the source reads, built by the engine per bar. */
  readonly featureSpec: FeatureSpec;
  decide(context: SignalContext): SignalDecision | Promise<SignalDecision>;
  /** Forgets internal state (hysteresis, previous values), e.g. before a new backtest. */
  reset(): void;
}
