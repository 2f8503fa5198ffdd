import { describe, expect, it } from '@jest/globals';
import { summarizeDistribution } from './summarizeDistribution.js';

describe('summarizeDistribution', () => {
  it('interpolates percentiles linearly between ranks (numpy default): sample 1..5', () => {
    // h = 4p: p5 → 0.2 → 1.2; p25 → 1 → 2; p50 → 3; p75 → 4; p95 → 3.8 → 4.8
    const d = summarizeDistribution([5, 3, 1, 4, 2]);
    expect([d.p5, d.p25, d.p50, d.p75, d.p95]).toEqual([1.2, 2, 3, 4, 4.8]);
    expect(d.mean).toBe(3);
    expect([...d.values]).toEqual([1, 2, 3, 4, 5]);
  });

  it('agrees with numpy.percentile on an uneven sample', () => {
    // numpy.percentile([0.3, -1, 7, 2.5], [5, 25, 50, 75, 95]) = [-0.805, -0.025, 1.4, 3.625, 6.325]
    const d = summarizeDistribution([0.3, -1, 7, 2.5]);
    expect(d.p5).toBeCloseTo(-0.805, 12);
    expect(d.p25).toBeCloseTo(-0.025, 12);
    expect(d.p50).toBeCloseTo(1.4, 12);
    expect(d.p75).toBeCloseTo(3.625, 12);
    expect(d.p95).toBeCloseTo(6.325, 12);
  });
});
