import { describe, expect, it } from '@jest/globals';
import { ADWIN, adwinCutThreshold } from './ADWIN.js';
import { InvalidArgumentError } from './InvalidArgumentError.js';
import { SeededRandom } from './SeededRandom.js';

const clip = (x: number) => Math.min(1, Math.max(0, x));

/** Indices (0-based) at which `update` reported drift. */
function detections(adwin: ADWIN, stream: readonly number[]): number[] {
  const found: number[] = [];
  stream.forEach((x, i) => {
    if (adwin.update(x).drift) found.push(i);
  });
  return found;
}

/**
 * Independent reference: ADWIN on the exact window (a plain array), testing *every* cut point, with the
 * same cut condition and check schedule, variance by a two-pass sum. ADWIN2 tests only bucket
 * boundaries; with maxBuckets larger than the stream no bucket is ever merged, every boundary is a cut
 * point, and the two must agree exactly. With merging, ADWIN2 tests a subset (~5·log2 n points).
 */
function bruteForceAdwin(stream: readonly number[], delta: number, clock: number, minWindowLength: number): { found: number[]; width: number } {
  const window: number[] = [];
  const found: number[] = [];
  stream.forEach((x, t) => {
    window.push(x);
    if ((t + 1) % clock !== 0 || window.length <= 10) return;
    let detected = false;
    for (let cut = true; cut; ) {
      cut = false;
      const n = window.length;
      const total = window.reduce((a, b) => a + b, 0);
      const mean = total / n;
      const variance = window.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
      const logTerm = Math.log((2 * Math.log(n)) / delta);
      let u0 = 0;
      for (let n0 = 1; n0 < n; n0++) {
        u0 += window[n0 - 1] ?? 0;
        const n1 = n - n0;
        if (n0 <= minWindowLength + 1 || n1 <= minWindowLength + 1) continue;
        const inverseM = 1 / (n0 - minWindowLength + 1) + 1 / (n1 - minWindowLength + 1);
        const epsilon = Math.sqrt(2 * inverseM * variance * logTerm) + (2 / 3) * logTerm * inverseM;
        if (Math.abs(u0 / n0 - (total - u0) / n1) > epsilon) {
          window.shift();
          cut = true;
          detected = true;
          break;
        }
      }
    }
    if (detected) found.push(t);
  });
  return { found, width: window.length };
}

function stepStream(seed: number, length: number, changeEvery: number, sd: number): number[] {
  const random = new SeededRandom(seed);
  const means = [0.2, 0.7, 0.4, 0.9, 0.1];
  return Array.from({ length }, (_, i) => clip(random.nextGaussian(means[Math.floor(i / changeEvery) % means.length] ?? 0, sd)));
}

describe('adwinCutThreshold (hand-worked)', () => {
  // ε = sqrt(2·m⁻¹·σ²·d) + (2/3)·d·m⁻¹, m⁻¹ = 1/(n0 − L + 1) + 1/(n1 − L + 1), d = ln(2·ln n / δ)
  it.each([
    // n = 32, δ = 0.002: d = ln(2·3.465736/0.002) = ln(3465.736) = 8.150680; m⁻¹ = 1/12 + 1/12 = 1/6
    // ε = sqrt(2·(1/6)·0.25·8.150680) + (2/3)·8.150680·(1/6) = sqrt(0.679223) + 0.905631 = 0.824150 + 0.905631
    [16, 16, 32, 0.25, 1.729781],
    // n = 200: d = ln(2·5.298317/0.002) = ln(5298.317) = 8.575145; m⁻¹ = 1/96 + 1/96 = 0.0208333
    // ε = sqrt(2·0.0208333·0.25·8.575145) + (2/3)·8.575145·0.0208333 = 0.298872 + 0.119099
    [100, 100, 200, 0.25, 0.417971],
    // n = 200, n0 = 37, n1 = 163: m⁻¹ = 1/33 + 1/159 = 0.0365923
    // ε = sqrt(2·0.0365923·0.25·8.575145) + (2/3)·8.575145·0.0365923 = 0.396111 + 0.209180
    [37, 163, 200, 0.25, 0.605291],
  ])('n0=%d, n1=%d, n=%d, variance=%d gives epsilon %d', (n0, n1, width, variance, epsilon) => {
    expect(adwinCutThreshold(n0, n1, width, variance, 0.002, 5)).toBeCloseTo(epsilon, 5);
  });

  it('cuts 100 zeros then 100 ones first at n0 = 37 (|0 - 100/163| = 0.613497 > 0.605291; n0 = 36 gives 0.609756 < 0.615358)', () => {
    // one check at item 200; maxBuckets 1000 keeps every item its own bucket, so every boundary is tested
    const adwin = new ADWIN({ clock: 200, maxBuckets: 1000 });
    const stream = [...Array<number>(100).fill(0), ...Array<number>(100).fill(1)];
    expect(detections(adwin, stream)).toEqual([199]);
    expect(adwin.update(1).drift).toBe(false);
    expect(adwinCutThreshold(36, 164, 200, 0.25, 0.002, 5)).toBeCloseTo(0.615358, 5);
  });

  it('reports the triggering cut as statistic and threshold', () => {
    const adwin = new ADWIN({ clock: 200, maxBuckets: 1000 });
    for (let i = 0; i < 199; i++) adwin.update(i < 100 ? 0 : 1);
    const result = adwin.update(1);
    expect(result.drift).toBe(true);
    expect(result.statistic).toBeCloseTo(100 / 163, 12);
    expect(result.threshold).toBeCloseTo(adwinCutThreshold(37, 163, 200, 0.25, 0.002, 5), 12);
  });

  it('never cuts a window of 16 zeros then 16 ones (|difference| 1 < epsilon 1.73 at n = 32)', () => {
    const adwin = new ADWIN({ clock: 32 });
    const stream = [...Array<number>(16).fill(0), ...Array<number>(16).fill(1)];
    expect(detections(adwin, stream)).toEqual([]);
    expect(adwin.width).toBe(32);
  });
});

