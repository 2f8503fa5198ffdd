import { randomUUID } from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { Clock } from '../clock/Clock.js';
import { LiveClock } from '../clock/LiveClock.js';
import type { Notifier } from '../notify/Notifier.js';
import { acquirePidFile, type PidFileHandle } from '../pid/PidFile.js';
import { installShutdownHandlers, type ShutdownHandle } from '../shutdown/installShutdownHandlers.js';
import type { ShutdownSignal } from '../shutdown/ShutdownRequestedError.js';

export type PipelineStage = 'initialize' | 'execute' | 'cleanup';

interface RunFacts {
  readonly pipeline: string;
  readonly runId: string;
  /** Epoch ms on the pipeline's clock. */
  readonly startedAt: number;
  readonly durationMs: number;
}

export type PipelineResult<T> =
  | (RunFacts & { readonly ok: true; readonly status: 'succeeded'; readonly value: T })
  | (RunFacts & {
      readonly ok: false;
      /** `aborted` when a signal or `abort()` stopped the run, `failed` when a stage threw. */
      readonly status: 'failed' | 'aborted';
      readonly failedStage: PipelineStage;
      readonly error: Error;
      /** The signal that stopped the run, if one did. */
      readonly signal: ShutdownSignal | undefined;
      /** A cleanup failure that followed the first failure (the first one is `error`). */
      readonly cleanupError: Error | undefined;
    });

export interface PipelineOptions {
  /** Names the pipeline in logs, notifications and the PID file warning. */
  readonly name: string;
  /** Lifecycle lines go here (a child with `pipeline` and `runId` is made). Default: silent. */
  readonly logger?: Logger;
  /** Told when the run starts, succeeds or fails. */
  readonly notifier?: Notifier;
  /** Time source for durations. Default: the wall clock. */
  readonly clock?: Clock;
  /** Held for the whole run: a second instance with the same path is refused. */
  readonly pidFile?: string;
  /** Install SIGINT/SIGTERM handlers for the run. Default true. */
  readonly handleSignals?: boolean;
  /** Time after the first signal before the process is forced to exit. Default 10 000 ms. */
  readonly graceMs?: number;
  /** How long `run()` waits at the end for queued notifications to go out. Default 10 000 ms. */
  readonly notificationFlushMs?: number;
  /** Overrides the generated run id. */
  readonly runId?: string;
  /** Forced exit (second signal, grace over). Default `process.exit`. */
  readonly exit?: (code: number) => void;
}

/**
 * The lifecycle every Ares app runs on: `initialize` → `execute(signal)` → `cleanup`, driven by `run()`.
 * `run()` never throws for a stage failure: it returns a {@link PipelineResult} saying what happened,
 * and `cleanup` runs exactly once whatever happened before it (a failing `initialize` skips `execute`).
 */
export abstract class Pipeline<T = void> {
  readonly name: string;
  readonly runId: string;
  protected readonly logger: Logger;
  protected readonly clock: Clock;
  protected readonly notifier: Notifier | undefined;
  readonly #options: PipelineOptions;
  readonly #controller = new AbortController();
  #state: 'ready' | 'running' | 'finished' = 'ready';

  constructor(options: PipelineOptions) {
    if (options.name.trim() === '') throw new RangeError('Invalid "name": expected a non-empty pipeline name, received "".');
    this.#options = options;
    this.name = options.name;
    this.runId = options.runId ?? randomUUID();
    this.clock = options.clock ?? new LiveClock();
    this.notifier = options.notifier;
    this.logger = (options.logger ?? pino({ level: 'silent' })).child({ pipeline: this.name, runId: this.runId });
  }

  /** Opens resources (data, connections, models). Throwing skips `execute`; `cleanup` still runs. */
  protected abstract initialize(signal: AbortSignal): Promise<void>;
  /** The work. Check `signal` between steps: when it aborts, finish the current step, persist and return or throw. */
  protected abstract execute(signal: AbortSignal): Promise<T>;
  /** Releases what `initialize` opened. Runs exactly once per run, also after a failed or partial `initialize`. */
  protected abstract cleanup(): Promise<void>;

  /** Asks the run to stop, as a signal would, without ending the process. */
  abort(reason: Error = new Error(`Pipeline "${this.name}" aborted.`)): void {
    this.#controller.abort(reason);
  }

