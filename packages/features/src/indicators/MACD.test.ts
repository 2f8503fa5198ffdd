import { describe, expect, it } from '@jest/globals';
import { MACD as ReferenceMACD } from 'technicalindicators';
import { compareTail } from './__fixtures__/reference.js';
import { btcHourly, daily2006 } from './__fixtures__/series.js';
import { EMA } from './EMA.js';
import { InvalidParameterError } from './InvalidParameterError.js';
import { MACD } from './MACD.js';

describe('MACD', () => {
  it('is EMA(12) − EMA(26) with an SMA-seeded EMA(9) signal over the MACD line (composition by hand)', () => {
    const close = daily2006().close;
    const out = MACD.fromBatch(close);
    const fast = EMA.fromBatch(close, 12);
    const slow = EMA.fromBatch(close, 26);
    const line = Float64Array.from(close, (_, i) => (fast[i] as number) - (slow[i] as number));
    const signal = EMA.fromBatch(line.subarray(25), 9);
    expect(Number.isNaN(out.macd[32] as number)).toBe(true);
    for (let i = 33; i < close.length; i++) {
      expect(out.macd[i]).toBe(line[i]);
      expect(out.signal[i]).toBe(signal[i - 25]);
      expect(out.histogram[i]).toBe((line[i] as number) - (signal[i - 25] as number));
    }
  });

  it('agrees with technicalindicators MACD (EMA oscillator and signal) on the BTC hourly closes to 1e-12 relative', () => {
    const close = btcHourly().close;
    const ours = MACD.fromBatch(close);
    const reference = ReferenceMACD.calculate({
      values: Array.from(close),
      fastPeriod: 12,
      slowPeriod: 26,
      signalPeriod: 9,
      SimpleMAOscillator: false,
      SimpleMASignal: false,
    });
    // technicalindicators starts at the first MACD line value (index 25); compare where the signal exists.
    for (const field of ['macd', 'signal', 'histogram'] as const) {
      const theirs = reference.map((r) => (field === 'macd' ? r.MACD : r[field]));
      const { maxRelative, compared } = compareTail(ours[field], theirs, 33);
      expect(compared).toBe(close.length - 33);
      expect(maxRelative).toBeLessThan(1e-12);
    }
  });

  it('reuses one result object between updates (documented: no allocation per update)', () => {
    const macd = new MACD({ fastPeriod: 2, slowPeriod: 3, signalPeriod: 2 });
    const results = [1, 2, 3, 5, 8, 13].map((x) => macd.add(x));
    expect(results[3]).not.toBeNull();
    expect(results[4]).toBe(results[3]);
  });

  it.each([
    [{ fastPeriod: 26, slowPeriod: 12 }, 'fastPeriod'],
    [{ signalPeriod: 0 }, 'signalPeriod'],
  ])('rejects %p naming %s', (options, parameter) => {
    let caught: unknown;
    try {
      new MACD(options);
    } catch (error) {
      caught = error;
    }
    expect(InvalidParameterError.isInstance(caught) && caught.parameter).toBe(parameter);
  });
});
