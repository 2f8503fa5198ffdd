import { describe, expect, it } from '@jest/globals';
import { readDirectionProbabilities, thresholdReason, thresholdTarget } from './classifierDecision.js';
import { ClassifierSpecSchema, ClassifierThresholdsSchema } from './ModelMetadataSchema.js';

const longShort = ClassifierThresholdsSchema.parse({ enterLong: 0.55, exitLong: 0.5, enterShort: 0.6, exitShort: 0.52, allowShort: true });
const longOnly = ClassifierThresholdsSchema.parse({});

describe('thresholdTarget (hysteresis)', () => {
  it.each([
    // position, p(long), p(short), thresholds, target
    [0, 0.56, 0.44, longOnly, 1, 'flat enters long above enterLong'],
    [0, 0.55, 0.45, longOnly, 0, 'exactly at enterLong is not above it'],
    [1, 0.52, 0.48, longOnly, 1, 'a long is held between exitLong and enterLong'],
    [1, 0.5, 0.5, longOnly, 1, 'exactly at exitLong holds'],
    [1, 0.49, 0.51, longOnly, 0, 'a long closes below exitLong'],
    [0, 0.2, 0.8, longOnly, 0, 'no shorts unless allowed'],
    [0, 0.35, 0.65, longShort, -1, 'flat enters short above enterShort'],
    [-1, 0.46, 0.54, longShort, -1, 'a short is held above exitShort'],
    [-1, 0.49, 0.51, longShort, 0, 'a short closes below exitShort'],
    [-1, 0.7, 0.3, longShort, 1, 'a short flips long when p(long) enters'],
    [1, 0.35, 0.65, longShort, -1, 'a long flips short when p(short) enters'],
  ] as const)('position %i, p(long) %d, p(short) %d → %i: %s', (position, long, short, thresholds, expected, _why) => {
    expect(thresholdTarget(position, long, short, thresholds)).toBe(expected);
  });

  it('gives a constant reason per move', () => {
    expect(thresholdReason(0, 1)).toBe('p(long) rose above the long entry threshold');
    expect(thresholdReason(1, 0)).toBe('p(long) fell below the long exit threshold');
  });
});

describe('readDirectionProbabilities', () => {
  const out = { long: 0, short: 0 };
  it.each([
    ['positive-class [N,1]', { layout: 'positive-class' }, [0.3, 0.8], 1, 0.8, 0.2],
    ['two-class [N,2], positive column 1', { layout: 'two-class' }, [0.4, 0.6, 0.9, 0.1], 1, 0.1, 0.9],
    ['two-class [N,2], positive column 0', { layout: 'two-class', positiveClassIndex: 0 }, [0.4, 0.6], 0, 0.4, 0.6],
    ['multi-class [N,3] short/flat/long', { layout: 'multi-class', classTargets: [-1, 0, 1] }, [0.2, 0.3, 0.5], 0, 0.5, 0.2],
    ['multi-class [N,4] with two long classes', { layout: 'multi-class', classTargets: [1, -1, 1, 0] }, [0.1, 0.2, 0.3, 0.4, 0.25, 0.25, 0.25, 0.25], 1, 0.5, 0.25],
  ])('%s', (_name, spec, data, row, long, short) => {
    const parsed = ClassifierSpecSchema.parse({ probabilityOutput: 'p', ...spec });
    readDirectionProbabilities(parsed, Float32Array.from(data), row, out);
    expect(out.long).toBeCloseTo(long, 6);
    expect(out.short).toBeCloseTo(short, 6);
  });
});
