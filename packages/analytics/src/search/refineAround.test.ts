import { describe, expect, it } from '@jest/globals';
import type { ParameterSpaceInput } from './ParameterSpaceSchema.js';
import { refineAround } from './refineAround.js';

const space: ParameterSpaceInput = [
  { name: 'period', kind: 'int', min: 0, max: 100, step: 2 },
  { name: 'threshold', kind: 'float', min: 0, max: 1 },
  { name: 'exit', kind: 'choice', values: ['atr', 'percent'] },
];

describe('refineAround', () => {
  it('builds a finer grid of ±radius × range around a point: period 50 ± 10 on the even lattice', () => {
    const points = refineAround(space, [{ period: 50, threshold: 0.5, exit: 'atr' }], { topK: 1, steps: 5, radius: 0.1 });
    // period: 40, 45, 50, 55, 60 snapped to the even lattice: 40, 46 (45 → round(22.5) = 23 → 46), 50, 56 (55 → 28 → 56), 60
    expect([...new Set(points.map((p) => p.period))]).toEqual([40, 46, 50, 56, 60]);
    expect([...new Set(points.map((p) => p.threshold))].map((t) => Number((t as number).toFixed(12)))).toEqual([0.4, 0.45, 0.5, 0.55, 0.6]);
    expect(new Set(points.map((p) => p.exit))).toEqual(new Set(['atr']));
    expect(points).toHaveLength(25);
  });

  it('clips at the bounds and merges duplicates across the top-k points', () => {
    const points = refineAround(
      space,
      [
        { period: 0, threshold: 1, exit: 'atr' },
        { period: 2, threshold: 1, exit: 'atr' },
        { period: 90, threshold: 0, exit: 'percent' },
      ],
      { topK: 2, steps: 3, radius: 0.02 },
    );
    // point 1: period [0, 2] → 0, 1 → 2 (round(0.5) = 1 → 2), 2 = {0, 2}; threshold [0.98, 1] → 0.98, 0.99, 1
    // point 2: period [0, 4] → 0, 2, 4; all combinations with period 0 or 2 are already there
    expect(points.every((p) => (p.period as number) <= 4 && (p.threshold as number) >= 0.98)).toBe(true);
    expect(new Set(points.map((p) => JSON.stringify(p))).size).toBe(points.length);
    expect(points).toHaveLength(9); // periods {0, 2, 4} × thresholds {0.98, 0.99, 1}
  });

  it('rejects a point outside the declared space', () => {
    expect(() => refineAround(space, [{ period: 50, threshold: 2, exit: 'atr' }], { topK: 1 })).toThrow(
      'Invalid "points.0.threshold": expected a value of the declared float parameter, received "2".',
    );
  });
});
