import { z } from 'zod';

/**
 * The limits checked before every order. Fractions are plain fractions of equity (0.2 = 20 %),
 * money is in the quote currency, durations in milliseconds. An optional limit that is absent is off.
 */
export const RiskLimitsSchema = z
  .object({
    /** Drawdown from the equity peak (1 − equity / peakEquity) at which new entries stop. Default 0.2. */
    maxDrawdown: z.number().positive().max(1).default(0.2),
    /** Also ask the caller to flatten (decision `flatten: true`) while the drawdown halt lasts. Default false. */
    flattenOnMaxDrawdown: z.boolean().default(false),
    /**
     * Auto-resume: the drawdown halt lifts once drawdown falls to this fraction or below (must be < maxDrawdown).
     * Default: none, the halt lasts until `resumeAfterDrawdown()` is called.
     */
    drawdownResumeBelow: z.number().nonnegative().optional(),
    /** Loss since the UTC day's start (1 − equity / dayStartEquity) at which new entries stop until the next UTC day. Default 0.05. */
    maxDailyLoss: z.number().positive().max(1).default(0.05),
    /** Largest position notional (|position| × price) as a fraction of equity. Default 1. */
    maxPositionFraction: z.number().positive().default(1),
    /** Largest position notional, quote currency. Default: none. */
    maxPositionNotional: z.number().positive().optional(),
    /** Largest gross leverage ((|position| × price + otherExposure) / equity). Default 1 (no leverage). */
    maxLeverage: z.number().positive().default(1),
    /** Largest gross exposure of the account (|position| × price + otherExposure), quote currency. Default: none. */
    maxExposure: z.number().positive().optional(),
    /** Open orders at which new entries stop. Default 10. */
    maxOpenOrders: z.number().int().positive().default(10),
    /** Orders allowed per rolling `orderRateWindowMs` window, any intent. Default 10. */
    maxOrdersPerWindow: z.number().int().positive().default(10),
    /** The order-rate window, ms. Default 1000. */
    orderRateWindowMs: z.number().int().positive().default(1000),
    /** Consecutive losing trades that start a cool-down. Default 3. */
    maxConsecutiveLosses: z.number().int().positive().default(3),
    /** Cool-down after the loss streak, ms from the last trade's close. Default 3 600 000 (1 h); 0 disables. */
    lossCooldownMs: z.number().int().nonnegative().default(3_600_000),
    /** Cool-down after a stop-out, ms from the stop fill. Default 0 (off). */
    stopOutCooldownMs: z.number().int().nonnegative().default(0),
  })
  .refine((l) => l.drawdownResumeBelow === undefined || l.drawdownResumeBelow < l.maxDrawdown, {
    message: 'expected a fraction below "maxDrawdown"',
    path: ['drawdownResumeBelow'],
  });
export type RiskLimits = z.input<typeof RiskLimitsSchema>;
