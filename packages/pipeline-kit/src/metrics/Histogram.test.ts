import { describe, expect, it } from '@jest/globals';
import { createRandom } from '../random/createRandom.js';
import { HISTOGRAM_RELATIVE_PRECISION, Histogram } from './Histogram.js';

/** Exact nearest-rank percentile of sorted data: the value at rank ceil(p/100 * n). */
function nearestRank(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

describe('Histogram', () => {
  it('states a relative precision under 1%', () => {
    expect(HISTOGRAM_RELATIVE_PRECISION).toBeCloseTo(1 / 128, 12);
    expect(HISTOGRAM_RELATIVE_PRECISION).toBeLessThan(0.01);
  });

  it.each([
    ['log-normal latencies around 0.5 ms', 7, (u: number, v: number) => 0.5 * Math.exp(0.8 * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v))],
    ['uniform values over [0, 1000)', 11, (u: number) => 1000 * u],
    ['values spanning nine decades', 13, (u: number) => 10 ** (-3 + 9 * u)],
  ])('matches exact nearest-rank percentiles within the stated precision on %s', (_label, seed, draw) => {
    const random = createRandom(seed);
    const histogram = new Histogram('latency', 'ms');
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const value = draw(random(), random());
      values.push(value);
      histogram.record(value);
    }
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of [0.1, 1, 10, 25, 50, 75, 90, 99, 99.9]) {
      const exact = nearestRank(sorted, p);
      expect(Math.abs(histogram.percentile(p) - exact)).toBeLessThanOrEqual(exact * HISTOGRAM_RELATIVE_PRECISION * (1 + 1e-9));
    }
    expect(histogram.count).toBe(20_000);
    expect(histogram.min).toBe(sorted[0]);
    expect(histogram.max).toBe(sorted.at(-1));
    expect(histogram.percentile(0)).toBe(sorted[0]);
    expect(histogram.percentile(100)).toBe(sorted.at(-1));
    expect(histogram.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
  });

  it('gives the worked example 1..100: p50 is 50, p99 is 99, mean 50.5 (by hand: 5050 / 100)', () => {
    const histogram = new Histogram('h', 'ms');
    for (let v = 1; v <= 100; v++) histogram.record(v);
    const stats = histogram.stats();
    expect(stats.count).toBe(100);
    expect(stats.mean).toBe(50.5);
    // 50 lies in [2^5 * (1 + 36/64), 2^5 * (1 + 37/64)) = [50, 50.5): midpoint 50.25.
    expect(stats.p50).toBe(50.25);
    // 90 lies in [2^6 * (1 + 26/64), ...) = [90, 91): midpoint 90.5; 99 in [98, 99) + 1 -> [99, 100): 99.5.
    expect(stats.p90).toBe(90.5);
    expect(stats.p99).toBe(99.5);
    expect(stats.max).toBe(100);
  });

  it('counts values below 2^-20 (and zero) in a zero bucket reported as the exact min', () => {
    const histogram = new Histogram('h', 'ms');
    for (const v of [0, 0, 0, 1e-9, 5]) histogram.record(v);
    expect(histogram.percentile(50)).toBe(0);
    expect(histogram.percentile(80)).toBe(0);
    expect(histogram.percentile(90)).toBe(5);
  });

  it('keeps an exact max beyond the top bucket', () => {
    const histogram = new Histogram('h', 'ms');
    histogram.record(1e15);
    histogram.record(3e15);
    expect(histogram.max).toBe(3e15);
    expect(histogram.percentile(50)).toBeLessThanOrEqual(3e15);
  });

  it('is empty after reset and reports NaN', () => {
    const histogram = new Histogram('h', 'ms');
    histogram.record(3);
    histogram.reset();
    expect(histogram.count).toBe(0);
    expect(Number.isNaN(histogram.percentile(50))).toBe(true);
    expect(Number.isNaN(histogram.mean)).toBe(true);
    histogram.record(7);
    expect(histogram.stats()).toEqual({ count: 1, min: 7, mean: 7, p50: 7, p90: 7, p99: 7, max: 7 });
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects the value %p', (value) => {
    expect(() => new Histogram('tick', 'ms').record(value)).toThrow(
      `Invalid value for histogram "tick": expected a finite number >= 0, received "${value}".`,
    );
  });

  it.each([[-0.1], [100.5], [Number.NaN]])('rejects the percentile %p', (p) => {
    expect(() => new Histogram('tick', 'ms').percentile(p)).toThrow(`Invalid "p" for histogram "tick": expected a number in [0, 100], received "${p}".`);
  });
});
