import type { Fill } from '@ares/connectors';
import type { OrderIntent, TickResult } from '../engine/TickResult.js';
import type { TradingEngineState } from '../engine/TradingEngine.js';
import type { SignalTarget } from '../signal/SignalSource.js';

/**
 * One tick worth keeping: the signal had an opinion (non-null target), the engine issued an intent, or
 * a stage rejected (bad bar, failing signal, risk denial). Quiet ticks are not recorded.
 */
export interface DecisionRecord {
  /** The bar's timestamp (open time, epoch ms). */
  readonly timestamp: number;
  readonly target: SignalTarget;
  readonly probability: number | undefined;
  readonly reason: string;
  readonly signalId: string;
  /** The intent's client order id, or null. */
  readonly clientOrderId: string | null;
}

/** An intent as it reached the venue. */
export interface SubmittedOrder {
  readonly intent: OrderIntent;
  /** Decision time the order was sent at (bar close), epoch ms. */
  readonly sentAt: number;
  readonly status: 'accepted' | 'rejected';
  /** The venue's order id when accepted. */
  readonly orderId: string | null;
  /** The venue's reason when rejected. */
  readonly error: string | null;
}

/** What a run produced; the same shape from the backtest and the live runner, so they can be compared. */
export interface RunResult {
  /** Bars seen (accepted or rejected). */
  readonly bars: number;
  readonly decisions: DecisionRecord[];
  readonly orders: SubmittedOrder[];
  readonly fills: Fill[];
  /** The engine's checkpoint after the last bar. */
  readonly finalState: TradingEngineState;
}

/** Keeps the ticks worth keeping (see {@link DecisionRecord}); quiet ticks allocate nothing. */
export function recordDecision(decisions: DecisionRecord[], result: TickResult): void {
  const stages = result.stages;
  const rejected = stages.validate.status === 'rejected' || stages.signal.status === 'rejected' || stages.risk.status === 'rejected';
  if (result.target === null && result.intent === null && !rejected) return;
  decisions.push({
    timestamp: result.timestamp,
    target: result.target,
    probability: result.probability,
    reason: result.reason,
    signalId: result.signalId,
    clientOrderId: result.intent === null ? null : result.intent.clientOrderId,
  });
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
