import { z } from 'zod';

/** Options of {@link computeMetrics}. */
export const MetricsOptionsSchema = z.object({
  /** Bars per year used to annualize per-bar figures; crypto trades 24/7: 8760 for 1h bars, 365 for 1d bars. */
  periodsPerYear: z.number().positive(),
  /** Annual risk-free rate as a fraction (0.04 = 4 %), compounded down to a per-bar rate. */
  riskFreeRate: z.number().gt(-1).default(0),
});
export type MetricsOptions = z.input<typeof MetricsOptionsSchema>;
