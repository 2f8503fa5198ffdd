import cliProgress from 'cli-progress';
import { pino } from 'pino';
import { z } from 'zod';
import type { Clock } from '../clock/Clock.js';
import { LiveClock } from '../clock/LiveClock.js';
import { clockTimestamp } from '../logging/clockTimestamp.js';
import { parseOptions } from '../logging/InvalidOptionError.js';

/** Reports progress of long work (downloads, backtests, optimisation, training). */
export interface Progress {
  /** Adds `n` (default 1) units of work done. */
  increment(n?: number): void;
  /** Sets the units of work done so far. */
  update(done: number): void;
  /** Ends the report: stops the bar or writes the final line. Idempotent. */
  stop(): void;
}

/** The `progress` field of a progress log line. */
export interface ProgressLine {
  readonly label: string;
  readonly done: number;
  readonly total: number;
  /** done / total in percent, two decimals, at most 100. */
  readonly percent: number;
  /** Units per second since the start, three decimals. */
  readonly ratePerSec: number;
  /** Remaining time at the average rate so far, ms; null until there is a rate. */
  readonly etaMs: number | null;
}

/** Where progress lines go; a pino Logger (e.g. `logs.main`) is one. */
export interface ProgressLogger {
  info(obj: { progress: ProgressLine }, msg: string): void;
}

/** An output stream; `isTTY` selects the bar. */
export type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export const ProgressOptionsSchema = z.object({
  /** What is being done, e.g. `download BTC/USDT 1m`. */
  label: z.string().min(1),
  /** Units of work in all. */
  total: z.number().int().nonnegative(),
  /** Time of the log lines and rates; a SimClock drives them in tests. Default LiveClock. */
  clock: z.custom<Clock>((v) => typeof (v as Partial<Clock> | null)?.now === 'function', 'expected a Clock').optional(),
  /** Where the bar (TTY) or, without a logger, the JSON lines go. Default process.stderr. */
  stream: z.custom<ProgressStream>((v) => typeof (v as Partial<ProgressStream> | null)?.write === 'function', 'expected a writable stream').optional(),
  /** Logger for the progress lines when the stream is not a TTY, e.g. `logs.main`. */
  logger: z.custom<ProgressLogger>((v) => typeof (v as Partial<ProgressLogger> | null)?.info === 'function', 'expected a logger').optional(),
  /** Minimum clock time between two progress lines, ms. */
  logIntervalMs: z.number().positive().default(10_000),
});
export type ProgressOptions = z.input<typeof ProgressOptionsSchema>;

/**
 * A bar with rate and ETA on a terminal (cli-progress), and otherwise a structured line
 * `{progress: {label, done, total, percent, ratePerSec, etaMs}}` at most every `logIntervalMs` of clock
 * time (checked on each update, so a stalled job writes nothing until it moves or stops) and a final
 * line on `stop()`. ETA = (total - done) / (done / elapsed).
 */
export function createProgress(options: ProgressOptions): Progress {
  const o = parseOptions(ProgressOptionsSchema, options, 'createProgress');
  const clock = o.clock ?? new LiveClock();
  const stream = o.stream ?? process.stderr;
  return stream.isTTY === true ? new BarProgress(o.label, o.total, stream) : new LogProgress(o.label, o.total, clock, o.logIntervalMs, o.logger ?? pino({ base: undefined, timestamp: clockTimestamp(clock) }, stream));
}

abstract class BaseProgress implements Progress {
  protected done = 0;
  protected stopped = false;

  increment(n = 1): void {
    this.update(this.done + n);
  }

  update(done: number): void {
    if (!(done >= 0) || !Number.isFinite(done)) throw new RangeError(`Invalid "done" for progress: expected a finite number >= 0, received "${done}".`);
    if (this.stopped) return;
    this.done = done;
    this.onUpdate();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.onStop();
  }

  protected abstract onUpdate(): void;
  protected abstract onStop(): void;
}

class BarProgress extends BaseProgress {
  readonly #bar: cliProgress.SingleBar;

  constructor(label: string, total: number, stream: ProgressStream) {
    super();
    this.#bar = new cliProgress.SingleBar(
      { stream, format: '{label} |{bar}| {percentage}% | {value}/{total} | {eta_formatted} left', hideCursor: false, gracefulExit: false },
      cliProgress.Presets.shades_classic,
    );
    this.#bar.start(total, 0, { label });
  }

  protected onUpdate(): void {
    this.#bar.update(this.done);
  }

  protected onStop(): void {
    this.#bar.stop();
  }
}

class LogProgress extends BaseProgress {
  readonly #label: string;
  readonly #total: number;
  readonly #clock: Clock;
  readonly #intervalMs: number;
  readonly #logger: ProgressLogger;
  readonly #startedAt: number;
  #loggedAt: number;

  constructor(label: string, total: number, clock: Clock, intervalMs: number, logger: ProgressLogger) {
    super();
    this.#label = label;
    this.#total = total;
    this.#clock = clock;
    this.#intervalMs = intervalMs;
    this.#logger = logger;
    this.#startedAt = clock.now();
    this.#loggedAt = this.#startedAt;
  }

  protected onUpdate(): void {
    const now = this.#clock.now();
    if (now - this.#loggedAt < this.#intervalMs) return;
    this.#loggedAt = now;
    this.#log(now, 'progress');
  }

  protected onStop(): void {
    this.#log(this.#clock.now(), 'progress stopped');
  }

  #log(now: number, what: string): void {
    const progress = progressLine(this.#label, this.done, this.#total, now - this.#startedAt);
    this.#logger.info({ progress }, `${what}: ${this.#label} ${progress.done}/${progress.total} (${progress.percent}%)`);
  }
}

function progressLine(label: string, done: number, total: number, elapsedMs: number): ProgressLine {
  const ratePerSec = elapsedMs > 0 ? done / (elapsedMs / 1_000) : 0;
  const remaining = Math.max(0, total - done);
  return {
    label,
    done,
    total,
    percent: total === 0 ? 100 : Math.min(100, Math.round((done / total) * 10_000) / 100),
    ratePerSec: Math.round(ratePerSec * 1_000) / 1_000,
    etaMs: remaining === 0 ? 0 : ratePerSec > 0 ? Math.round((remaining / ratePerSec) * 1_000) : null,
  };
}
