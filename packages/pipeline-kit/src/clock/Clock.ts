/**
 * The source of time for everything in Ares. Libraries never read the wall clock directly: a backtest
 * drives a {@link SimClock} from the data, live trading uses the {@link LiveClock}.
 * All times are Unix epoch milliseconds, UTC.
 */
export interface Clock {
  /** Current time, epoch ms. */
  now(): number;
  /** Calls `onFire(time)` every `intervalMs`, first at `now() + intervalMs`. A name already in use is replaced. */
  setTimer(name: string, intervalMs: number, onFire: (time: number) => void): void;
  /** Calls `onFire(time)` once at `time` (at once on the next advance if `time` is not in the future). */
  setTimeAlert(name: string, time: number, onFire: (time: number) => void): void;
  /** Cancels a timer or alert; unknown names are ignored. */
  cancelTimer(name: string): void;
}

/**
 * Resolves after `ms` on the given clock, or rejects with the signal's reason when it aborts.
 * On a {@link SimClock} the promise resolves when the clock is advanced past the deadline.
 */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  const name = `sleep#${nextSleepId++}`;
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clock.cancelTimer(name);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    clock.setTimeAlert(name, clock.now() + Math.max(0, ms), () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
let nextSleepId = 0;
