import { describe, expect, it } from '@jest/globals';
import { NOON, snapshot } from '../__fixtures__/snapshot.js';
import type { RiskConfig } from '../config/RiskConfigSchema.js';
import { KillSwitch } from '../killswitch/KillSwitch.js';
import { RiskConfigError } from '../RiskConfigError.js';
import { createRiskEngine } from './createRiskEngine.js';
import type { OrderProposal } from './OrderProposal.type.js';
import type { PortfolioSnapshot } from './PortfolioSnapshot.type.js';
import { copyDecision } from './RiskDecision.js';

const buy: OrderProposal = { side: 'buy', intent: 'entry', price: 100 };
const MINUTE = 60_000;

describe('createRiskEngine: a plain entry', () => {
  it('approves a default fixed-fraction buy: 0.1 × 10 000 / 100 = 10', () => {
    const decision = createRiskEngine().evaluate(snapshot(), buy);
    expect(copyDecision(decision)).toEqual({
      approved: true,
      side: 'buy',
      quantity: 10,
      price: 100,
      reduceOnly: false,
      flatten: false,
      stopLoss: null,
      takeProfit: null,
      reasons: [],
      adjustments: [],
    });
  });

  it('sizes on free cash with basis "cash": 0.5 × 2 000 / 100 = 10', () => {
    const engine = createRiskEngine({ sizing: { method: 'fixed-fraction', fraction: 0.5, basis: 'cash' } });
    expect(engine.evaluate(snapshot({ cash: 2_000 }), buy).quantity).toBe(10);
    expect(engine.evaluate(snapshot({ cash: 0 }), buy).reasons).toEqual(['no-cash']);
  });

  it('reuses one decision object, and copyDecision detaches it', () => {
    const engine = createRiskEngine();
    const first = engine.evaluate(snapshot(), buy);
    const kept = copyDecision(first);
    const second = engine.evaluate(snapshot({ equity: 0 }), buy);
    expect(second).toBe(first);
    expect(second.approved).toBe(false);
    expect(kept.approved).toBe(true);
    expect(kept.quantity).toBe(10);
  });
});

