import { describe, expect, it, jest } from '@jest/globals';
import { SimClock } from '../clock/SimClock.js';
import { RetryExhaustedError } from './RetryExhaustedError.js';
import { type RetryEvent, retry } from './retry.js';

/** Drives a SimClock: after each `onRetry`, lets the retry reach its sleep, then advances by that delay. */
async function drive<T>(clock: SimClock, events: RetryEvent[], run: Promise<T>): Promise<T> {
  let settled = false;
  run.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  let advanced = 0;
  for (let spins = 0; !settled; spins++) {
    if (spins > 1_000) throw new Error('retry did not settle');
    await new Promise((resolve) => setImmediate(resolve));
    const event = events[advanced];
    if (event !== undefined) {
      advanced++;
      clock.advanceBy(event.delayMs);
    }
  }
  return run;
}

function failing(times: number, calls: number[], clock: SimClock) {
  return async (attempt: number): Promise<string> => {
    calls.push(clock.now());
    if (attempt <= times) throw new Error(`boom ${attempt}`);
    return `ok on ${attempt}`;
  };
}

describe('retry', () => {
  it('waits random() * min(maxDelayMs, baseDelayMs * 2^(n-1)) with the seeded PRNG (seed 42, base 100, cap 300)', async () => {
    const clock = new SimClock(1_000);
    const events: RetryEvent[] = [];
    const calls: number[] = [];
    const result = await drive(
      clock,
      events,
      retry(failing(4, calls, clock), { clock, seed: 42, baseDelayMs: 100, maxDelayMs: 300, onRetry: (e) => events.push(e) }),
    );
    // Mulberry32(42) outputs (see createRandom.test.ts) over 2^32, times the ceilings 100, 200, min(300, 400), min(300, 800).
    const [u1, u2, u3, u4] = [2581720956, 1925393290, 3661312704, 2876485805].map((w) => w / 4294967296) as [number, number, number, number];
    const expected = [u1 * 100, u2 * 200, u3 * 300, u4 * 300];
    expect(result).toBe('ok on 5');
    expect(events.map((e) => e.attempt)).toEqual([1, 2, 3, 4]);
    expect(events.map((e) => (e.error as Error).message)).toEqual(['boom 1', 'boom 2', 'boom 3', 'boom 4']);
    expect(events.map((e) => e.delayMs)).toEqual(expected);
    // 60.11, 89.66, 255.74, 200.92 ms by hand.
    expect(expected.map((d) => Math.round(d * 100) / 100)).toEqual([60.11, 89.66, 255.74, 200.92]);
    let t = 1_000;
    expect(calls).toEqual([1_000, ...expected.map((d) => (t += d))]);
  });

  it('returns the first success without waiting', async () => {
    const clock = new SimClock(0);
    const onRetry = jest.fn();
    await expect(retry(async () => 7, { clock, onRetry })).resolves.toBe(7);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it('gives up after maxAttempts with RetryExhaustedError carrying attempts, elapsed time and the last error', async () => {
    const clock = new SimClock(0);
    const events: RetryEvent[] = [];
    const calls: number[] = [];
    const error = await drive(
      clock,
      events,
      retry(failing(99, calls, clock), { clock, maxAttempts: 3, random: () => 0.5, baseDelayMs: 100, onRetry: (e) => events.push(e) }),
    ).catch((e: unknown) => e);
    // Waits 0.5 * 100 and 0.5 * 200.
    expect(calls).toEqual([0, 50, 150]);
    expect(RetryExhaustedError.isInstance(error)).toBe(true);
    const exhausted = error as RetryExhaustedError;
    expect(exhausted.attempts).toBe(3);
    expect(exhausted.elapsedMs).toBe(150);
    expect((exhausted.cause as Error).message).toBe('boom 3');
    expect(exhausted.message).toBe('Gave up after 3 attempts over 150 ms (maxAttempts is 3); last error: Error: boom 3');
  });

  it('rethrows at once when retryOn says no, without waiting', async () => {
    const clock = new SimClock(0);
    const calls: number[] = [];
    const retryOn = jest.fn((_error: unknown, _attempt: number) => false);
    const fatal = new Error('bad request');
    await expect(
      retry(
        async () => {
          calls.push(clock.now());
          throw fatal;
        },
        { clock, retryOn },
      ),
    ).rejects.toBe(fatal);
    expect(calls).toEqual([0]);
    expect(retryOn).toHaveBeenCalledWith(fatal, 1);
  });

  it.each([
    ['a Retry-After longer than the jitter wins', 5_000, 5_000],
    ['the jitter wins over a shorter Retry-After', 10, 50],
    ['no Retry-After leaves the jitter', undefined, 50],
  ])('honours Retry-After: %s', async (_name, retryAfter, expectedDelay) => {
    const clock = new SimClock(0);
    const events: RetryEvent[] = [];
    const calls: number[] = [];
    await drive(
      clock,
      events,
      retry(failing(1, calls, clock), { clock, random: () => 0.5, baseDelayMs: 100, retryAfterMs: () => retryAfter, onRetry: (e) => events.push(e) }),
    );
    expect(events.map((e) => e.delayMs)).toEqual([expectedDelay]);
    expect(calls).toEqual([0, expectedDelay]);
  });

  it('stops before a wait that would pass maxElapsedMs', async () => {
    const clock = new SimClock(0);
    const events: RetryEvent[] = [];
    const calls: number[] = [];
    // Waits would be 0.9 * 1000 = 900 (ends at 900 <= 1500), then 0.9 * 2000 = 1800 (would end at 2700 > 1500).
    const error = await drive(
      clock,
      events,
      retry(failing(99, calls, clock), { clock, random: () => 0.9, baseDelayMs: 1_000, maxElapsedMs: 1_500, onRetry: (e) => events.push(e) }),
    ).catch((e: unknown) => e);
    expect(calls).toEqual([0, 900]);
    expect(RetryExhaustedError.isInstance(error)).toBe(true);
    expect((error as RetryExhaustedError).attempts).toBe(2);
    expect((error as RetryExhaustedError).elapsedMs).toBe(900);
    expect((error as Error).message).toBe(
      'Gave up after 2 attempts over 900 ms (the next wait of 1800 ms would pass maxElapsedMs 1500); last error: Error: boom 2',
    );
  });

  it('rejects with the abort reason at once when aborted mid-wait, and never calls fn again', async () => {
    const clock = new SimClock(0);
    const controller = new AbortController();
    const calls: number[] = [];
    const seenSignals: (AbortSignal | undefined)[] = [];
    const run = retry(
      async (attempt, signal) => {
        seenSignals.push(signal);
        return failing(99, calls, clock)(attempt);
      },
      { clock, signal: controller.signal, baseDelayMs: 1_000, random: () => 1 },
    );
    await new Promise((resolve) => setImmediate(resolve));
    clock.advanceBy(400);
    const reason = new Error('shutting down');
    controller.abort(reason);
    await expect(run).rejects.toBe(reason);
    clock.advanceBy(10_000);
    expect(calls).toEqual([0]);
    expect(seenSignals).toEqual([controller.signal]);
  });

  it('rejects with the abort reason when fn aborts between attempts, and does not retry an AbortError by default', async () => {
    const controller = new AbortController();
    const reason = new Error('stop now');
    await expect(
      retry(
        async () => {
          controller.abort(reason);
          throw new Error('failed while stopping');
        },
        { clock: new SimClock(0), signal: controller.signal },
      ),
    ).rejects.toBe(reason);

    let calls = 0;
    const abortError = new DOMException('The operation was aborted.', 'AbortError');
    await expect(
      retry(
        async () => {
          calls++;
          throw abortError;
        },
        { clock: new SimClock(0) },
      ),
    ).rejects.toBe(abortError);
    expect(calls).toBe(1);
  });

  it('rejects an already aborted signal before the first attempt', async () => {
    const fn = jest.fn(async () => 1);
    await expect(retry(fn, { signal: AbortSignal.abort(new Error('too late')), clock: new SimClock(0) })).rejects.toThrow('too late');
    expect(fn).not.toHaveBeenCalled();
  });

  it.each([
    [{ maxAttempts: 0 }, 'Invalid "maxAttempts": expected an integer >= 1, received "0".'],
    [{ maxAttempts: 2.5 }, 'Invalid "maxAttempts": expected an integer >= 1, received "2.5".'],
    [{ baseDelayMs: -1 }, 'Invalid "baseDelayMs": expected a finite number >= 0, received "-1".'],
    [{ maxDelayMs: Number.NaN }, 'Invalid "maxDelayMs": expected a finite number >= 0, received "NaN".'],
    [{ maxElapsedMs: -5 }, 'Invalid "maxElapsedMs": expected a finite number >= 0, received "-5".'],
  ])('rejects the options %p', async (options, message) => {
    await expect(retry(async () => 1, { clock: new SimClock(0), ...options })).rejects.toThrow(message);
  });
});
