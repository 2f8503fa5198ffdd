import { describe, expect, it } from '@jest/globals';
import { StopConfigSchema } from '../config/StopConfigSchema.js';
import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { breakEvenStop } from './breakEvenStop.js';
import { nextStopPrice } from './nextStopPrice.js';
import { rMultiple } from './rMultiple.js';
import { stopDistance } from './stopDistance.js';
import { stopLossPrice, takeProfitPrice } from './stopPrices.js';
import { trailStop } from './trailStop.js';

describe('stopDistance', () => {
  it('a 2 % stop on 50 000 is 0.02 × 50 000 = 1000', () => {
    expect(stopDistance({ type: 'percent', fraction: 0.02 }, 50_000)).toBe(1000);
  });
  it('a 1.5 × ATR stop with ATR 400 is 600', () => {
    expect(stopDistance({ type: 'atr', multiple: 1.5 }, 50_000, 400)).toBe(600);
  });
  it.each([undefined, 0, Number.NaN, -3])('an ATR stop without a usable ATR (%p) is 0', (atr) => {
    expect(stopDistance({ type: 'atr', multiple: 2 }, 100, atr)).toBe(0);
  });
});

describe('stopLossPrice / takeProfitPrice', () => {
  it.each([
    ['long SL: 50 000 − 1000 = 49 000', 'buy', stopLossPrice, 49_000],
    ['short SL: 50 000 + 1000 = 51 000', 'sell', stopLossPrice, 51_000],
    ['long TP: 50 000 + 1000 = 51 000', 'buy', takeProfitPrice, 51_000],
    ['short TP: 50 000 − 1000 = 49 000', 'sell', takeProfitPrice, 49_000],
  ] as const)('%s', (_why, side, fn, expected) => {
    expect(fn(side, 50_000, 1000)).toBe(expected);
  });
  it('never puts a long stop or a short target below 0', () => {
    expect(stopLossPrice('buy', 10, 25)).toBe(0);
    expect(takeProfitPrice('sell', 10, 25)).toBe(0);
  });
  it('rejects a negative distance', () => {
    expect(() => stopLossPrice('buy', 10, -1)).toThrow('Invalid "distance": expected a finite number >= 0, received "-1".');
  });
});

describe('trailStop', () => {
  it('ratchets a long 5 % trailing stop up, never down', () => {
    const trail = (stop: number, price: number) => trailStop('buy', stop, price, stopDistance({ type: 'percent', fraction: 0.05 }, price));
    let stop = trail(Number.NaN, 100); // 100 − 5 = 95
    expect(stop).toBe(95);
    stop = trail(stop, 120); // 120 − 6 = 114
    expect(stop).toBe(114);
    stop = trail(stop, 110); // 110 − 5.5 = 104.5 < 114: keep 114
    expect(stop).toBe(114);
  });
  it('ratchets a short 2 × ATR trailing stop down, never up', () => {
    let stop = trailStop('sell', Number.NaN, 100, 2 * 3); // 100 + 6 = 106
    expect(stop).toBe(106);
    stop = trailStop('sell', stop, 90, 2 * 3); // 90 + 6 = 96
    expect(stop).toBe(96);
    stop = trailStop('sell', stop, 95, 2 * 3); // 95 + 6 = 101 > 96: keep 96
    expect(stop).toBe(96);
  });
});

describe('breakEvenStop', () => {
  const long = { side: 'buy' as const, entryPrice: 100, currentStop: 95, initialRisk: 5 };
  it('keeps the stop below the trigger: profit 104 − 100 = 4 < 1R = 5', () => {
    expect(breakEvenStop({ ...long, price: 104 })).toBe(95);
  });
  it('moves a long stop to entry at 1R: 105 − 100 = 5 >= 5', () => {
    expect(breakEvenStop({ ...long, price: 105 })).toBe(100);
  });
  it('adds the offset and honours triggerR: 2R = 10 reached at 110, stop → 100 + 0.2', () => {
    expect(breakEvenStop({ ...long, price: 109, triggerR: 2, offset: 0.2 })).toBe(95);
    expect(breakEvenStop({ ...long, price: 110, triggerR: 2, offset: 0.2 })).toBe(100.2);
  });
  it('never loosens a stop already past break-even', () => {
    expect(breakEvenStop({ ...long, currentStop: 103, price: 120 })).toBe(103);
  });
  it('moves a short stop down to entry: 100 − 94 = 6 >= 5', () => {
    expect(breakEvenStop({ side: 'sell', entryPrice: 100, currentStop: 105, initialRisk: 5, price: 94 })).toBe(100);
  });
  it('rejects a zero initial risk', () => {
    expect(() => breakEvenStop({ ...long, initialRisk: 0, price: 105 })).toThrow(InvalidArgumentError);
  });
});

describe('rMultiple', () => {
  it.each([
    ['long, entry 100, stop 95, exit 110: (110 − 100)/(100 − 95) = 2R', 'buy', 100, 95, 110, 2],
    ['long stopped out: (95 − 100)/5 = −1R', 'buy', 100, 95, 95, -1],
    ['short, entry 100, stop 104, exit 94: (100 − 94)/(104 − 100) = 1.5R', 'sell', 100, 104, 94, 1.5],
    ['short loser: (100 − 102)/4 = −0.5R', 'sell', 100, 104, 102, -0.5],
  ] as const)('%s', (_why, side, entry, stop, exit, expected) => {
    expect(rMultiple(side, entry, stop, exit)).toBeCloseTo(expected, 12);
  });
  it.each([
    ['a stop at entry', 'buy', 100],
    ['a long stop above entry', 'buy', 101],
    ['a short stop below entry', 'sell', 99],
  ] as const)('rejects %s (no initial risk)', (_why, side, stop) => {
    expect(() => rMultiple(side, 100, stop, 110)).toThrow(InvalidArgumentError);
  });
});

describe('nextStopPrice', () => {
  const stops = StopConfigSchema.parse({ breakEven: { triggerR: 1 }, trailing: { type: 'atr', multiple: 3 } });
  const long = { side: 'buy' as const, entryPrice: 100, initialStop: 96 };

  it('holds the stop until 1R, then moves it to entry, then trails 3 × ATR behind', () => {
    // at 103: profit 3 < 1R = 4; trail candidate 103 − 3 × 1 = 100 > 96 → 100
    expect(nextStopPrice(stops, { ...long, currentStop: 96 }, 103, 1)).toBe(100);
    // at 102 with ATR 2: profit 2 < 4, trail 102 − 6 = 96 → keep 96
    expect(nextStopPrice(stops, { ...long, currentStop: 96 }, 102, 2)).toBe(96);
    // at 104 with ATR 2: profit 4 >= 4 → 100; trail 104 − 6 = 98 < 100 → 100
    expect(nextStopPrice(stops, { ...long, currentStop: 96 }, 104, 2)).toBe(100);
    // at 120 with ATR 2: trail 120 − 6 = 114
    expect(nextStopPrice(stops, { ...long, currentStop: 100 }, 120, 2)).toBe(114);
  });

  it('mirrors for a short and skips an ATR trail without ATR', () => {
    const short = { side: 'sell' as const, entryPrice: 100, initialStop: 104, currentStop: 104 };
    expect(nextStopPrice(stops, short, 95)).toBe(100);
    expect(nextStopPrice(StopConfigSchema.parse({}), short, 50, 1)).toBe(104);
  });
});
