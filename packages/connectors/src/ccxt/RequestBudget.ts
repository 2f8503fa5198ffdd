import type { Clock } from '@ares/pipeline-kit';
import { sleep } from '@ares/pipeline-kit';
import { checkPositive } from './ConnectorOptionError.js';

/** Our own request allowance per venue, on top of ccxt's per-endpoint rate limiter. */
export interface RequestBudgetOptions {
  /** Most requests in a burst (bucket size). */
  readonly capacity: number;
  /** Requests added back per second. */
  readonly refillPerSecond: number;
}

/**
 * A token bucket: `capacity` tokens, refilled continuously at `refillPerSecond`, one token per
 * request. `take` waits on the clock until a token is free, so callers queue instead of failing.
 * @see https://en.wikipedia.org/wiki/Token_bucket
 */
export class RequestBudget {
  readonly #capacity: number;
  readonly #refillPerMs: number;
  readonly #clock: Clock;
  #tokens: number;
  #updatedAt: number;
  // Serializes waiters so tokens go out in call order.
  #queue: Promise<void> = Promise.resolve();

  constructor(options: RequestBudgetOptions, clock: Clock) {
    this.#capacity = checkPositive('requestBudget.capacity', options.capacity);
    this.#refillPerMs = checkPositive('requestBudget.refillPerSecond', options.refillPerSecond) / 1_000;
    this.#clock = clock;
    this.#tokens = options.capacity;
    this.#updatedAt = clock.now();
  }

  /** Tokens available now (fractional while refilling). */
  get available(): number {
    this.#refill();
    return this.#tokens;
  }

  /** Resolves once a token has been taken; rejects with the signal's reason on abort. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.#queue.then(() => this.#takeNow(signal));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  async #takeNow(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      this.#refill();
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return;
      }
      await sleep(this.#clock, Math.ceil((1 - this.#tokens) / this.#refillPerMs), signal);
    }
  }

  #refill(): void {
    const now = this.#clock.now();
    this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#updatedAt) * this.#refillPerMs);
    this.#updatedAt = now;
  }
}
