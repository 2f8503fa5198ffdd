import type { ParsedStopConfig } from '../config/StopConfigSchema.js';
import type { OrderSide } from '../engine/OrderProposal.type.js';
import { breakEvenStop } from './breakEvenStop.js';
import { stopDistance } from './stopDistance.js';
import { trailStop } from './trailStop.js';

/** An open position's stop state, prices in quote per base. */
export interface PositionStop {
  /** Side that opened the position. */
  readonly side: OrderSide;
  readonly entryPrice: number;
  /** The stop set at entry: its distance from entry is 1 R. */
  readonly initialStop: number;
  /** The stop now in force. */
  readonly currentStop: number;
}

/**
 * The stop to hold after a new `price`, applying the configured break-even move and then the
 * trailing stop (`stops.breakEven`, `stops.trailing`); either may be absent. The stop never loosens.
 * `atr` is needed only by an ATR trailing stop (without it the trailing step is skipped).
 */
export function nextStopPrice(stops: ParsedStopConfig, position: PositionStop, price: number, atr = Number.NaN): number {
  const { side, entryPrice, initialStop } = position;
  let stop = position.currentStop;
  if (stops.breakEven !== undefined) {
    const initialRisk = Math.abs(entryPrice - initialStop);
    stop = breakEvenStop({ side, entryPrice, currentStop: stop, price, initialRisk, triggerR: stops.breakEven.triggerR, offset: stops.breakEven.offset });
  }
  if (stops.trailing !== undefined) {
    const distance = stopDistance(stops.trailing, price, atr);
    if (distance > 0) stop = trailStop(side, stop, price, distance);
  }
  return stop;
}
