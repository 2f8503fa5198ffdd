import { describe, expect, it } from '@jest/globals';
import { gridSearch } from './gridSearch.js';
import type { ParameterSpaceInput } from './ParameterSpaceSchema.js';

const space: ParameterSpaceInput = [
  { name: 'fast', kind: 'int', min: 5, max: 15, step: 5 },
  { name: 'stop', kind: 'float', min: 0.01, max: 0.03, step: 0.01 },
  { name: 'mode', kind: 'choice', values: ['long', 'both'] },
];

describe('gridSearch', () => {
  it('enumerates the full product in lexicographic order, first parameter slowest: 3 × 3 × 2 = 18 points', () => {
    const grid = gridSearch(space);
    expect(grid).toHaveLength(18);
    expect(grid[0]).toEqual({ fast: 5, stop: 0.01, mode: 'long' });
    expect(grid[1]).toEqual({ fast: 5, stop: 0.01, mode: 'both' });
    expect(grid[17]).toEqual({ fast: 15, stop: 0.03, mode: 'both' });
    expect(new Set(grid.map((p) => JSON.stringify(p))).size).toBe(18);
  });

  it('computes float lattices from the index, so 0.01 + 2 × 0.01 stays 0.03', () => {
    expect([...new Set(gridSearch(space).map((p) => p.stop))]).toEqual([0.01, 0.02, 0.03]);
  });

  it.each([
    [1, [0]],
    [3, [0, 0.5, 1]],
    [5, [0, 0.25, 0.5, 0.75, 1]],
  ])('spreads a float without step over %d values, ends included', (floatSteps, expected) => {
    expect(gridSearch([{ name: 'x', kind: 'float', min: 0, max: 1 }], { floatSteps }).map((p) => p.x)).toEqual(expected);
  });

  it('refuses a grid larger than maxPoints and says how large it is', () => {
    expect(() => gridSearch(space, { maxPoints: 10 })).toThrow('the grid has 18 points (3 × 3 × 2), more than the limit, received "10"');
  });

  it.each([
    [[{ name: 'a', kind: 'int', min: 5, max: 1 }], 'Invalid "space.0.max": expected max >= min, received "1".'],
    [[{ name: 'a', kind: 'int', min: 0.5, max: 1 }], 'Invalid "space.0.min"'],
    [[{ name: 'a', kind: 'choice', values: [] }], 'Invalid "space.0.values"'],
    [
      [
        { name: 'a', kind: 'int', min: 0, max: 1 },
        { name: 'a', kind: 'int', min: 0, max: 1 },
      ],
      'expected unique parameter names',
    ],
    [[{ name: 'a', kind: 'log', min: 0, max: 1 }], 'Invalid "space.0.kind"'],
  ])('rejects a bad space (case %#)', (bad, message) => {
    expect(() => gridSearch(bad as ParameterSpaceInput)).toThrow(message);
  });
});
