import { describe, expect, it } from '@jest/globals';
import { Crossover } from './Crossover.js';

describe('Crossover', () => {
  it.each([
    ['clean cross above', [-1, 1], [0, 1]],
    ['clean cross below', [1, -1], [0, -1]],
    ['cross through a touch is reported once, when it leaves the touch', [-1, 0, 0, 1], [0, 0, 0, 1]],
    ['touch and return is no cross', [-1, 0, -1], [0, 0, 0]],
    ['starting on the line is no cross', [0, 1, -1], [0, 0, -1]],
    ['staying above is no cross', [1, 2, 3], [0, 0, 0]],
  ])('%s: a − b = %p → %p', (_name, differences, expected) => {
    const a = Float64Array.from(differences);
    expect(Array.from(Crossover.fromBatch(a, 0))).toEqual(expected);
    const crossover = new Crossover();
    expect(differences.map((d) => crossover.add({ a: d + 5, b: 5 }))).toEqual(expected);
  });

  it('crosses two series: fast 1, 2, 4 against slow 3, 3, 3 crosses above at the third bar', () => {
    expect(Array.from(Crossover.fromBatch(Float64Array.of(1, 2, 4), Float64Array.of(3, 3, 3)))).toEqual([0, 0, 1]);
  });
});
