import { describe, expect, it } from '@jest/globals';
import { latinHypercube } from './latinHypercube.js';
import type { ParameterSpaceInput } from './ParameterSpaceSchema.js';
import { randomSearch } from './randomSearch.js';

const space: ParameterSpaceInput = [
  { name: 'period', kind: 'int', min: 10, max: 19 },
  { name: 'threshold', kind: 'float', min: 0.5, max: 0.7 },
  { name: 'stop', kind: 'float', min: 0.01, max: 0.05, step: 0.01 },
  { name: 'exit', kind: 'choice', values: ['atr', 'percent'] },
];

function inSpace(p: Record<string, unknown>): boolean {
  const period = p.period as number;
  const threshold = p.threshold as number;
  const stopIndex = ((p.stop as number) - 0.01) / 0.01;
  return (
    Number.isInteger(period) &&
    period >= 10 &&
    period <= 19 &&
    threshold >= 0.5 &&
    threshold < 0.7 &&
    Math.abs(stopIndex - Math.round(stopIndex)) < 1e-9 &&
    ['atr', 'percent'].includes(p.exit as string)
  );
}

describe.each([
  ['randomSearch', randomSearch],
  ['latinHypercube', latinHypercube],
])('%s', (_name, sample) => {
  it('draws points inside the space, every int value and choice reachable', () => {
    const points = sample(space, { n: 400, seed: 1 });
    expect(points).toHaveLength(400);
    expect(points.every(inSpace)).toBe(true);
    expect(new Set(points.map((p) => p.period)).size).toBe(10);
    expect(new Set(points.map((p) => p.exit)).size).toBe(2);
  });

  it('is deterministic for a seed and differs for another', () => {
    expect(sample(space, { n: 20, seed: 5 })).toEqual(sample(space, { n: 20, seed: 5 }));
    expect(sample(space, { n: 20, seed: 5 })).not.toEqual(sample(space, { n: 20, seed: 6 }));
  });

  it('rejects n = 0', () => {
    expect(() => sample(space, { n: 0, seed: 1 })).toThrow(/^Invalid "options.n": .*received "0"\.$/);
  });
});

describe('latinHypercube stratification', () => {
  it('puts exactly one point in each of the n strata of a float parameter', () => {
    const n = 25;
    const points = latinHypercube([{ name: 'x', kind: 'float', min: 2, max: 4 }], { n, seed: 3 });
    const strata = points.map((p) => Math.floor((((p.x as number) - 2) / 2) * n)).sort((a, b) => a - b);
    expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('uses each int value exactly once when n equals the number of values', () => {
    const points = latinHypercube([{ name: 'k', kind: 'int', min: 1, max: 10 }], { n: 10, seed: 4 });
    expect(points.map((p) => p.k).sort((a, b) => (a as number) - (b as number))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