  async run(): Promise<PipelineResult<T>> {
    if (this.#state !== 'ready') throw new Error(`Pipeline "${this.name}" has already run; create a new instance to run again.`);
    this.#state = 'running';
    const startedAt = this.clock.now();
    const signal = this.#controller.signal;
    let stage: PipelineStage = 'initialize';
    let shutdown: ShutdownHandle | undefined;
    let pidFile: PidFileHandle | undefined;
    let outcome: { value: T } | { error: Error };

    this.logger.info({ event: 'pipeline-started' }, `pipeline ${this.name} started`);
    this.notifier?.notify({ type: 'pipeline-started', pipeline: this.name, runId: this.runId });
    try {
      if (this.#options.handleSignals !== false) shutdown = this.#installSignals();
      if (this.#options.pidFile !== undefined) {
        pidFile = acquirePidFile(this.#options.pidFile, {
          clock: this.clock,
          onWarning: (message) => this.logger.warn({ event: 'pid-file-takeover' }, message),
        });
      }
      await this.initialize(signal);
      signal.throwIfAborted();
      stage = 'execute';
      const value = await this.execute(signal);
      signal.throwIfAborted();
      outcome = { value };
    } catch (thrown) {
      outcome = { error: signal.aborted ? toError(signal.reason) : toError(thrown) };
    }

    let cleanupError: Error | undefined;
    try {
      await this.cleanup();
    } catch (thrown) {
      cleanupError = toError(thrown);
    } finally {
      pidFile?.release();
      shutdown?.dispose();
      this.#state = 'finished';
    }

    const facts: RunFacts = { pipeline: this.name, runId: this.runId, startedAt, durationMs: this.clock.now() - startedAt };
    const result: PipelineResult<T> =
      'value' in outcome && cleanupError === undefined
        ? { ...facts, ok: true, status: 'succeeded', value: outcome.value }
        : {
            ...facts,
            ok: false,
            status: signal.aborted ? 'aborted' : 'failed',
            failedStage: 'error' in outcome ? stage : 'cleanup',
            error: 'error' in outcome ? outcome.error : (cleanupError as Error),
            signal: shutdown?.signal,
            cleanupError: 'error' in outcome ? cleanupError : undefined,
          };
    await this.#report(result);
    return result;
  }

  #installSignals(): ShutdownHandle {
    return installShutdownHandlers({
      controller: this.#controller,
      graceMs: this.#options.graceMs ?? 10_000,
      clock: this.clock,
      ...(this.#options.exit === undefined ? {} : { exit: this.#options.exit }),
      onSignal: (signal, phase) =>
        phase === 'graceful'
          ? this.logger.warn({ event: 'shutdown-requested', signal }, `${signal} received: finishing the current step`)
          : this.logger.error({ event: 'shutdown-forced', signal }, `${signal}: exiting without waiting for cleanup`),
    });
  }

  async #report(result: PipelineResult<T>): Promise<void> {
    if (result.ok) {
      this.logger.info({ event: 'pipeline-succeeded', durationMs: result.durationMs }, `pipeline ${this.name} succeeded`);
      this.notifier?.notify({ type: 'pipeline-succeeded', pipeline: this.name, runId: this.runId, durationMs: result.durationMs });
    } else {
      this.logger.error(
        {
          event: result.status === 'aborted' ? 'pipeline-aborted' : 'pipeline-failed',
          failedStage: result.failedStage,
          signal: result.signal,
          durationMs: result.durationMs,
          err: result.error,
          cleanupErr: result.cleanupError,
        },
        `pipeline ${this.name} ${result.status} at ${result.failedStage}: ${result.error.message}`,
      );
      this.notifier?.notify({
        type: 'pipeline-failed',
        pipeline: this.name,
        runId: this.runId,
        stage: result.failedStage,
        error: result.error.message,
        durationMs: result.durationMs,
      });
    }
    await this.notifier?.flush(this.#options.notificationFlushMs ?? 10_000);
  }
}

/** The process exit code for a run: 0 succeeded, 130/143 stopped by SIGINT/SIGTERM, 1 otherwise. */
export function exitCodeOf(result: PipelineResult<unknown>): number {
  if (result.ok) return 0;
  if (result.signal === 'SIGINT') return 130;
  if (result.signal === 'SIGTERM') return 143;
  return 1;
}

/** Runs a pipeline as the process's main job and sets `process.exitCode` from the result. */
export async function runAsMain<T>(pipeline: Pipeline<T>): Promise<PipelineResult<T>> {
  const result = await pipeline.run();
  process.exitCode = exitCodeOf(result);
  return result;
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
