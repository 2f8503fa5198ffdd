import type { ClassifierSpec, ClassifierThresholds } from './ModelMetadataSchema.js';

/** p(long) and p(short) of one row, written in place to avoid a per-tick allocation. */
export interface DirectionProbabilities {
  long: number;
  short: number;
}

/**
 * Reads one row of a probability tensor as p(long) and p(short). Two-class and positive-class
 * layouts are binary: p(short) = 1 − p(long). Multi-class sums the classes voting for each side.
 */
export function readDirectionProbabilities(spec: ClassifierSpec, data: Float32Array, row: number, out: DirectionProbabilities): DirectionProbabilities {
  if (spec.layout === 'positive-class') {
    out.long = data[row] as number;
    out.short = 1 - out.long;
  } else if (spec.layout === 'two-class') {
    out.long = data[2 * row + spec.positiveClassIndex] as number;
    out.short = 1 - out.long;
  } else {
    const targets = spec.classTargets ?? [];
    const offset = row * targets.length;
    out.long = 0;
    out.short = 0;
    for (let k = 0; k < targets.length; k++) {
      const p = data[offset + k] as number;
      if (targets[k] === 1) out.long += p;
      else if (targets[k] === -1) out.short += p;
    }
  }
  return out;
}

/**
 * The target for the current position given p(long), p(short) and the thresholds (with hysteresis):
 * flat → long when p(long) > enterLong (short when allowed and p(short) > enterShort; the larger wins);
 * a long is held until p(long) < exitLong, then turns short if a short entry holds, else flat.
 */
export function thresholdTarget(position: -1 | 0 | 1, long: number, short: number, t: ClassifierThresholds): -1 | 0 | 1 {
  const entersLong = long > t.enterLong;
  const entersShort = t.allowShort && short > t.enterShort;
  if (position === 1 && long >= t.exitLong) return 1;
  if (position === -1 && short >= t.exitShort) return -1;
  if (entersLong && (!entersShort || long >= short)) return 1;
  if (entersShort) return -1;
  return 0;
}

const REASONS: readonly (readonly string[])[] = [
  // from short
  ['p(short) still above the short exit threshold', 'p(short) fell below the short exit threshold', 'p(long) rose above the long entry threshold'],
  // from flat
  ['p(short) rose above the short entry threshold', 'no probability above an entry threshold', 'p(long) rose above the long entry threshold'],
  // from long
  ['p(short) rose above the short entry threshold', 'p(long) fell below the long exit threshold', 'p(long) still above the long exit threshold'],
];

/** A constant reason for a move from `position` to `target`: no string building on the hot path. */
export function thresholdReason(position: -1 | 0 | 1, target: -1 | 0 | 1): string {
  return REASONS[position + 1]?.[target + 1] ?? '';
}