describe('createRiskEngine: each limit denies an entry with its reason code', () => {
  const cases: [string, RiskConfig, Partial<PortfolioSnapshot>, string][] = [
    ['drawdown 1 − 8 000/10 000 = 0.2 reaches maxDrawdown 0.2', {}, { equity: 8_000, dayStartEquity: 8_000 }, 'max-drawdown'],
    ['daily loss 1 − 9 500/10 000 = 0.05 reaches maxDailyLoss 0.05', {}, { equity: 9_500 }, 'daily-loss'],
    ['10 open orders reach maxOpenOrders 10', {}, { openOrderCount: 10 }, 'max-open-orders'],
    ['3 orders in the last second reach maxOrdersPerWindow 3', { limits: { maxOrdersPerWindow: 3 } }, { recentOrderTimestamps: [NOON - 999, NOON - 500, NOON] }, 'order-rate'],
    ['3 straight losses closed 10 min ago, inside the 1 h cool-down', {}, { recentTradeResults: [5, -1, -2, -3], lastTradeTimestamp: NOON - 10 * MINUTE }, 'cooldown-losses'],
    ['a stop-out 1 min ago, inside a 5 min cool-down', { limits: { stopOutCooldownMs: 5 * MINUTE } }, { lastStopOutTimestamp: NOON - MINUTE }, 'cooldown-stop-out'],
    ['equity 0', {}, { equity: 0, peakEquity: 0, dayStartEquity: 0 }, 'non-positive-equity'],
    ['a long already at 1 × equity: 100 × 100 = 10 000', {}, { positionQuantity: 100 }, 'max-position-fraction'],
    ['a long at the 5 000 notional cap: 50 × 100', { limits: { maxPositionNotional: 5_000 } }, { positionQuantity: 50 }, 'max-notional'],
    ['other positions worth 10 000 at maxLeverage 1', { limits: { maxPositionFraction: 2 } }, { otherExposure: 10_000 }, 'max-leverage'],
    ['other positions worth 20 000 at maxExposure 20 000', { limits: { maxExposure: 20_000, maxLeverage: 5 } }, { otherExposure: 20_000 }, 'max-exposure'],
    ['a NaN equity', {}, { equity: Number.NaN }, 'invalid-snapshot'],
  ];
  it.each(cases)('%s', (_why, config, overrides, reason) => {
    const decision = createRiskEngine(config).evaluate(snapshot(overrides), buy);
    expect(decision.approved).toBe(false);
    expect(decision.quantity).toBe(0);
    expect(decision.reasons).toEqual([reason]);
  });

  it('lists every failing limit at once', () => {
    const decision = createRiskEngine().evaluate(snapshot({ equity: 7_000, dayStartEquity: 10_000, openOrderCount: 12 }), buy);
    expect(decision.reasons).toEqual(['max-drawdown', 'daily-loss', 'max-open-orders']);
  });

  it.each([
    ['a zero price', { price: 0 }],
    ['a NaN price', { price: Number.NaN }],
    ['an unknown side', { side: 'hold' as 'buy' }],
  ])('denies %s as invalid-proposal instead of throwing', (_why, change) => {
    expect(createRiskEngine().evaluate(snapshot(), { ...buy, ...change }).reasons).toEqual(['invalid-proposal']);
  });

  it('lets entries through just outside each window', () => {
    const engine = createRiskEngine({ limits: { maxOrdersPerWindow: 3, stopOutCooldownMs: 5 * MINUTE } });
    const decision = engine.evaluate(
      snapshot({
        // the window is (NOON − 1000, NOON]: the order at exactly NOON − 1000 has left it
        recentOrderTimestamps: [NOON - 1000, NOON - 500, NOON],
        // cool-down of 1 h measured from the last close: exactly 1 h later it is over
        recentTradeResults: [-1, -2, -3],
        lastTradeTimestamp: NOON - 60 * MINUTE,
        lastStopOutTimestamp: NOON - 5 * MINUTE,
      }),
      buy,
    );
    expect(decision.reasons).toEqual([]);
    expect(decision.approved).toBe(true);
  });

  it('does not count a loss streak broken by a win', () => {
    const decision = createRiskEngine().evaluate(snapshot({ recentTradeResults: [-1, -2, 3, -1, -1], lastTradeTimestamp: NOON - MINUTE }), buy);
    expect(decision.approved).toBe(true);
  });
});

describe('createRiskEngine: caps shrink an entry', () => {
  it('caps at maxPositionFraction: 0.25 × 10 000 / 100 = 25 < sized 50', () => {
    const engine = createRiskEngine({ sizing: { method: 'fixed-fraction', fraction: 0.5 }, limits: { maxPositionFraction: 0.25 } });
    const decision = engine.evaluate(snapshot(), buy);
    expect(decision.quantity).toBe(25);
    expect(decision.adjustments).toEqual(['max-position-fraction']);
  });

  it('counts the existing position: long 20 leaves 25 − 20 = 5; short 20 leaves 25 + 20 = 45 for a buy', () => {
    const engine = createRiskEngine({ sizing: { method: 'fixed-fraction', fraction: 0.5 }, limits: { maxPositionFraction: 0.25 } });
    expect(engine.evaluate(snapshot({ positionQuantity: 20 }), buy).quantity).toBe(5);
    expect(engine.evaluate(snapshot({ positionQuantity: -20 }), buy).quantity).toBe(45);
  });

  it('caps at max leverage with other exposure: (2 × 10 000 − 15 000)/100 = 50', () => {
    const engine = createRiskEngine({ sizing: { method: 'fixed-fraction', fraction: 1 }, limits: { maxLeverage: 2, maxPositionFraction: 2 } });
    const decision = engine.evaluate(snapshot({ otherExposure: 15_000 }), buy);
    expect(decision.quantity).toBe(50);
    expect(decision.adjustments).toEqual(['max-leverage']);
  });

  it('rounds a price to the tick (buy down, sell up) and the quantity down to the lot step', () => {
    const engine = createRiskEngine({ market: { priceTick: 0.5, quantityStep: 0.01 }, sizing: { method: 'fixed-fraction', fraction: 0.1 } });
    // buy at 100.7 → 100.5; 1000 / 100.5 = 9.9502… → 9.95
    const bought = copyDecision(engine.evaluate(snapshot(), { ...buy, price: 100.7 }));
    expect(bought).toMatchObject({ approved: true, price: 100.5, quantity: 9.95, adjustments: ['price-tick', 'lot-step'] });
    // sell at 100.2 → 100.5 (never worse than asked)
    expect(engine.evaluate(snapshot(), { side: 'sell', intent: 'entry', price: 100.2 }).price).toBe(100.5);
  });

  it.each([
    ['below the minimum quantity: 10 < 11', { minQuantity: 11 }, 'below-min-quantity'],
    ['below the minimum notional: 10 × 100 = 1 000 < 1 001', { minNotional: 1_001 }, 'below-min-notional'],
    ['rounded to 0 by a lot step of 20', { quantityStep: 20 }, 'below-min-quantity'],
  ])('denies an order %s', (_why, market, reason) => {
    expect(createRiskEngine({ market }).evaluate(snapshot(), buy).reasons).toEqual([reason]);
  });
});

