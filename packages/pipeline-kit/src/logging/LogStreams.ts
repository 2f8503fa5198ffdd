import type { Logger } from 'pino';
import type { DriftLine, MetricLine, TradeLine } from './logLines.js';

/** Context carried by every line of a child: pipeline name, run id, symbol, component, ... */
export type LogBindings = Record<string, unknown>;

/**
 * The four JSON-lines streams of a run: main.log (everything at or above the level), errors.log
 * (main's lines at level error and above, duplicated), trades.log and metrics.log.
 */
export interface LogStreams {
  /** General logger; lines >= error also go to errors.log. */
  readonly main: Logger;
  /** Trade lines only (use {@link LogStreams.trade}). */
  readonly trades: Logger;
  /** Metric lines only (use {@link LogStreams.metric}). */
  readonly metrics: Logger;
  /** Writes one trade line to trades.log. */
  trade(line: TradeLine): void;
  /** Writes one drift verdict to main.log: `warn` when detected, `info` otherwise. */
  drift(line: DriftLine): void;
  /** Writes one metric line to metrics.log. */
  metric(line: MetricLine): void;
  /** Streams sharing the same files whose loggers all carry `bindings`. */
  child(bindings: LogBindings): LogStreams;
  /** Resolves once everything logged so far is in the files (including a pending size rotation). */
  flush(): Promise<void>;
  /** Flushes and closes the files (for the whole family, also when called on a child). Idempotent. */
  close(): Promise<void>;
}
