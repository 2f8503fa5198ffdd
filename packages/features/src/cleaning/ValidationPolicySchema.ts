import { z } from 'zod';
import { timeframeToMs } from '../market/timeframe.js';
import { InvalidPolicyError } from './InvalidPolicyError.js';

/**
 * What `validateSeries` does when a rule fails. Every action is listed in the report.
 * - `reject`: throw a `BarValidationError` naming the index, timestamp, field and rule.
 * - `drop`: remove the bar.
 * - `repair`: fix the bar in place (per rule, below).
 * - `report`: keep the bar unchanged.
 * - `ignore`: do not check the rule at all.
 */
export const ValidationPolicySchema = z
  .object({
    /** NaN or ±Infinity in any field. No repair: a price cannot be invented. */
    nonFinite: z.enum(['reject', 'drop', 'report']).default('reject'),
    /** open, high, low or close <= 0. */
    nonPositivePrice: z.enum(['reject', 'drop', 'report']).default('reject'),
    /**
     * high < max(open, close) or low > min(open, close) (which covers high < low). `repair` widens
     * the range: high = max(open, high, low, close), low = min(open, high, low, close).
     */
    inconsistentRange: z.enum(['reject', 'repair', 'drop', 'report']).default('reject'),
    /** volume < 0. */
    negativeVolume: z.enum(['reject', 'drop', 'report']).default('reject'),
    /** A timestamp equal to the previous kept bar's. `drop` keeps the first bar of that time. */
    duplicateTimestamp: z.enum(['reject', 'drop', 'report']).default('reject'),
    /**
     * A timestamp before the previous kept bar's. `repair` sorts the series by time (stable, so
     * equal times keep their order and then meet `duplicateTimestamp`); `drop` removes the bar.
     */
    outOfOrderTimestamp: z.enum(['reject', 'repair', 'drop', 'report']).default('reject'),
    /**
     * Missing bars: a step between consecutive bars longer than `timeframe`. One entry per gap.
     * `repair` forward-fills synthetic bars (open = high = low = close = previous close, volume 0)
     * at each missing step, flagged in `report.synthetic`.
     */
    gap: z.enum(['reject', 'repair', 'report', 'ignore']).default('report'),
    /**
     * The bar duration for `gap`, e.g. `'1h'`. Default: the smallest step between consecutive
     * timestamps of the series.
     */
    timeframe: z
      .string()
      .refine((text) => {
        try {
          return timeframeToMs(text) > 0;
        } catch {
          return false;
        }
      }, 'expected a positive integer followed by s, m, h or d (e.g. "5m", "4h", "1d")')
      .optional(),
    /**
     * Spikes in the close: a robust z-score |r − median| / (1.4826 · MAD) above `outlierThreshold`,
     * where r is the log return of the close against the last accepted close and median and MAD are
     * taken over the previous `outlierWindow` accepted returns. Off by default: hourly crypto returns
     * are so heavy-tailed that real moves score far above any usual threshold (see the README).
     */
    outlier: z.enum(['reject', 'drop', 'report', 'ignore']).default('ignore'),
    /** Returns in the rolling window of the outlier rule; no bar is tested before the window is full. */
    outlierWindow: z.number().int().min(5).max(100_000).default(100),
    /** Robust z-score above which a close is an outlier. */
    outlierThreshold: z.number().positive().default(10),
  })
  .strict();

/** A validation policy as written by a user (every field optional). */
export type ValidationPolicyInput = z.input<typeof ValidationPolicySchema>;
/** A validation policy with its defaults filled in. */
export type ValidationPolicy = z.output<typeof ValidationPolicySchema>;

/**
 * Parses a policy, filling in defaults and freezing the result.
 * @throws InvalidPolicyError listing every bad path.
 */
export function parseValidationPolicy(input: unknown = {}): Readonly<ValidationPolicy> {
  const result = ValidationPolicySchema.safeParse(input);
  if (result.success) return Object.freeze(result.data);
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    let received: unknown = input;
    for (const key of issue.path) received = (received as Record<PropertyKey, unknown> | undefined)?.[key];
    const what = issue.code === 'unrecognized_keys' ? `unknown keys ${issue.keys.map((k) => `"${k}"`).join(', ')}` : `"${String(received)}"`;
    return { path, text: `Invalid "${path === '' ? 'policy' : path}": ${issue.message}, received ${what}.` };
  });
  throw new InvalidPolicyError({
    argument: problems[0]?.path ?? '',
    message: problems.map((p) => p.text).join(' '),
    cause: result.error,
  });
}
