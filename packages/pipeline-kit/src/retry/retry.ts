import type { Clock } from '../clock/Clock.js';
import { sleep } from '../clock/Clock.js';
import { LiveClock } from '../clock/LiveClock.js';
import type { Random } from '../random/createRandom.js';
import { createRandom } from '../random/createRandom.js';
import { RetryExhaustedError } from './RetryExhaustedError.js';

/** What `onRetry` sees before each wait. */
export interface RetryEvent {
  /** The attempt that just failed (1 = the first call). */
  readonly attempt: number;
  /** How long the retry waits before the next attempt. */
  readonly delayMs: number;
  /** The error that attempt failed with. */
  readonly error: unknown;
}

export interface RetryOptions {
  /** Most calls of `fn`, the first one included. Default 5. */
  maxAttempts?: number;
  /** Backoff ceiling for the first retry, ms; doubles per attempt. Default 100. */
  baseDelayMs?: number;
  /** Cap on the backoff ceiling, ms. Default 30 000. */
  maxDelayMs?: number;
  /** Give up instead of waiting when the next wait would end later than this after the first attempt started. Default: no limit. */
  maxElapsedMs?: number;
  /** Whether an error is worth another attempt. Default: every error except an abort. A `false` rethrows the error as is. */
  retryOn?: (error: unknown, attempt: number) => boolean;
  /** A server's requested wait (e.g. from a Retry-After header), ms; the retry waits at least this long. */
  retryAfterMs?: (error: unknown) => number | undefined;
  /** Aborting rejects at once with the signal's reason, during a wait or between attempts; `fn` receives it too. */
  signal?: AbortSignal;
  /** Time source for waits and `maxElapsedMs`. Default: a {@link LiveClock}. */
  clock?: Clock;
  /** Uniform [0, 1) source for the jitter. Give this or `seed`; default: `createRandom(seed ?? process.pid)`. */
  random?: Random;
  /** Seed for the jitter PRNG when no `random` is given. Default: the process id, so that processes retrying against one server spread out; pass a seed for a reproducible run. */
  seed?: number;
  /** Called before each wait. */
  onRetry?: (event: RetryEvent) => void;
}

/**
 * Runs `fn` until it resolves, retrying failures with exponential backoff and full jitter: before
 * attempt n + 1 it waits `random() * min(maxDelayMs, baseDelayMs * 2^(n-1))`, raised to the server's
 * Retry-After when there is one. Full jitter spreads clients that failed together.
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * @throws RetryExhaustedError when attempts or time run out (cause: the last error); the error itself
 * when `retryOn` says no; the signal's reason on abort.
 */
export async function retry<T>(fn: (attempt: number, signal?: AbortSignal) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = checkNumber('maxAttempts', options.maxAttempts ?? 5, 1, true);
  const baseDelayMs = checkNumber('baseDelayMs', options.baseDelayMs ?? 100, 0, false);
  const maxDelayMs = checkNumber('maxDelayMs', options.maxDelayMs ?? 30_000, 0, false);
  const maxElapsedMs = options.maxElapsedMs === undefined ? Number.POSITIVE_INFINITY : checkNumber('maxElapsedMs', options.maxElapsedMs, 0, false);
  const { signal, onRetry } = options;
  const retryOn = options.retryOn ?? ((error: unknown) => !isAbort(error, signal));
  const clock = options.clock ?? new LiveClock();
  const random = options.random ?? createRandom(options.seed ?? process.pid);
  const start = clock.now();

  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await fn(attempt, signal);
    } catch (error) {
      signal?.throwIfAborted();
      if (!retryOn(error, attempt)) throw error;
      const elapsedMs = clock.now() - start;
      if (attempt >= maxAttempts) throw new RetryExhaustedError({ attempts: attempt, elapsedMs, reason: `maxAttempts is ${maxAttempts}`, cause: error });
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      const delayMs = Math.max(random() * ceiling, options.retryAfterMs?.(error) ?? 0);
      if (elapsedMs + delayMs > maxElapsedMs)
        throw new RetryExhaustedError({
          attempts: attempt,
          elapsedMs,
          reason: `the next wait of ${Math.round(delayMs)} ms would pass maxElapsedMs ${maxElapsedMs}`,
          cause: error,
        });
      onRetry?.({ attempt, delayMs, error });
      await sleep(clock, delayMs, signal);
    }
  }
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted && error === signal.reason) return true;
  // Duck-typed: a DOMException from another realm fails `instanceof Error`.
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
  return name === 'AbortError' || name === 'TimeoutError';
}

function checkNumber(name: string, value: number, min: number, integer: boolean): number {
  const ok = integer ? Number.isInteger(value) : Number.isFinite(value);
  if (!ok || value < min)
    throw new RangeError(`Invalid "${name}": expected ${integer ? 'an integer' : 'a finite number'} >= ${min}, received "${value}".`);
  return value;
}
