import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { canonicalJson, fingerprint } from './fingerprint.js';
import type { Trade } from './metrics/Trade.js';

const trade: Trade = { entryTime: 0, exitTime: 3_600_000, side: 'long', quantity: 0.5, entryPrice: 100, exitPrice: 110, pnl: 4.9, fees: 0.1, returnPct: 0.098 };

describe('canonicalJson', () => {
  it.each([
    [100, '1.00000000000e+2'],
    [-0, '0'],
    [0.1 + 0.2, '3.00000000000e-1'],
    [Number.NaN, '"NaN"'],
    [Number.NEGATIVE_INFINITY, '"-Infinity"'],
    [{ b: 1, a: [true, null, 'x'], c: undefined }, '{"a":[true,null,"x"],"b":1.00000000000e+0}'],
    [Float64Array.from([0.5]), '[5.00000000000e-1]'],
  ])('writes %p as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe('fingerprint', () => {
  it('is the first 16 hex digits of SHA-256 over the canonical text', () => {
    const text =
      '{"metrics":{"sharpeRatio":1.50000000000e+0},"trades":[{"entryPrice":1.00000000000e+2,"entryTime":0,"exitPrice":1.10000000000e+2,' +
      '"exitTime":3.60000000000e+6,"fees":1.00000000000e-1,"pnl":4.90000000000e+0,"quantity":5.00000000000e-1,"returnPct":9.80000000000e-2,"side":"long"}]}';
    const expected = createHash('sha256').update(text).digest('hex').slice(0, 16);
    expect(fingerprint([trade], { sharpeRatio: 1.5 })).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{16}$/);
  });

  it('ignores key order and last-bit noise but sees a change in the 10th significant digit', () => {
    const base = fingerprint([trade], { a: 1, b: 2 });
    expect(fingerprint([{ ...trade }], { b: 2, a: 1 })).toBe(base);
    expect(fingerprint([{ ...trade, pnl: 4.9 * (1 + 1e-15) }], { a: 1, b: 2 })).toBe(base);
    expect(fingerprint([{ ...trade, pnl: 4.900000001 }], { a: 1, b: 2 })).not.toBe(base);
    expect(fingerprint([trade, trade], { a: 1, b: 2 })).not.toBe(base);
  });
});
