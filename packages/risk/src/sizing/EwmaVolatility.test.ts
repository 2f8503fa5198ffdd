import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { EwmaVolatility } from './EwmaVolatility.js';

describe('EwmaVolatility', () => {
  it('follows σ²_t = λσ²_{t−1} + (1 − λ)r²_t by hand (λ = 0.94)', () => {
    const ewma = new EwmaVolatility(0.94);
    // seed: σ² = 0.01² = 0.0001 → σ = 0.01
    expect(ewma.add(0.01)).toBeCloseTo(0.01, 15);
    // 0.94 × 0.0001 + 0.06 × 0.02² = 0.000094 + 0.000024 = 0.000118 → σ = 0.0108628
    expect(ewma.add(-0.02)).toBeCloseTo(Math.sqrt(0.000118), 15);
    // 0.94 × 0.000118 + 0.06 × 0 = 0.00011092
    expect(ewma.add(0)).toBeCloseTo(Math.sqrt(0.00011092), 15);
  });

  it('reports null until warmUp returns are seen, and ignores non-finite returns', () => {
    const ewma = new EwmaVolatility(0.9, 3);
    expect(ewma.add(0.01)).toBeNull();
    expect(ewma.add(Number.NaN)).toBeNull();
    expect(ewma.add(0.01)).toBeNull();
    expect(ewma.isStable).toBe(false);
    expect(ewma.add(0.01)).toBeCloseTo(0.01, 15);
    ewma.reset();
    expect(ewma.getResult()).toBeNull();
  });

  it('converges to the σ of a constant-magnitude return series', () => {
    const ewma = new EwmaVolatility(0.94);
    for (let i = 0; i < 500; i++) ewma.add(i % 2 === 0 ? 0.03 : -0.03);
    expect(ewma.getResult()).toBeCloseTo(0.03, 12);
  });

  it.each([0, 1, -0.5, Number.NaN])('rejects decay %p', (decay) => {
    expect(() => new EwmaVolatility(decay)).toThrow(InvalidArgumentError);
  });
});
