import { z } from 'zod';
import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { parseWithSchema } from '../parseWithSchema.js';

/** Layout of walk-forward windows over bar indices. */
export const WalkForwardOptionsSchema = z
  .object({
    /** First bar index used (inclusive). */
    start: z.number().int().min(0),
    /** Bar index where the data ends (exclusive). */
    end: z.number().int().min(1),
    /** In-sample length in bars (the initial length when anchored). */
    inSample: z.number().int().min(1),
    /** Out-of-sample length in bars. */
    outOfSample: z.number().int().min(1),
    /** Bars between consecutive OOS starts; default (and only gap-free, overlap-free value) = outOfSample. */
    step: z.number().int().min(1).optional(),
    /** Anchored: every IS window starts at `start` and grows; rolling (false): fixed-length IS windows. */
    anchored: z.boolean().default(false),
  })
  .refine((o) => o.step === undefined || o.step <= o.outOfSample, {
    message: 'expected step <= outOfSample (a larger step leaves bars no OOS window tests)',
    path: ['step'],
  });
export type WalkForwardOptions = z.input<typeof WalkForwardOptionsSchema>;

/** A half-open range of bar indices [start, end). */
export interface BarRange {
  readonly start: number;
  readonly end: number;
}

export interface WalkForwardWindow {
  readonly index: number;
  readonly inSample: BarRange;
  readonly outOfSample: BarRange;
}

/**
 * Walk-forward windows as half-open bar-index ranges. Window k tests OOS = [s_k, s_k + outOfSample)
 * with s_k = start + inSample + k·step, and trains on IS = [s_k − inSample, s_k) (rolling) or
 * [start, s_k) (anchored): an IS window ends exactly where its OOS window begins, so they never overlap.
 * With the default step the OOS windows tile [start + inSample, last OOS end) without gaps or overlap,
 * ready to stitch. Only full OOS windows are produced: trailing bars that do not fill one are left out.
 */
export function walkForwardWindows(options: WalkForwardOptions): WalkForwardWindow[] {
  const o = parseWithSchema(WalkForwardOptionsSchema, options, 'options');
  const step = o.step ?? o.outOfSample;
  if (o.start + o.inSample + o.outOfSample > o.end) {
    throw new InvalidArgumentError({
      argument: 'options.end',
      message: `Invalid "options.end": expected at least start + inSample + outOfSample = ${o.start + o.inSample + o.outOfSample} for one window, received "${o.end}".`,
    });
  }
  const windows: WalkForwardWindow[] = [];
  for (let s = o.start + o.inSample; s + o.outOfSample <= o.end; s += step) {
    windows.push({
      index: windows.length,
      inSample: { start: o.anchored ? o.start : s - o.inSample, end: s },
      outOfSample: { start: s, end: s + o.outOfSample },
    });
  }
  return windows;
}
