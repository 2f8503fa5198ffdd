import { z } from 'zod';

/**
 * The domain lines Ares writes through {@link LogStreams}. The helpers take these shapes; the schemas
 * also parse lines read back from the files (reports, audits), where pino adds `level`, `time`,
 * `msg` and the bindings.
 */

/** One executed or intended trade, written to trades.log. Extra fields (order id, fees, ...) are kept. */
export const TradeLineSchema = z
  .object({
    /** Market symbol, e.g. `BTC/USDT`. */
    symbol: z.string().min(1),
    /** Direction of the trade. */
    side: z.enum(['buy', 'sell']),
    /** Base-currency amount, > 0. */
    quantity: z.number().positive(),
    /** Price in quote currency per unit of base, > 0. */
    price: z.number().positive(),
    /** Why the trade was made (signal, stop-loss, take-profit, flatten on drift, ...). */
    reason: z.string().min(1),
  })
  .catchall(z.unknown());
export type TradeLine = z.input<typeof TradeLineSchema>;

/** One drift-detector verdict, written to main.log (level warn when detected, info otherwise). */
export const DriftLineSchema = z.object({
  /** The monitored series, e.g. a feature name or `prediction-error`. */
  stream: z.string().min(1),
  /** Detector name, e.g. `ADWIN` or `PageHinkley`. */
  detector: z.string().min(1),
  /** Whether the detector signalled drift on this update. */
  detected: z.boolean(),
  /** The detector's statistic at this update. */
  score: z.number(),
  /** What the engine did about it: `none`, `warn`, `safe-mode`, `flatten`, ... */
  action: z.string().min(1),
});
export type DriftLine = z.input<typeof DriftLineSchema>;

/** Summary statistics of a latency histogram over one flush interval. */
export const HistogramStatsSchema = z.object({
  count: z.number().int().nonnegative(),
  min: z.number(),
  mean: z.number(),
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  max: z.number(),
});
export type HistogramStats = z.infer<typeof HistogramStatsSchema>;

/** One metric value, written to metrics.log. */
export const MetricLineSchema = z.object({
  /** Dotted metric name, e.g. `engine.tick.latency`. */
  name: z.string().min(1),
  /** Counter total, gauge value, or a histogram's p50. */
  value: z.number(),
  /** Unit of `value`, e.g. `ms`, `orders`, `USDT`. */
  unit: z.string().optional(),
  /** Free-form dimensions, e.g. `{ symbol: 'BTC/USDT' }`. */
  tags: z.record(z.string(), z.string()).optional(),
  /** `counter`, `gauge` or `histogram` when written by a MetricsRegistry. */
  type: z.enum(['counter', 'gauge', 'histogram']).optional(),
  /** Present on histogram lines. */
  histogram: HistogramStatsSchema.optional(),
});
export type MetricLine = z.input<typeof MetricLineSchema>;