describe('createRiskEngine: sizing methods', () => {
  it('sizes half Kelly from a classifier probability: 0.5 × (0.55 − 0.45/1.5) = 0.125 → 0.125 × 10 000 / 100 = 12.5', () => {
    const engine = createRiskEngine({ sizing: { method: 'kelly', payoffRatio: 1.5 } });
    expect(engine.evaluate(snapshot(), { ...buy, probability: 0.55 }).quantity).toBeCloseTo(12.5, 10);
  });

  it('prefers the proposal payoff over the configured one: full Kelly 0.6 − 0.4/2 = 0.4, capped at 0.25', () => {
    const engine = createRiskEngine({ sizing: { method: 'kelly', winProbability: 0.6, payoffRatio: 1, multiplier: 1 } });
    const decision = engine.evaluate(snapshot(), { ...buy, payoffRatio: 2 });
    expect(decision.quantity).toBeCloseTo(25, 10);
    expect(decision.adjustments).toEqual(['kelly-cap']);
  });

  it.each([
    ['zero edge: 0.4 − 0.6/1.5 = 0', { probability: 0.4, payoffRatio: 1.5 }, 'zero-edge'],
    ['negative edge', { probability: 0.3, payoffRatio: 1 }, 'zero-edge'],
    ['payoff 0', { probability: 0.9, payoffRatio: 0 }, 'zero-edge'],
    ['p = 0', { probability: 0, payoffRatio: 2 }, 'zero-edge'],
    ['no probability', { payoffRatio: 2 }, 'missing-probability'],
    ['no payoff', { probability: 0.6 }, 'missing-payoff'],
    ['a probability above 1', { probability: 1.2, payoffRatio: 1 }, 'invalid-proposal'],
  ])('Kelly sizes 0 with a reason for %s', (_why, fields, reason) => {
    const decision = createRiskEngine({ sizing: { method: 'kelly' } }).evaluate(snapshot(), { ...buy, ...fields });
    expect(decision.approved).toBe(false);
    expect(decision.quantity).toBe(0);
    expect(decision.reasons).toEqual([reason]);
  });

  it('Kelly with p = 1 bets the cap: f* = 1, half = 0.5 → cap 0.25 → 25', () => {
    const decision = createRiskEngine({ sizing: { method: 'kelly' } }).evaluate(snapshot(), { ...buy, probability: 1, payoffRatio: 1 });
    expect(decision.quantity).toBe(25);
  });

  it('targets 20 % annual volatility from hourly σ = 0.005: L = 0.2/(0.005 × √8760) = 0.427374 → 42.7374', () => {
    const engine = createRiskEngine({ sizing: { method: 'target-volatility' } });
    expect(engine.evaluate(snapshot(), { ...buy, volatility: 0.005 }).quantity).toBeCloseTo(42.7374, 4);
  });

  it('caps target volatility by maxLeverage: tiny σ → leverage 1 → 100', () => {
    const engine = createRiskEngine({ sizing: { method: 'target-volatility' } });
    expect(engine.evaluate(snapshot(), { ...buy, volatility: 1e-6 }).quantity).toBe(100);
  });

  it.each([['zero', 0], ['NaN', Number.NaN], ['missing', undefined]])('target volatility sizes 0 for %s volatility', (_why, volatility) => {
    const decision = createRiskEngine({ sizing: { method: 'target-volatility' } }).evaluate(snapshot(), { ...buy, volatility });
    expect(decision.reasons).toEqual(['no-volatility']);
    expect(decision.quantity).toBe(0);
  });

  it('risks 1 % over a 2 × ATR stop and reports SL/TP: 100 / (2 × 2.5) = 20, SL 100 − 5 = 95, TP 100 + 3 × 2.5 = 107.5', () => {
    const engine = createRiskEngine({
      sizing: { method: 'risk-per-trade', riskFraction: 0.01 },
      stops: { stopLoss: { type: 'atr', multiple: 2 }, takeProfit: { type: 'atr', multiple: 3 } },
    });
    const decision = copyDecision(engine.evaluate(snapshot(), { ...buy, atr: 2.5 }));
    expect(decision).toMatchObject({ approved: true, quantity: 20, stopLoss: 95, takeProfit: 107.5 });
    const short = engine.evaluate(snapshot(), { side: 'sell', intent: 'entry', price: 100, atr: 2.5 });
    expect([short.quantity, short.stopLoss, short.takeProfit]).toEqual([20, 105, 92.5]);
  });

  it('places stops on the price tick, away from the entry, and sizes risk-per-trade on the rounded stop', () => {
    const engine = createRiskEngine({
      sizing: { method: 'risk-per-trade', riskFraction: 0.01 },
      stops: { stopLoss: { type: 'percent', fraction: 0.013 }, takeProfit: { type: 'percent', fraction: 0.027 } },
      market: { priceTick: 0.5, quantityStep: 0.01 },
    });
    // long at 100: SL 100 − 1.3 = 98.7 → down to 98.5 (distance 1.5); TP 100 + 2.7 = 102.7 → up to 103;
    // 1 % of 10 000 = 100 at risk over 1.5 → 66.67 → lot step → 66.66 (66.66 × 1.5 = 99.99 ≤ 100)
    expect(copyDecision(engine.evaluate(snapshot(), buy))).toMatchObject({ approved: true, quantity: 66.66, stopLoss: 98.5, takeProfit: 103 });
    // short at 100: SL 101.3 → up to 101.5; TP 97.3 → down to 97
    const short = engine.evaluate(snapshot(), { side: 'sell', intent: 'entry', price: 100 });
    expect([short.quantity, short.stopLoss, short.takeProfit]).toEqual([66.66, 101.5, 97]);
  });

  it('uses an explicit stop distance over the configured stop: 100 / 4 = 25', () => {
    const engine = createRiskEngine({ sizing: { method: 'risk-per-trade' }, stops: { stopLoss: { type: 'percent', fraction: 0.02 } } });
    expect(engine.evaluate(snapshot(), { ...buy, stopDistance: 4 }).quantity).toBe(25);
    // configured 2 % stop: 0.02 × 100 = 2 → 100 / 2 = 50 (under the 1 × equity cap of 10 000 / 100 = 100)
    expect(engine.evaluate(snapshot(), buy).quantity).toBe(50);
  });

  it.each([['a zero stop distance', { stopDistance: 0 }], ['an ATR stop without ATR', {}], ['a NaN ATR', { atr: Number.NaN }]])(
    'risk-per-trade sizes 0 with a reason for %s',
    (_why, fields) => {
      const engine = createRiskEngine({ sizing: { method: 'risk-per-trade' }, stops: { stopLoss: { type: 'atr', multiple: 2 } } });
      const decision = engine.evaluate(snapshot(), { ...buy, ...fields });
      expect(decision.reasons).toEqual(['no-stop-distance']);
      expect(decision.quantity).toBe(0);
    },
  );
});

