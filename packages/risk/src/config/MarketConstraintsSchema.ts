import { z } from 'zod';

/** The venue's order rules for the instrument (from its market info). Defaults impose none. */
export const MarketConstraintsSchema = z.object({
  /** Smallest order notional (quantity × price), quote currency. Default 0 (none). */
  minNotional: z.number().nonnegative().default(0),
  /** Smallest order quantity, base units. Default 0 (none). */
  minQuantity: z.number().nonnegative().default(0),
  /** Lot size: quantities are rounded down to a multiple of it, base units. Default: no rounding. */
  quantityStep: z.number().positive().optional(),
  /** Price tick: prices are rounded to a multiple of it (buy down, sell up), quote per base. Default: no rounding. */
  priceTick: z.number().positive().optional(),
});
export type MarketConstraints = z.input<typeof MarketConstraintsSchema>;
