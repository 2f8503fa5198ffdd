/// <reference path="./pino-roll.d.ts" />
import { hostname } from 'node:os';
import path from 'node:path';
import { type DestinationStream, type Logger, type LoggerOptions, type StreamEntry, pino } from 'pino';
import pinoPretty from 'pino-pretty';
import type { RollingFileStream } from 'pino-roll';
import { z } from 'zod';
import type { Clock } from '../clock/Clock.js';
import { LiveClock } from '../clock/LiveClock.js';
import { clockTimestamp } from './clockTimestamp.js';
import { createKeyRedactor } from './createKeyRedactor.js';
import { parseOptions } from './InvalidOptionError.js';
import type { LogBindings, LogStreams } from './LogStreams.js';
import type { DriftLine, MetricLine, TradeLine } from './logLines.js';
import { createSecretScrubber, SECRET_CENSOR } from './scrubSecrets.js';

/** Property names whose values are redacted at any depth, case-insensitively (see {@link createKeyRedactor}). */
export const DEFAULT_REDACT_KEYS: readonly string[] = [
  'password',
  'passwd',
  'secret',
  'apiKey',
  'apiSecret',
  'privateKey',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
];

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

export const LogStreamsOptionsSchema = z.object({
  /** Directory of the log files; created when missing. */
  dir: z.string().min(1),
  /** Minimum level of main.log and the console; trades.log and metrics.log always take `info` lines. */
  level: z.enum(LEVELS).default('info'),
  /** `name` field on every line (the app). */
  name: z.string().min(1).optional(),
  /** Extra fields on every line (pino `base`); `pid` and `hostname` are always included. */
  base: z.record(z.string(), z.unknown()).default({}),
  /** Console copy of main: `auto` is pretty on a TTY and JSON lines otherwise. */
  console: z.enum(['auto', 'pretty', 'json', 'none']).default('auto'),
  /** More property names to redact at any depth, on top of {@link DEFAULT_REDACT_KEYS}. */
  redactKeys: z.array(z.string().min(1)).default([]),
  /** pino redact paths (`order.clientTag`, `*.note`, `fills[*].account`) for values that are secret by position. */
  redactPaths: z.array(z.string().min(1)).default([]),
  /** Literal secret values (API keys, SMTP password) scrubbed from every serialized line of every stream. */
  secrets: z.array(z.string()).default([]),
  /** Rotate a file when it reaches this size (pino-roll syntax: a number of MB, or `512k`, `10m`, `1g`). */
  maxSize: z.union([z.string().regex(/^\d+[kmg]?$/, 'expected a size like "512k", "10m" or "1g"'), z.number().positive()]).default('10m'),
  /** Rotated files kept per stream in addition to the active one. */
  maxFiles: z.number().int().min(1).default(14),
  /** Source of the `time` field; a SimClock makes backtest lines carry simulated time. Default LiveClock. */
  clock: z.custom<Clock>((v) => typeof (v as Partial<Clock> | null)?.now === 'function', 'expected a Clock').optional(),
});
export type LogStreamsOptions = z.input<typeof LogStreamsOptionsSchema>;

/** The files, one per stream; each is rotated daily and by size (`main.2026-11-22.1.log`, `.2.log`, ...). */
export const LOG_FILES = ['main', 'errors', 'trades', 'metrics'] as const;
type LogFile = (typeof LOG_FILES)[number];

/**
 * Opens the four rotating JSON-lines files in `options.dir` and returns their loggers.
 * Writes are synchronous, so a line is in the file when the call returns (a crash loses nothing).
 * @see https://github.com/pinojs/pino/blob/main/docs/api.md#pino-multistream
 */