describe('createRiskEngine: exits and reductions', () => {
  const engine = createRiskEngine({ market: { quantityStep: 0.1 } });

  it('exits the whole long, rounded down to the step: 2.37 → 2.3 (never 2.4)', () => {
    const decision = engine.evaluate(snapshot({ positionQuantity: 2.37 }), { side: 'sell', intent: 'exit', price: 100 });
    expect(copyDecision(decision)).toMatchObject({ approved: true, quantity: 2.3, reduceOnly: true, adjustments: ['lot-step'] });
  });

  it('clamps a reduce larger than the position to the position', () => {
    const decision = engine.evaluate(snapshot({ positionQuantity: -1.5 }), { side: 'buy', intent: 'reduce', price: 100, quantity: 4 });
    expect(copyDecision(decision)).toMatchObject({ approved: true, quantity: 1.5, adjustments: ['clamped-to-position'] });
  });

  it.each([
    ['no position', 0, 'sell', 'no-position'],
    ['a sell exit of a short', -1, 'sell', 'not-reducing'],
    ['a buy exit of a long', 1, 'buy', 'not-reducing'],
  ] as const)('denies an exit with %s', (_why, position, side, reason) => {
    expect(engine.evaluate(snapshot({ positionQuantity: position }), { side, intent: 'exit', price: 100 }).reasons).toEqual([reason]);
  });

  it('denies a reduce without a positive quantity', () => {
    expect(engine.evaluate(snapshot({ positionQuantity: 1 }), { side: 'sell', intent: 'reduce', price: 100 }).reasons).toEqual(['invalid-proposal']);
  });

  it('lets exits through drawdown, daily loss, open-order and cool-down limits', () => {
    const bad = snapshot({ positionQuantity: 1, equity: 5_000, dayStartEquity: 9_000, openOrderCount: 50, recentTradeResults: [-1, -1, -1], lastTradeTimestamp: NOON });
    expect(engine.evaluate(bad, { side: 'sell', intent: 'exit', price: 100 }).approved).toBe(true);
  });

  it('still rate-limits exits (the limit protects the venue API)', () => {
    const busy = snapshot({ positionQuantity: 1, recentOrderTimestamps: Array.from({ length: 10 }, (_, i) => NOON - i) });
    expect(engine.evaluate(busy, { side: 'sell', intent: 'exit', price: 100 }).reasons).toEqual(['order-rate']);
  });
});

