import { describe, expect, it } from '@jest/globals';
import { ConnectorOptionError } from '../ccxt/ConnectorOptionError.js';
import { EmulatorFaults } from './EmulatorFaults.js';

describe('EmulatorFaults', () => {
  it('uses armed faults in arming order, each for its number of matching requests', () => {
    const faults = new EmulatorFaults().serverError({ times: 2, status: 502 }).rateLimit({ retryAfterSeconds: 3 });
    expect([1, 2, 3, 4].map(() => faults.take('GET', '/api/v3/account'))).toEqual([
      { kind: 'server-error', status: 502 },
      { kind: 'server-error', status: 502 },
      { kind: 'rate-limit', retryAfterSeconds: 3 },
      undefined,
    ]);
  });

  it('hits only the path and method it is scoped to', () => {
    const faults = new EmulatorFaults().loseResponse({ path: '/api/v3/order', method: 'post' });
    expect(faults.take('GET', '/api/v3/order')).toBeUndefined();
    expect(faults.take('POST', '/api/v3/account')).toBeUndefined();
    expect(faults.take('POST', '/api/v3/order')).toEqual({ kind: 'lose-response' });
    expect(faults.take('POST', '/api/v3/order')).toBeUndefined();
  });

  it('clears faults and latency', () => {
    const faults = new EmulatorFaults().latency(50).timeout({ times: 5 });
    expect(faults.latencyMs).toBe(50);
    faults.clear();
    expect({ latency: faults.latencyMs, next: faults.take('GET', '/') }).toEqual({ latency: 0, next: undefined });
  });

  it.each([
    ['times', () => new EmulatorFaults().timeout({ times: 0 })],
    ['serverError.status', () => new EmulatorFaults().serverError({ status: 404 })],
    ['rateLimit.retryAfterSeconds', () => new EmulatorFaults().rateLimit({ retryAfterSeconds: -1 })],
    ['latency.ms', () => new EmulatorFaults().latency(-5)],
  ])('rejects a bad %s', (argument, arm) => {
    expect(argumentOf(arm)).toBe(argument);
  });
});

/** The `argument` of the ConnectorOptionError that `fn` throws, or "no ConnectorOptionError". */
function argumentOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (ConnectorOptionError.isInstance(error)) return error.argument;
  }
  return 'no ConnectorOptionError';
}
