import { requireNumber } from '../InvalidArgumentError.js';

/**
 * Quantity whose notional is `fraction` of `base` (equity or free cash): q = fraction × base / price.
 * A non-positive or NaN base returns 0. Throws `InvalidArgumentError` for a bad fraction or price.
 */
export function fixedFractionQuantity(base: number, fraction: number, price: number): number {
  requireNumber('fraction', fraction, 0);
  requireNumber('price', price, 0, true);
  if (!(base > 0) || !Number.isFinite(base)) return 0;
  return (fraction * base) / price;
}