describe('ADWIN bucket compression (hand-worked, maxBuckets = 2)', () => {
  it('merges the two oldest buckets of a full row into the next row', () => {
    const adwin = new ADWIN({ maxBuckets: 2 });
    // 1, 2, 3: row 0 holds 3 = maxBuckets + 1 buckets → merge 1 and 2: total 3, variance 1·1/(1+1)·(1 − 2)² = 0.5
    for (const x of [1, 2, 3]) adwin.update(x);
    expect(adwin.getState().rows).toEqual([
      { totals: [3], variances: [0] },
      { totals: [3], variances: [0.5] },
    ]);
    // 4, 5 → merge 3, 4 (total 7, variance 0.5); 6, 7 → merge 5, 6 (total 11, variance 0.5): row 1 is full
    // → merge {1,2} and {3,4}: total 10, variance 0.5 + 0.5 + 2·2/(2+2)·(1.5 − 3.5)² = 5 = Σ(x − 2.5)² over 1..4
    for (const x of [4, 5, 6, 7]) adwin.update(x);
    expect(adwin.getState().rows).toEqual([
      { totals: [7], variances: [0] },
      { totals: [11], variances: [0.5] },
      { totals: [10], variances: [5] },
    ]);
    // window 1..7: total 28, mean 4, Σ(x − 4)² = 9 + 4 + 1 + 0 + 1 + 4 + 9 = 28, variance 4
    expect([adwin.width, adwin.total, adwin.mean, adwin.variance]).toEqual([7, 28, 4, 4]);
  });

  it('keeps width, total and variance equal to the exact statistics of the last `width` items', () => {
    const stream = stepStream(3, 20_000, 2_500, 0.1);
    const adwin = new ADWIN();
    stream.forEach((x, i) => {
      adwin.update(x);
      if (i % 997 !== 0) return;
      const window = stream.slice(i + 1 - adwin.width, i + 1);
      const mean = window.reduce((a, b) => a + b, 0) / window.length;
      const variance = window.reduce((a, b) => a + (b - mean) ** 2, 0) / window.length;
      expect(adwin.mean).toBeCloseTo(mean, 9);
      expect(adwin.variance).toBeCloseTo(variance, 9);
    });
    expect(adwin.width).toBeLessThan(20_000);
  });

  it('uses O(maxBuckets · log width) buckets', () => {
    const adwin = new ADWIN();
    const random = new SeededRandom(5);
    for (let i = 0; i < 100_000; i++) adwin.update(random.next());
    const rows = adwin.getState().rows;
    // 100 000 items, at most 5 buckets of 2^i per row: Σ 5·2^i ≥ 100 000 needs rows 0..14
    expect(rows.length).toBeLessThanOrEqual(15);
    expect(rows.reduce((n, row, i) => n + row.totals.length * 2 ** i, 0)).toBe(adwin.width);
  });
});