describe('createRiskEngine: daily loss and the UTC day boundary', () => {
  const dayStart = Date.UTC(2026, 10, 22);
  const nextMidnight = Date.UTC(2026, 10, 23);
  // day started at 10 000, equity now 9 400: loss 1 − 9 400/10 000 = 0.06 >= 0.05
  const losing = (timestamp: number) => snapshot({ timestamp, dayStartTimestamp: dayStart, equity: 9_400, peakEquity: 10_000 });

  it('denies at 23:59:59.999 UTC of the same day', () => {
    expect(createRiskEngine().evaluate(losing(nextMidnight - 1), buy).reasons).toEqual(['daily-loss']);
  });

  it('resets at 00:00:00.000 UTC of the next day, before the caller rolls dayStartEquity', () => {
    expect(createRiskEngine().evaluate(losing(nextMidnight), buy).approved).toBe(true);
  });

  it('does not trip below the limit: 1 − 9 501/10 000 = 0.0499', () => {
    expect(createRiskEngine().evaluate(snapshot({ equity: 9_501 }), buy).approved).toBe(true);
  });
});

describe('createRiskEngine: drawdown halt', () => {
  it('latches until resumeAfterDrawdown() by default', () => {
    const engine = createRiskEngine();
    expect(engine.evaluate(snapshot({ equity: 7_900, dayStartEquity: 7_900 }), buy).reasons).toEqual(['max-drawdown']);
    expect(engine.isDrawdownHalted).toBe(true);
    expect(engine.evaluate(snapshot(), buy).reasons).toEqual(['max-drawdown']);
    engine.resumeAfterDrawdown();
    expect(engine.evaluate(snapshot(), buy).approved).toBe(true);
  });

  it('auto-resumes once drawdown is at or below drawdownResumeBelow', () => {
    const engine = createRiskEngine({ limits: { maxDrawdown: 0.2, drawdownResumeBelow: 0.1 } });
    engine.evaluate(snapshot({ equity: 8_000, dayStartEquity: 8_000 }), buy);
    // 1 − 8 500/10 000 = 0.15 > 0.1: still halted
    expect(engine.evaluate(snapshot({ equity: 8_500, dayStartEquity: 8_500 }), buy).reasons).toEqual(['max-drawdown']);
    // 1 − 9 000/10 000 = 0.1 <= 0.1: resumes
    expect(engine.evaluate(snapshot({ equity: 9_000, dayStartEquity: 9_000 }), buy).approved).toBe(true);
  });

  it('asks to flatten an open position when flattenOnMaxDrawdown is set', () => {
    const engine = createRiskEngine({ limits: { flattenOnMaxDrawdown: true } });
    const decision = engine.evaluate(snapshot({ equity: 7_000, dayStartEquity: 7_000, positionQuantity: 3 }), { side: 'sell', intent: 'exit', price: 100 });
    expect(copyDecision(decision)).toMatchObject({ approved: true, flatten: true, quantity: 3 });
  });
});

