import type { OrderSide } from '../engine/OrderProposal.type.js';
import { requireNumber } from '../InvalidArgumentError.js';

/** 10^0 … 10^12, so rounding does not call Math.pow on the per-tick path. */
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/**
 * Decimal places needed to write `step` exactly (0.001 → 3, 5 → 0), up to 12.
 * Rounding works on integers scaled by 10^decimals so results are the doubles nearest the decimal
 * multiples (3 × 0.1 gives 0.3, not 0.30000000000000004).
 */
export function stepDecimals(step: number): number {
  requireNumber('step', step, 0, true);
  let scale = 1;
  for (let d = 0; d < 12; d++, scale *= 10) {
    if (Math.abs(Math.round(step * scale) - step * scale) < 1e-9 * Math.max(1, step * scale)) return d;
  }
  return 12;
}

/**
 * Whole steps in `ratio`, rounded down or up, where a ratio within binary noise of a whole number counts as
 * that number (256.10092 / 0.00001 is 25610091.999999996 in binary). The noise bound grows with the ratio:
 * a double holds ~16 significant digits, and 1e-14 of the ratio (~45 units in the last place) covers the few roundings above it.
 */
function wholeSteps(ratio: number, direction: 'down' | 'up'): number {
  const nearest = Math.round(ratio);
  if (Math.abs(ratio - nearest) <= Math.max(1e-9, 1e-14 * Math.abs(ratio))) return nearest;
  return direction === 'down' ? Math.floor(ratio) : Math.ceil(ratio);
}

/**
 * Rounds `value` down to a multiple of `step` (lot size). The result is never greater than `value` beyond
 * binary noise, so a reduce-only quantity can only shrink, and a position that is a multiple of the step
 * rounds to itself (no one-step dust left behind). Pass `decimals` from `stepDecimals(step)` to skip recomputing it.
 */
export function roundDownToStep(value: number, step: number, decimals = stepDecimals(step)): number {
  if (!(value > 0)) return 0;
  return onSteps(value, step, decimals, 'down');
}

/**
 * Rounds a limit price to the tick, in the direction that never gives a worse price than asked (beyond
 * binary noise): a buy rounds down (pays at most the proposal), a sell rounds up (receives at least the proposal).
 */
export function roundPriceToTick(price: number, tick: number, side: OrderSide, decimals = stepDecimals(tick)): number {
  return onSteps(price, tick, decimals, side === 'buy' ? 'down' : 'up');
}

/**
 * `value` rounded to a multiple of `step`, worked on integers scaled by 10^decimals. A step of one
 * scaled unit (0.01 at 2 decimals, the usual tick and lot) skips dividing and multiplying by it: exact
 * either way, and each division is ~15 cycles of latency on an order's path.
 */
function onSteps(value: number, step: number, decimals: number, direction: 'down' | 'up'): number {
  const scale = POWERS_OF_TEN[decimals] ?? 1e12;
  const units = Math.round(step * scale);
  if (units === 1) return wholeSteps(value * scale, direction) / scale;
  return (wholeSteps((value * scale) / units, direction) * units) / scale;
}
