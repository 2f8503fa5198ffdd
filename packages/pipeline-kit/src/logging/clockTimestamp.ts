import type { Clock } from '../clock/Clock.js';

/**
 * A pino `timestamp` option that stamps each line with `clock.now()` (epoch ms) in the `time` field,
 * so a backtest's lines carry simulated time.
 * @see https://github.com/pinojs/pino/blob/main/docs/api.md#timestamp-boolean--function
 */
export function clockTimestamp(clock: Clock): () => string {
  return () => `,"time":${clock.now()}`;
}
