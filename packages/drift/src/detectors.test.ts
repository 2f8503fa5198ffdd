import { describe, expect, it } from '@jest/globals';
import { ADWIN } from './ADWIN.js';
import { type DetectorState, restoreDetector } from './createDetector.js';
import { DDM } from './DDM.js';
import type { DriftDetector } from './DriftDetector.js';
import { EDDM } from './EDDM.js';
import { InvalidArgumentError } from './InvalidArgumentError.js';
import { KSDetector } from './KSDetector.js';
import { KSWIN } from './KSWIN.js';
import { PageHinkley } from './PageHinkley.js';
import { PSIDetector } from './PSIDetector.js';
import { SeededRandom } from './SeededRandom.js';

/** Mean shifts every 700 items, clipped to [0, 1]. */
function steps(seed: number, length: number): number[] {
  const random = new SeededRandom(seed);
  const means = [0.2, 0.7, 0.3, 0.8];
  return Array.from({ length }, (_, i) => Math.min(1, Math.max(0, random.nextGaussian(means[Math.floor(i / 700) % 4] ?? 0, 0.15))));
}

/** Error stream whose rate alternates 0.1 / 0.4 every 700 items. */
function errors(seed: number, length: number): number[] {
  const random = new SeededRandom(seed);
  return Array.from({ length }, (_, i) => random.nextBernoulli(Math.floor(i / 700) % 2 === 0 ? 0.1 : 0.4));
}

const reference = (() => {
  const random = new SeededRandom(77);
  return Array.from({ length: 1_000 }, () => Math.min(1, Math.max(0, random.nextGaussian(0.2, 0.15))));
})();

type Case = [name: string, create: () => DriftDetector<DetectorState>, stream: number[], invalid: number[]];
const finite = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const cases: Case[] = [
  ['adwin', () => new ADWIN(), steps(1, 2_800), finite],
  ['page-hinkley', () => new PageHinkley({ lambda: 5, delta: 0.05, direction: 'both' }), steps(2, 2_800), finite],
  ['ddm', () => new DDM(), errors(3, 2_800), [...finite, 0.5, 2, -1]],
  ['eddm', () => new EDDM(), errors(4, 2_800), [...finite, 0.5, 2, -1]],
  ['kswin', () => new KSWIN({ seed: 5 }), steps(5, 2_800), finite],
  ['psi', () => new PSIDetector({ reference: { values: reference }, windowSize: 200 }), steps(6, 2_800), finite],
  ['ks', () => new KSDetector({ reference: { values: reference }, windowSize: 200 }), steps(7, 2_800), finite],
];

/** Every item's flags and statistic, as plain data. */
function run(detector: DriftDetector, stream: readonly number[]): string[] {
  return stream.map((x) => {
    const r = detector.update(x);
    return `${r.drift ? 'D' : r.warning ? 'W' : '-'} ${r.statistic}`;
  });
}

describe.each(cases)('%s: the streaming contract', (_name, create, stream, invalid) => {
  it('detects the changes of its test stream', () => {
    expect(run(create(), stream).filter((s) => s.startsWith('D')).length).toBeGreaterThanOrEqual(2);
  });

  it.each([700, 1_337, 2_100])('continues exactly after a JSON round trip of its state at item %d', (split) => {
    const uninterrupted = create();
    const expected = run(uninterrupted, stream);
    const first = create();
    const head = run(first, stream.slice(0, split));
    const restored = restoreDetector(JSON.parse(JSON.stringify(first.getState())) as DetectorState);
    const tail = run(restored, stream.slice(split));
    expect([...head, ...tail]).toEqual(expected);
    expect(restored.getState()).toEqual(uninterrupted.getState());
  });

  it('reset() returns to the state of a new detector', () => {
    const detector = create();
    run(detector, stream.slice(0, 1_000));
    detector.reset();
    expect(detector.getState()).toEqual(create().getState());
    expect(run(detector, stream)).toEqual(run(create(), stream));
  });

  it.each(invalid)('rejects %d with InvalidArgumentError and leaves the state unchanged', (bad) => {
    const detector = create();
    run(detector, stream.slice(0, 900));
    const before = JSON.stringify(detector.getState());
    let thrown: unknown;
    try {
      detector.update(bad);
    } catch (error) {
      thrown = error;
    }
    expect(InvalidArgumentError.isInstance(thrown)).toBe(true);
    expect((thrown as InvalidArgumentError).argument).toBe('x');
    expect((thrown as Error).message).toMatch(/^Invalid "x": expected .+, received "(NaN|Infinity|-Infinity|0\.5|2|-1)"\.$/);
    expect(JSON.stringify(detector.getState())).toBe(before);
    // and it continues as if the bad item never came
    const clean = create();
    run(clean, stream.slice(0, 900));
    expect(run(detector, stream.slice(900))).toEqual(run(clean, stream.slice(900)));
  });

  it('returns the same result object on every call', () => {
    const detector = create();
    const first = detector.update(stream[0] ?? 0);
    expect(detector.update(stream[1] ?? 0)).toBe(first);
  });
});

describe('restoreDetector', () => {
  it('rejects an unknown state type', () => {
    expect(() => restoreDetector({ type: 'cusum' } as unknown as DetectorState)).toThrow(
      'Invalid "state.type": expected one of adwin, page-hinkley, ddm, eddm, kswin, psi, ks, received "cusum".',
    );
  });

  it('rejects a corrupt state with the path of the bad field', () => {
    const state = new PageHinkley().getState();
    expect(() => restoreDetector({ ...state, mean: 'x' } as unknown as DetectorState)).toThrow(/^Invalid "state\.mean": /);
  });
});
