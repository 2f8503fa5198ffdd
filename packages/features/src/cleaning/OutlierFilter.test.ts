import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { BTC_1H_CSV, seededRandom } from '../market/__fixtures__/sharedData.js';
import { parseBarsCsv } from '../market/csv.js';
import { InvalidPolicyError } from './InvalidPolicyError.js';
import { OutlierFilter } from './OutlierFilter.js';

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** A plain re-statement of the rule with sorted copies, for comparison: [index, z] of each flag. */
function naiveFlags(closes: readonly number[], window: number, threshold: number): [number, number][] {
  const accepted: number[] = [];
  const flags: [number, number][] = [];
  let reference = closes[0] as number;
  let previousFlagged = false;
  for (let i = 1; i < closes.length; i++) {
    const r = Math.log((closes[i] as number) / reference);
    if (accepted.length >= window && !previousFlagged) {
      const last = accepted.slice(-window);
      const m = median(last);
      const sigma = 1.4826 * median(last.map((x) => Math.abs(x - m)));
      const z = (r - m) / sigma;
      if (sigma > 0 && Math.abs(z) > threshold) {
        flags.push([i, z]);
        previousFlagged = true;
        continue;
      }
    }
    accepted.push(r);
    reference = closes[i] as number;
    previousFlagged = false;
  }
  return flags;
}

function filterFlags(closes: ArrayLike<number>, window: number, threshold: number): [number, number][] {
  const filter = new OutlierFilter({ window, threshold });
  const flags: [number, number][] = [];
  for (let i = 0; i < closes.length; i++) {
    const z = filter.update(closes[i] as number);
    if (z !== null) flags.push([i, z]);
  }
  return flags;
}

describe('OutlierFilter', () => {
  const calm = [100, 101, 100.5, 101.5, 100.8, 101.2, 100.6, 101.4, 100.9, 101.1, 100.7, 101.3];

  it('flags a spike once and accepts the return to the old level', () => {
    // Moves of about ±0.5 %, then a +29 % spike at index 12 (ln(131 / 101.3) ≈ 0.257) that reverts at 13.
    const closes = [...calm, 131, 101, 100.9];
    const flags = filterFlags(closes, 5, 10);
    expect(flags.map(([i]) => i)).toEqual([12]);
  });

  it('accepts a lasting move on its second bar', () => {
    const closes = [...calm, 150, 151, 150, 151];
    expect(filterFlags(closes, 5, 10).map(([i]) => i)).toEqual([12]);
  });

  it('gives no verdict on a flat window (MAD = 0) and skips closes that are not finite and > 0', () => {
    const filter = new OutlierFilter({ window: 5, threshold: 3 });
    for (const close of [100, 100, 100, 100, 100, 100, 100, 200, Number.NaN, 0, -5]) expect(filter.update(close)).toBeNull();
    expect(filter.reference).toBe(200);
  });

  it('takes the first finite positive close as its reference', () => {
    const filter = new OutlierFilter({ window: 5, threshold: 3 });
    filter.update(Number.NaN);
    expect(filter.reference).toBeNaN();
    filter.update(42);
    expect(filter.reference).toBe(42);
  });

  it.each([[7], [8], [9]])('matches a sort-based restatement on a random walk with spikes (seed %i)', (seed) => {
    const random = seededRandom(seed);
    let close = 100;
    const closes = Array.from({ length: 3000 }, () => {
      close *= Math.exp((random() - 0.5) * 0.02);
      return random() < 0.005 ? close * (1 + (random() - 0.5)) : close;
    });
    const expected = naiveFlags(closes, 50, 6);
    expect(expected.length).toBeGreaterThan(5);
    expect(filterFlags(closes, 50, 6)).toEqual(expected);
  });

  it('matches the sort-based restatement on the first 10,000 BTC/USDT hours', () => {
    const closes = Array.from(parseBarsCsv(readFileSync(BTC_1H_CSV, 'utf8')).close.subarray(0, 10_000));
    const expected = naiveFlags(closes, 100, 10);
    expect(expected.length).toBeGreaterThan(10);
    expect(filterFlags(closes, 100, 10)).toEqual(expected);
  });

  it.each([
    [{ window: 4, threshold: 10 }, 'Invalid "window": expected an integer >= 5, received "4".'],
    [{ window: 5.5, threshold: 10 }, 'Invalid "window": expected an integer >= 5, received "5.5".'],
    [{ window: 10, threshold: 0 }, 'Invalid "threshold": expected a finite number > 0, received "0".'],
    [{ window: 10, threshold: Number.NaN }, 'Invalid "threshold": expected a finite number > 0, received "NaN".'],
  ])('rejects options %j', (options, message) => {
    expect(() => new OutlierFilter(options)).toThrow(InvalidPolicyError);
    expect(() => new OutlierFilter(options)).toThrow(message);
  });
});
