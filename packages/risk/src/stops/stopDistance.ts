import type { StopSpecInput } from '../config/StopConfigSchema.js';
import { requireNumber } from '../InvalidArgumentError.js';

/**
 * Distance of a stop from `price`, quote per base: `fraction × price` for a percent stop,
 * `multiple × atr` for an ATR stop. An ATR stop without a usable ATR (missing, zero, NaN) returns 0:
 * no stop can be placed, and risk-per-trade sizing then sizes 0 with the reason `no-stop-distance`.
 */
export function stopDistance(spec: StopSpecInput, price: number, atr = Number.NaN): number {
  requireNumber('price', price, 0, true);
  return distanceOf(spec, price, atr);
}

/** {@link stopDistance} for a price already checked (finite, > 0), as the risk engine's are. */
export function distanceOf(spec: StopSpecInput, price: number, atr: number | undefined): number {
  if (spec.type === 'percent') return spec.fraction * price;
  return atr !== undefined && atr > 0 && Number.isFinite(atr) ? spec.multiple * atr : 0;
}
