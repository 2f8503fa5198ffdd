import { describe, expect, it } from '@jest/globals';
import { parameterStability } from './parameterStability.js';
import { walkForwardEfficiency } from './walkForwardEfficiency.js';
import { walkForwardWindows } from './walkForwardWindows.js';

describe('walkForwardWindows', () => {
  it('rolls fixed-length IS windows, each OOS starting where its IS ends (bars 0..100, IS 40, OOS 20)', () => {
    expect(walkForwardWindows({ start: 0, end: 100, inSample: 40, outOfSample: 20 })).toEqual([
      { index: 0, inSample: { start: 0, end: 40 }, outOfSample: { start: 40, end: 60 } },
      { index: 1, inSample: { start: 20, end: 60 }, outOfSample: { start: 60, end: 80 } },
      { index: 2, inSample: { start: 40, end: 80 }, outOfSample: { start: 80, end: 100 } },
    ]);
  });

  it('anchors IS windows at start when asked, and drops a trailing partial OOS window', () => {
    const windows = walkForwardWindows({ start: 10, end: 105, inSample: 30, outOfSample: 25, anchored: true });
    expect(windows.map((w) => [w.inSample.start, w.inSample.end, w.outOfSample.start, w.outOfSample.end])).toEqual([
      [10, 40, 40, 65],
      [10, 65, 65, 90],
    ]);
  });

  it.each([
    [false, 1],
    [true, 1],
    [false, 7],
  ])('never overlaps IS with its OOS, and tiles the OOS without gaps (anchored %s, seed layout %d)', (anchored, k) => {
    const windows = walkForwardWindows({ start: 3 * k, end: 1000 + 17 * k, inSample: 50 + k, outOfSample: 30 + k, anchored });
    windows.forEach((w, i) => {
      expect(w.inSample.end).toBe(w.outOfSample.start);
      expect(w.inSample.start).toBeLessThan(w.inSample.end);
      if (i > 0) expect(w.outOfSample.start).toBe(windows[i - 1]?.outOfSample.end);
    });
    expect((windows.at(-1)?.outOfSample.end ?? 0) + 30 + k).toBeGreaterThan(1000 + 17 * k);
  });

  it('allows a smaller step (overlapping OOS windows) but rejects a step that leaves gaps', () => {
    expect(walkForwardWindows({ start: 0, end: 40, inSample: 20, outOfSample: 10, step: 5 }).map((w) => w.outOfSample.start)).toEqual([20, 25, 30]);
    expect(() => walkForwardWindows({ start: 0, end: 100, inSample: 20, outOfSample: 10, step: 11 })).toThrow('Invalid "options.step": expected step <= outOfSample');
  });

  it('rejects a range too short for one window', () => {
    expect(() => walkForwardWindows({ start: 0, end: 50, inSample: 40, outOfSample: 20 })).toThrow(
      'Invalid "options.end": expected at least start + inSample + outOfSample = 60 for one window, received "50".',
    );
  });
});

describe('walkForwardEfficiency', () => {
  it('divides OOS by IS annualized returns per window and overall (mean OOS / mean IS)', () => {
    // windows: 0.2 → 0.1 (0.5), 0.4 → 0.3 (0.75), 0.3 → −0.1 (−1/3); overall (0.3/3) / (0.9/3) = 1/3
    const wfe = walkForwardEfficiency([0.2, 0.4, 0.3], [0.1, 0.3, -0.1]);
    expect(wfe.perWindow.map((x) => Number(x.toFixed(12)))).toEqual([0.5, 0.75, Number((-1 / 3).toFixed(12))]);
    expect(wfe.overall).toBeCloseTo(1 / 3, 12);
  });

  it('rejects mismatched lengths', () => {
    expect(() => walkForwardEfficiency([0.1], [0.1, 0.2])).toThrow('Invalid "oosAnnualized": expected one value per in-sample window (1, at least 1), received "2".');
  });
});

describe('parameterStability', () => {
  it('gives the coefficient of variation of numeric choices and the mode share of categorical ones', () => {
    // period 10, 12, 14: mean 12, sample stdev √((4 + 0 + 4)/2) = 2, CV 1/6
    const s = parameterStability([
      { period: 10, exit: 'atr' },
      { period: 12, exit: 'percent' },
      { period: 14, exit: 'atr' },
    ]);
    expect(s.period).toEqual({ kind: 'numeric', mean: 12, stdev: 2, coefficientOfVariation: 2 / 12 });
    expect(s.exit).toEqual({ kind: 'categorical', mode: 'atr', modeShare: 2 / 3 });
  });

  it('rejects an empty list and points with missing parameters', () => {
    expect(() => parameterStability([])).toThrow('Invalid "chosen": expected at least 1 point, received "0".');
    expect(() => parameterStability([{ a: 1 }, { b: 2 }])).toThrow('Invalid "chosen.1.a": expected a value like point 0, received "undefined".');
  });
});
