import type { OrderRequest } from '@ares/connectors';
import type { SignalTarget } from '../signal/SignalSource.js';

/** The stages of `processTick`, in order. */
export const TICK_STAGES = ['validate', 'features', 'drift', 'signal', 'risk', 'sizing', 'intent'] as const;
export type TickStage = (typeof TICK_STAGES)[number];

/** What one stage did. `reason` is empty for a plain `ok`. */
export interface StageOutcome {
  status: 'ok' | 'rejected' | 'skipped';
  reason: string;
  /** Wall time of the stage in ns; NaN when `measureStages` is off. */
  durationNs: number;
}

/** An order the engine wants sent: a venue `OrderRequest` (always a market order) plus why. */
export interface OrderIntent extends OrderRequest {
  readonly type: 'market';
  readonly reduceOnly: boolean;
  /** Why, for the trade log: `entry long: fast SMA(10) crossed above slow SMA(30)`. */
  readonly reason: string;
}

/**
 * The outcome of one `processTick`. The engine owns and reuses this object: the next tick overwrites
 * it (no allocation per tick). Copy what you keep with {@link copyTickResult}.
 */
export interface TickResult {
  /** The bar's timestamp (open time, epoch ms). */
  timestamp: number;
  readonly stages: Record<TickStage, StageOutcome>;
  /** The signal's target (null: no opinion, or the signal did not run). */
  target: SignalTarget;
  /** The signal's probability, when it has one. */
  probability: number | undefined;
  /** Why the engine did what it did: the intent's reason, else the first rejection, else the signal's reason. */
  reason: string;
  /** The order to send, or null. */
  intent: OrderIntent | null;
  /** The signal source that decided this tick (a strategy name or model@version): exactly one per tick. */
  signalId: string;
  /** Whether the engine is in safe mode after this tick. */
  safeMode: boolean;
  /** Whole tick in ns; NaN when `measureStages` is off. */
  durationNs: number;
}

/** A detached copy of a result, safe to keep after the next tick. */
export function copyTickResult(result: TickResult): TickResult {
  const stages = {} as Record<TickStage, StageOutcome>;
  for (const stage of TICK_STAGES) stages[stage] = { ...result.stages[stage] };
  return { ...result, stages };
}
