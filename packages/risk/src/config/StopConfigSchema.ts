import { z } from 'zod';

/** A stop placed at a distance from a reference price, either a fraction of that price or a multiple of ATR. */
export const StopSpecSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('percent'),
    /** Distance as a fraction of the reference price (0.02 = 2 %). */
    fraction: z.number().positive().lt(1),
  }),
  z.object({
    type: z.literal('atr'),
    /** Distance as a multiple of the current ATR (the proposal's `atr`), e.g. 2 for 2 × ATR. */
    multiple: z.number().positive(),
    /** Bars of the Wilder ATR that the caller computes for the proposal's `atr`. Default 14. */
    period: z.number().int().min(1).default(14),
  }),
]);
export type StopSpec = z.output<typeof StopSpecSchema>;
/** A stop spec as written (an ATR `period` may be left to its default). */
export type StopSpecInput = z.input<typeof StopSpecSchema>;

/** Moves the stop to entry once the trade is `triggerR` R in profit. */
export const BreakEvenSchema = z.object({
  /** Profit, in R (multiples of the initial risk), that triggers the move. Default 1. */
  triggerR: z.number().positive().default(1),
  /** Distance beyond entry to place the stop (quote per base, >= 0), e.g. to cover fees. Default 0. */
  offset: z.number().nonnegative().default(0),
});

/**
 * Stop-loss, take-profit, trailing and break-even settings. Every part is optional: absent means not used.
 * A proposal carries one `atr`, so every ATR spec must use the same `period`.
 */
export const StopConfigSchema = z
  .object({
    /** Initial stop-loss; its distance also feeds `risk-per-trade` sizing. */
    stopLoss: StopSpecSchema.optional(),
    /** Take-profit target. */
    takeProfit: StopSpecSchema.optional(),
    /** Trailing stop distance from the best price since entry. */
    trailing: StopSpecSchema.optional(),
    /** Break-even move. */
    breakEven: BreakEvenSchema.optional(),
  })
  .superRefine((stops, context) => {
    let first: { key: string; period: number } | undefined;
    for (const key of ['stopLoss', 'takeProfit', 'trailing'] as const) {
      const spec = stops[key];
      if (spec?.type !== 'atr') continue;
      if (first === undefined) first = { key, period: spec.period };
      else if (spec.period !== first.period) {
        context.addIssue({ code: 'custom', message: `expected the ATR period of "${first.key}" (${first.period}), received "${spec.period}"`, path: [key, 'period'] });
      }
    }
  });
export type StopConfig = z.input<typeof StopConfigSchema>;
/** Stop settings after parsing (defaults filled in). */
export type ParsedStopConfig = z.output<typeof StopConfigSchema>;
