import { describe, expect, it } from '@jest/globals';
import { ReferenceDistribution } from './ReferenceDistribution.js';

describe('ReferenceDistribution', () => {
  it('puts decile edges of 1..100 at 10, 20, …, 90 with 10% in each bin', () => {
    const reference = ReferenceDistribution.fromSample(Array.from({ length: 100 }, (_, i) => 100 - i));
    expect(Array.from(reference.edges)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(Array.from(reference.proportions)).toEqual(Array<number>(10).fill(0.1));
  });

  it.each([
    [-5, 0],
    [10, 0],
    [10.5, 1],
    [90, 8],
    [90.01, 9],
    [1e9, 9],
  ])('places %d in bin %d (bins are (e_{i-1}, e_i])', (x, bin) => {
    const reference = ReferenceDistribution.fromSample(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(reference.binOf(x)).toBe(bin);
  });

  it('merges edges of tied values: 0,0,0,0,0,0,1,2,3,4 into quartile bins (-inf, 0], (0, 2], (2, inf)', () => {
    const reference = ReferenceDistribution.fromSample([0, 0, 0, 0, 0, 0, 1, 2, 3, 4], 4);
    // quartile edges: 3rd smallest 0, 5th 0, 8th 2 → unique edges [0, 2]
    expect(Array.from(reference.edges)).toEqual([0, 2]);
    expect(Array.from(reference.proportions)).toEqual([0.6, 0.2, 0.2]);
    expect(Array.from(reference.binProportions([0, 1, 5, 6]))).toEqual([0.25, 0.25, 0.5]);
  });

  it('round-trips through its state', () => {
    const reference = ReferenceDistribution.fromSample([5, 3, 1, 4, 2, 8, 9, 7], 4);
    const copy = ReferenceDistribution.fromState(JSON.parse(JSON.stringify(reference.getState())));
    expect(Array.from(copy.edges)).toEqual(Array.from(reference.edges));
    expect(Array.from(copy.sortedValues)).toEqual([1, 2, 3, 4, 5, 7, 8, 9]);
  });

  it.each([
    [{ values: [1] }, 'Invalid "reference.values": expected at least 2 values, received "an array of 1".'],
    [{ values: [1, Number.NaN] }, 'Invalid "reference.values.1": expected a finite number, received "NaN".'],
    [{ values: [1, 2], bins: 1 }, 'Invalid "reference.bins": expected an integer >= 2, received "1".'],
  ])('rejects %j', (state, message) => {
    expect(() => ReferenceDistribution.fromState(state)).toThrow(message);
  });
});
