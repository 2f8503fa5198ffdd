import { describe, expect, it } from '@jest/globals';
import { PolicySpecSchema } from './ModelMetadataSchema.js';
import { writeObservation } from './writeObservation.js';

const spec = (extra: object) => PolicySpecSchema.parse({ actionOutput: 'q', output: 'q-values', actionTargets: [-1, 0, 1], ...extra });

describe('writeObservation', () => {
  it.each([
    ['none', 1, 2, [0.5, -2]],
    ['scalar', -1, 3, [0.5, -2, -1]],
    ['one-hot', -1, 5, [0.5, -2, 1, 0, 0]],
    ['one-hot', 0, 5, [0.5, -2, 0, 1, 0]],
    ['one-hot', 1, 5, [0.5, -2, 0, 0, 1]],
  ] as const)('encodes position with %s (position %i)', (positionEncoding, position, width, expected) => {
    const out = new Float32Array(width);
    expect(writeObservation([0.5, -2], 2, position, spec({ positionEncoding }), out)).toBe(true);
    expect(Array.from(out)).toEqual(expected);
  });

  it('normalises (x − mean) / std and clips, over the whole observation', () => {
    const out = new Float32Array(3);
    const normalization = { mean: [1, 0, 0], std: [2, 0.5, 1], clip: 3 };
    writeObservation([2, 4], 2, 1, spec({ positionEncoding: 'scalar', normalization }), out);
    // (2 − 1) / 2 = 0.5; (4 − 0) / 0.5 = 8 → clipped to 3; (1 − 0) / 1 = 1
    expect(Array.from(out)).toEqual([0.5, 3, 1]);
  });

  it('refuses non-finite features', () => {
    expect(writeObservation([Number.NaN, 1], 2, 0, spec({}), new Float32Array(2))).toBe(false);
  });
});