export async function createLogStreams(options: LogStreamsOptions): Promise<LogStreams> {
  const o = parseOptions(LogStreamsOptionsSchema, options, 'createLogStreams');
  // Loaded here, not at the top: pino-roll pulls in date-fns (~0.1 s), which processes that import this
  // package without writing logs (optimization workers) should not pay.
  const { default: pinoRoll } = await import('pino-roll');
  const files = new Map<LogFile, RollingFileStream>();
  try {
    for (const name of LOG_FILES) {
      files.set(
        name,
        await pinoRoll({
          file: path.join(o.dir, name),
          size: o.maxSize,
          frequency: 'daily',
          dateFormat: 'yyyy-MM-dd',
          limit: { count: o.maxFiles },
          mkdir: true,
          sync: true,
        }),
      );
    }
  } catch (error) {
    for (const file of files.values()) file.end();
    throw error;
  }
  const family = new Family([...files.values()]);
  const sink = (name: LogFile): DestinationStream => {
    const file = files.get(name);
    return { write: (line: string) => family.write(file, line) };
  };

  const redactKeys = createKeyRedactor([...DEFAULT_REDACT_KEYS, ...o.redactKeys]);
  const scrubSecrets = createSecretScrubber(o.secrets);
  const common: LoggerOptions = {
    name: o.name,
    base: { pid: process.pid, hostname: hostname(), ...o.base },
    timestamp: clockTimestamp(o.clock ?? new LiveClock()),
    ...(o.redactPaths.length > 0 ? { redact: { paths: o.redactPaths, censor: SECRET_CENSOR } } : {}),
    // Every serialized line of every stream passes here before it is written anywhere.
    hooks: { streamWrite: (line) => scrubSecrets(redactKeys(line)) },
  };
  const mainEntries: StreamEntry[] = [
    { level: o.level, stream: sink('main') },
    { level: 'error', stream: sink('errors') },
  ];
  const consoleStream = openConsole(o.console);
  if (consoleStream !== undefined) mainEntries.push({ level: o.level, stream: consoleStream });

  return new FileLogStreams(
    pino({ ...common, level: o.level }, pino.multistream(mainEntries)),
    pino({ ...common, level: 'info' }, sink('trades')),
    pino({ ...common, level: 'info' }, sink('metrics')),
    family,
  );
}

function openConsole(mode: 'auto' | 'pretty' | 'json' | 'none'): DestinationStream | undefined {
  const pretty = mode === 'pretty' || (mode === 'auto' && process.stdout.isTTY === true);
  if (pretty) return pinoPretty({ destination: 1, sync: true, translateTime: 'SYS:standard' });
  if (mode === 'none') return undefined;
  return pino.destination({ dest: 1, sync: true });
}

/** The files shared by a root LogStreams and its children; after close, late lines are dropped, not thrown. */
class Family {
  readonly #files: readonly RollingFileStream[];
  #closing: Promise<void> | undefined;

  constructor(files: readonly RollingFileStream[]) {
    this.#files = files;
  }

  write(file: RollingFileStream | undefined, line: string): void {
    if (this.#closing === undefined) file?.write(line);
  }

  async flush(): Promise<void> {
    // Writes are synchronous; a size rotation triggered by the last write completes on the next tick.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  close(): Promise<void> {
    this.#closing ??= this.flush().then(() =>
      Promise.all(
        this.#files.map(
          (file) =>
            new Promise<void>((resolve) => {
              file.once('close', resolve);
              file.end();
            }),
        ),
      ).then(() => undefined),
    );
    return this.#closing;
  }
}

class FileLogStreams implements LogStreams {
  readonly main: Logger;
  readonly trades: Logger;
  readonly metrics: Logger;
  readonly #family: Family;

  constructor(main: Logger, trades: Logger, metrics: Logger, family: Family) {
    this.main = main;
    this.trades = trades;
    this.metrics = metrics;
    this.#family = family;
  }

  trade(line: TradeLine): void {
    this.trades.info({ kind: 'trade', ...line }, `${line.side} ${line.quantity} ${line.symbol} @ ${line.price}: ${line.reason}`);
  }

  drift(line: DriftLine): void {
    const message = `drift ${line.detected ? 'detected' : 'checked'} on ${line.stream} by ${line.detector}: ${line.action}`;
    if (line.detected) this.main.warn({ kind: 'drift', ...line }, message);
    else this.main.info({ kind: 'drift', ...line }, message);
  }

  metric(line: MetricLine): void {
    this.metrics.info({ kind: 'metric', ...line }, line.name);
  }

  child(bindings: LogBindings): LogStreams {
    return new FileLogStreams(this.main.child(bindings), this.trades.child(bindings), this.metrics.child(bindings), this.#family);
  }

  flush(): Promise<void> {
    return this.#family.flush();
  }

  close(): Promise<void> {
    return this.#family.close();
  }
}
