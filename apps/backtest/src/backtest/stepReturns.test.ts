import { describe, expect, it } from '@jest/globals';
import { stepReturns } from './stepReturns.js';

describe('stepReturns', () => {
  const equity = Float64Array.from([100, 110, 99, 121, 132]);

  it.each([
    // k = 1: 110/100 − 1, 99/110 − 1, 121/99 − 1, 132/121 − 1
    [1, [0.1, -0.1, 22 / 99, 1 / 11]],
    // k = 2: 99/100 − 1, 132/99 − 1
    [2, [-0.01, 1 / 3]],
    // k = 3: 121/100 − 1, then the short last step 132/121 − 1
    [3, [0.21, 1 / 11]],
    [4, [0.32]],
  ])('over %i-bar steps gives the hand-computed returns %j', (k, expected) => {
    const r = stepReturns(equity, k);
    expect(r.length).toBe(expected.length);
    expected.forEach((e, i) => {
      expect(r[i]).toBeCloseTo(e, 12);
    });
  });

  it.each([1, 2, 3, 7])('compounds to E_last / E_first whatever the step (%i bars)', (k) => {
    const long = Float64Array.from({ length: 50 }, (_, i) => 100 * (1 + 0.01 * Math.sin(i)) * (1 + i / 200));
    const product = stepReturns(long, k).reduce((p, r) => p * (1 + r), 1);
    expect(product).toBeCloseTo((long[49] as number) / (long[0] as number), 12);
  });
});
