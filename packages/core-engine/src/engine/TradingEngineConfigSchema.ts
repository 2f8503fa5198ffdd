import { z } from 'zod';
import { timeframeToMs } from '@ares/features';
import { parseWithSchema } from './parseWithSchema.js';

function isTimeframe(timeframe: string): boolean {
  try {
    timeframeToMs(timeframe);
    return true;
  } catch {
    return false;
  }
}

/** The engine's configuration. `TradingEngineConfigSchema.parse({ symbol, timeframe })` fills every default. */
export const TradingEngineConfigSchema = z
  .object({
    /** Engine id, the prefix of every client order id (`<id>-<bar timestamp>`). Default `ares`. */
    id: z
      .string()
      .regex(/^[A-Za-z0-9_.]+$/, 'expected letters, digits, "_" or "." (it prefixes client order ids)')
      .default('ares'),
    /** The traded instrument, as the venue names it, e.g. `BTC/USDT`. */
    symbol: z.string().min(1, 'expected a non-empty symbol'),
    /** The bar timeframe, e.g. `1h`: gap detection and the decision time (bar open + timeframe). */
    timeframe: z.string().refine(isTimeframe, 'expected a positive integer followed by s, m, h or d (e.g. "5m", "4h", "1d")'),
    validation: z
      .object({
        /** Reject a bar that follows missing bars (a gap) instead of accepting it with a note. Default false. */
        rejectGaps: z.boolean().default(false),
      })
      .prefault({}),
    /**
     * What safe mode (entered on drift) does: `no-entries` blocks new entries and lets exits through;
     * `flatten` also closes the open position. Default `no-entries`.
     */
    safeModeAction: z.enum(['no-entries', 'flatten']).default('no-entries'),
    /** Which values feed the drift monitor each tick; each is a stream of the monitor's config. */
    driftStreams: z
      .object({
        /** Feature columns (by name) fed to the monitor's stream of the same name, once features are ready. */
        features: z.array(z.string().min(1)).default([]),
        /** Feed the signal's probability (of the previous tick: drift is decided before the signal) to stream `probability`. Default false. */
        probability: z.boolean().default(false),
      })
      .prefault({}),
    /** Time each stage (ns) and record tick latency. Default true; the backtest runner turns it off (timing costs more than the work). */
    measureStages: z.boolean().default(true),
  })
  .strict();

/** The configuration as written (defaults optional). */
export type TradingEngineConfig = z.input<typeof TradingEngineConfigSchema>;
/** The configuration after parsing, every default filled in. */
export type ParsedTradingEngineConfig = z.output<typeof TradingEngineConfigSchema>;

/** Parses once; every bad path in one error, e.g. `Invalid "config.symbol": expected a non-empty symbol, received "".` */
export function parseTradingEngineConfig(config: unknown): ParsedTradingEngineConfig {
  return parseWithSchema(TradingEngineConfigSchema, config, 'config');
}