describe('ADWIN against a brute-force exact-window ADWIN', () => {
  it.each([1, 2, 3, 4, 5])('detects at the same items when no bucket merges (seed %d)', (seed) => {
    const stream = stepStream(seed, 1_500, 300, 0.15);
    const reference = bruteForceAdwin(stream, 0.002, 32, 5);
    const adwin = new ADWIN({ maxBuckets: 2_000 });
    expect(detections(adwin, stream)).toEqual(reference.found);
    expect(adwin.width).toBe(reference.width);
    expect(reference.found.length).toBeGreaterThanOrEqual(3);
  });

  it.each([1, 2, 3])('with default buckets detects each change within 2 clock periods of the exact window (seed %d)', (seed) => {
    const stream = stepStream(seed, 1_500, 300, 0.15);
    const exact = bruteForceAdwin(stream, 0.002, 32, 5).found;
    const buckets = detections(new ADWIN(), stream);
    for (const change of [300, 600, 900, 1200]) {
      const first = (found: number[]) => found.find((t) => t >= change) ?? Number.POSITIVE_INFINITY;
      expect(Math.abs(first(buckets) - first(exact))).toBeLessThanOrEqual(64);
    }
  });
});

describe('ADWIN on synthetic streams (delta 0.002, clock 32)', () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const firstAfter = (found: number[], change: number) => (found.find((t) => t >= change) ?? Number.POSITIVE_INFINITY) - change;

  it.each(seeds)('detects an abrupt mean shift 0.3 → 0.6 (sd 0.1) within 64 items, no alarm before (seed %d)', (seed) => {
    const random = new SeededRandom(seed);
    const stream = Array.from({ length: 3_000 }, (_, i) => clip(random.nextGaussian(i < 2_000 ? 0.3 : 0.6, 0.1)));
    const found = detections(new ADWIN(), stream);
    expect(found.filter((t) => t < 2_000)).toEqual([]);
    expect(firstAfter(found, 2_000)).toBeLessThanOrEqual(64);
  });

  it.each(seeds)('detects a Bernoulli error-rate jump 0.1 → 0.4 within 128 items (seed %d)', (seed) => {
    const random = new SeededRandom(seed);
    const stream = Array.from({ length: 3_000 }, (_, i) => random.nextBernoulli(i < 2_000 ? 0.1 : 0.4));
    const found = detections(new ADWIN(), stream);
    expect(found.filter((t) => t < 2_000)).toEqual([]);
    expect(firstAfter(found, 2_000)).toBeLessThanOrEqual(128);
  });

  it.each(seeds)('detects a gradual ramp 0.3 → 0.6 over 500 items within 256 items of its start (seed %d)', (seed) => {
    const random = new SeededRandom(seed);
    const mean = (i: number) => 0.3 + 0.3 * Math.min(1, Math.max(0, (i - 2_000) / 500));
    const stream = Array.from({ length: 3_000 }, (_, i) => clip(random.nextGaussian(mean(i), 0.1)));
    const found = detections(new ADWIN(), stream);
    expect(found.filter((t) => t < 2_000)).toEqual([]);
    expect(firstAfter(found, 2_000)).toBeLessThanOrEqual(256);
  });

  // Each check tests ~5·log2(n) cut points at δ' = δ/ln n, so a check raises a false alarm with
  // probability ≤ δ (Bifet & Gavaldà 2007, Thm 3.1, per check); 1 000 000 items = 31 250 checks,
  // bound on the expected count δ · 31 250 = 62.5. Measured: 0 for both streams.
  it.each([
    ['uniform [0, 1]', (r: SeededRandom) => r.next()],
    ['Bernoulli(0.3)', (r: SeededRandom) => r.nextBernoulli(0.3)],
  ])('raises at most delta · checks = 62.5 false alarms on 1 000 000 stationary %s items (measured 0)', (_name, draw) => {
    const random = new SeededRandom(7);
    const adwin = new ADWIN();
    let alarms = 0;
    for (let i = 0; i < 1_000_000; i++) if (adwin.update(draw(random)).drift) alarms++;
    expect(alarms).toBeLessThanOrEqual(62);
    expect(alarms).toBe(0);
    expect(adwin.width).toBe(1_000_000);
  });
});

describe('ADWIN configuration', () => {
  it.each([
    [{ delta: 0 }, 'Invalid "delta": expected a number in (0, 1), received "0".'],
    [{ clock: 0 }, 'Invalid "clock": expected an integer >= 1, received "0".'],
    [{ maxBuckets: 1.5 }, 'Invalid "maxBuckets": expected an integer >= 2, received "1.5".'],
    [{ minWindowLength: -1 }, 'Invalid "minWindowLength": expected an integer >= 1, received "-1".'],
  ])('rejects %j', (config, message) => {
    expect(() => new ADWIN(config)).toThrow(message);
    try {
      new ADWIN(config);
    } catch (error) {
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
    }
  });

  it('rejects a state whose buckets do not add up to its width', () => {
    const adwin = new ADWIN();
    for (let i = 0; i < 50; i++) adwin.update(i % 2);
    const state = { ...adwin.getState(), width: 49 };
    expect(() => ADWIN.fromState(state)).toThrow('Invalid "state.width": expected the bucket sizes\' sum "50", received "49".');
  });
});