describe('createRiskEngine: kill switch', () => {
  it('trips by hand: entries are denied, exits pass, and flatten is asked when configured', () => {
    const engine = createRiskEngine({ killSwitch: { flatten: true } });
    engine.killSwitch.trip();
    expect(engine.killSwitch.trippedBy).toBe('manual');
    expect(engine.evaluate(snapshot({ positionQuantity: 2 }), buy).reasons).toEqual(['kill-switch']);
    const exit = engine.evaluate(snapshot({ positionQuantity: 2 }), { side: 'sell', intent: 'exit', price: 100 });
    expect(copyDecision(exit)).toMatchObject({ approved: true, quantity: 2, flatten: true });
    engine.killSwitch.release();
    expect(engine.evaluate(snapshot(), buy).approved).toBe(true);
  });

  it('is shared between engines through options', () => {
    const killSwitch = new KillSwitch();
    const a = createRiskEngine({}, { killSwitch });
    const b = createRiskEngine({}, { killSwitch });
    a.killSwitch.trip('ops');
    expect(b.evaluate(snapshot(), buy).reasons).toEqual(['kill-switch']);
  });
});

describe('createRiskEngine: configuration', () => {
  it('throws one RiskConfigError naming every bad field', () => {
    try {
      createRiskEngine({ limits: { maxDrawdown: 1.5, maxOpenOrders: 0 }, sizing: { method: 'kelly', multiplier: 2 } });
      throw new Error('expected a throw');
    } catch (error) {
      expect(RiskConfigError.isInstance(error)).toBe(true);
      const e = error as RiskConfigError;
      expect([...e.paths].sort()).toEqual(['limits.maxDrawdown', 'limits.maxOpenOrders', 'sizing.multiplier']);
      expect(e.message).toContain('Invalid "limits.maxDrawdown" in risk config: ');
      expect(e.message).toContain('received "1.5".');
    }
  });

  it('rejects drawdownResumeBelow at or above maxDrawdown', () => {
    expect(() => createRiskEngine({ limits: { maxDrawdown: 0.2, drawdownResumeBelow: 0.2 } })).toThrow(
      'Invalid "limits.drawdownResumeBelow" in risk config: expected a fraction below "maxDrawdown", received "0.2".',
    );
  });

  it('freezes the parsed config', () => {
    const engine = createRiskEngine();
    expect(Object.isFrozen(engine.config.limits)).toBe(true);
    expect(engine.config.limits.maxDrawdown).toBe(0.2);
  });
});
