import { ConnectorOptionError, checkPositive } from '../ccxt/ConnectorOptionError.js';

/** A fault armed on the emulator, consumed by the next matching requests. */
export type EmulatorFault =
  | { readonly kind: 'rate-limit'; readonly retryAfterSeconds: number }
  | { readonly kind: 'server-error'; readonly status: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'lose-response' };

/** Which requests a fault hits and how many times. */
export interface FaultScope {
  /** How many requests it hits. Default 1. */
  readonly times?: number;
  /** Only requests to this path, e.g. `/api/v3/order`. Default: any path. */
  readonly path?: string;
  /** Only requests with this HTTP method, e.g. `POST`. Default: any method. */
  readonly method?: string;
}

interface Armed {
  readonly fault: EmulatorFault;
  readonly path: string | undefined;
  readonly method: string | undefined;
  remaining: number;
}

/**
 * Faults injected on demand into the emulator's responses. Armed faults are used in the order they
 * were armed; each hits `times` matching requests, then disarms. Latency applies to every response.
 */
export class EmulatorFaults {
  #latencyMs = 0;
  #armed: Armed[] = [];

  /** Delay before every response, ms (0 turns it off). */
  latency(ms: number): this {
    this.#latencyMs = ms === 0 ? 0 : checkPositive('latency.ms', ms);
    return this;
  }

  /** Answers 429 with `Retry-After: retryAfterSeconds` and Binance's `{code: -1003}` body. */
  rateLimit(options: FaultScope & { readonly retryAfterSeconds?: number } = {}): this {
    const retryAfterSeconds = options.retryAfterSeconds ?? 1;
    checkInteger('rateLimit.retryAfterSeconds', retryAfterSeconds, 0, 3_600);
    return this.#arm({ kind: 'rate-limit', retryAfterSeconds }, options);
  }

  /** Answers a 5xx status (default 503) with a non-JSON body, as a failing gateway does. */
  serverError(options: FaultScope & { readonly status?: number } = {}): this {
    const status = options.status ?? 503;
    checkInteger('serverError.status', status, 500, 599);
    return this.#arm({ kind: 'server-error', status }, options);
  }

  /** Never answers: the request hangs until the client gives up. */
  timeout(options: FaultScope = {}): this {
    return this.#arm({ kind: 'timeout' }, options);
  }

  /** Processes the request (e.g. accepts the order), then closes the connection without answering. */
  loseResponse(options: FaultScope = {}): this {
    return this.#arm({ kind: 'lose-response' }, options);
  }

  /** Disarms every fault and the latency. */
  clear(): this {
    this.#armed = [];
    this.#latencyMs = 0;
    return this;
  }

  get latencyMs(): number {
    return this.#latencyMs;
  }

  /** The fault for this request, if one is armed for it (consumes one of its `times`). */
  take(method: string, path: string): EmulatorFault | undefined {
    const i = this.#armed.findIndex((a) => (a.path === undefined || a.path === path) && (a.method === undefined || a.method === method));
    const armed = this.#armed[i];
    if (armed === undefined) return undefined;
    armed.remaining -= 1;
    if (armed.remaining === 0) this.#armed.splice(i, 1);
    return armed.fault;
  }

  #arm(fault: EmulatorFault, scope: FaultScope): this {
    const times = checkPositive('times', scope.times ?? 1, true);
    this.#armed.push({ fault, path: scope.path, method: scope.method?.toUpperCase(), remaining: times });
    return this;
  }
}

function checkInteger(argument: string, value: number, min: number, max: number): void {
  if (!(Number.isInteger(value) && value >= min && value <= max))
    throw new ConnectorOptionError({ argument, message: `Invalid "${argument}": expected an integer in [${min}, ${max}], received "${value}".` });
}
