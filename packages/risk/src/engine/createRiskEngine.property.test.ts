import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '../__fixtures__/seededRandom.js';
import { NOON, snapshot } from '../__fixtures__/snapshot.js';
import type { RiskConfig } from '../config/RiskConfigSchema.js';
import type { SizingConfig } from '../config/SizingConfigSchema.js';
import { createRiskEngine, type RiskEngine } from './createRiskEngine.js';
import type { OrderIntent, OrderProposal, OrderSide } from './OrderProposal.type.js';
import type { PortfolioSnapshot } from './PortfolioSnapshot.type.js';

const SAMPLES = 4000;
const TOLERANCE = 1 + 1e-9;

/** One random world: a config, a snapshot and a proposal, occasionally with degenerate numbers. */
function world(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const maybe = (value: number, rate = 0.05) => (random() < rate ? pick([0, -1, Number.NaN]) : value);
  const sizing = pick<SizingConfig>([
    { method: 'fixed-fraction', fraction: 0.01 + random() * 2, basis: pick(['equity', 'cash'] as const) },
    { method: 'kelly', multiplier: 0.1 + random() * 0.9, cap: 0.05 + random() * 2 },
    { method: 'target-volatility', targetVolatility: 0.05 + random(), barsPerYear: pick([365, 8760, 525_600]) },
    { method: 'risk-per-trade', riskFraction: 0.001 + random() * 0.05 },
  ]);
  const config = {
    sizing,
    limits: {
      maxPositionFraction: 0.1 + random() * 3,
      maxLeverage: 0.5 + random() * 5,
      maxPositionNotional: random() < 0.5 ? 1_000 + random() * 50_000 : undefined,
      maxExposure: random() < 0.5 ? 1_000 + random() * 80_000 : undefined,
    },
    stops: { stopLoss: pick([{ type: 'atr', multiple: 0.5 + random() * 3 }, { type: 'percent', fraction: 0.001 + random() * 0.1 }] as const) },
    market: {
      quantityStep: pick([undefined, 0.001, 0.01, 1]),
      priceTick: pick([undefined, 0.01, 0.5]),
      minQuantity: pick([0, 0.001, 0.5]),
      minNotional: pick([0, 5, 100]),
    },
  } satisfies RiskConfig;
  const equity = maybe(100 + random() * 100_000);
  const price = maybe(0.5 + random() * 60_000, 0.02);
  const snap: PortfolioSnapshot = snapshot({
    equity,
    peakEquity: equity * (1 + random() * 0.3),
    dayStartEquity: equity * (1 + random() * 0.06),
    cash: maybe(random() * 100_000),
    positionQuantity: random() < 0.3 ? 0 : ((random() - 0.5) * 4 * (equity > 0 ? equity : 1000)) / (price > 0 ? price : 1),
    otherExposure: random() * 50_000,
    openOrderCount: Math.floor(random() * 12),
    recentOrderTimestamps: Array.from({ length: Math.floor(random() * 12) }, () => NOON - random() * 2000),
    recentTradeResults: Array.from({ length: Math.floor(random() * 5) }, () => random() - 0.6),
    lastTradeTimestamp: NOON - random() * 7_200_000,
  });
  const proposal: OrderProposal = {
    side: pick<OrderSide>(['buy', 'sell']),
    intent: pick<OrderIntent>(['entry', 'entry', 'exit', 'reduce']),
    price,
    quantity: maybe(random() * 5),
    atr: maybe(price * random() * 0.05),
    probability: random() < 0.1 ? Number.NaN : random(),
    payoffRatio: maybe(random() * 3),
    volatility: maybe(random() * 0.05),
  };
  return { config, snap, proposal };
}

function run(seed: number, check: (engine: RiskEngine, s: PortfolioSnapshot, p: OrderProposal, killed: boolean) => void): void {
  const random = seededRandom(seed);
  for (let i = 0; i < SAMPLES; i++) {
    const { config, snap, proposal } = world(random);
    const engine = createRiskEngine(config);
    const killed = random() < 0.3;
    if (killed) engine.killSwitch.trip();
    check(engine, snap, proposal, killed);
  }
}

describe(`createRiskEngine over ${SAMPLES} seeded random worlds`, () => {
  it('never throws and returns a finite, non-negative quantity that is > 0 exactly when approved', () => {
    run(1, (engine, s, p) => {
      const d = engine.evaluate(s, p);
      expect(Number.isFinite(d.quantity) && d.quantity >= 0).toBe(true);
      expect(d.approved).toBe(d.quantity > 0);
      expect(d.approved).toBe(d.reasons.length === 0);
    });
  });

  it('an approved entry never exceeds any cap, the sizing budget or the venue rules', () => {
    let approved = 0;
    run(2, (engine, s, p) => {
      const d = engine.evaluate(s, p);
      if (!d.approved || p.intent !== 'entry') return;
      approved++;
      const { limits, sizing, market } = engine.config;
      const after = Math.abs(s.positionQuantity + (d.side === 'buy' ? d.quantity : -d.quantity)) * d.price;
      const before = Math.abs(s.positionQuantity) * d.price;
      // a cap binds the position after the order, unless the order shrinks it
      if (after > before) {
        expect(after).toBeLessThanOrEqual(limits.maxPositionFraction * s.equity * TOLERANCE);
        expect(after).toBeLessThanOrEqual((limits.maxPositionNotional ?? Number.POSITIVE_INFINITY) * TOLERANCE);
        expect(after + s.otherExposure).toBeLessThanOrEqual(limits.maxLeverage * s.equity * TOLERANCE);
        expect(after + s.otherExposure).toBeLessThanOrEqual((limits.maxExposure ?? Number.POSITIVE_INFINITY) * TOLERANCE);
      }
      const notional = d.quantity * d.price;
      if (sizing.method === 'fixed-fraction') expect(notional).toBeLessThanOrEqual(sizing.fraction * (sizing.basis === 'cash' ? s.cash : s.equity) * TOLERANCE);
      if (sizing.method === 'kelly') expect(notional).toBeLessThanOrEqual(sizing.cap * s.equity * TOLERANCE);
      if (sizing.method === 'target-volatility') expect(notional).toBeLessThanOrEqual(limits.maxLeverage * s.equity * TOLERANCE);
      if (sizing.method === 'risk-per-trade' && d.stopLoss !== null) {
        expect(d.quantity * Math.abs(d.price - d.stopLoss)).toBeLessThanOrEqual(sizing.riskFraction * s.equity * TOLERANCE);
      }
      expect(d.quantity).toBeGreaterThanOrEqual(market.minQuantity);
      expect(notional).toBeGreaterThanOrEqual(market.minNotional);
      if (market.quantityStep !== undefined) {
        const steps = d.quantity / market.quantityStep;
        expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-6);
      }
      if (market.priceTick !== undefined) {
        expect(d.side === 'buy' ? d.price <= p.price : d.price >= p.price).toBe(true);
        // Stops sit on the tick, on the losing side of the entry.
        if (d.stopLoss !== null) {
          const ticks = d.stopLoss / market.priceTick;
          expect(Math.abs(ticks - Math.round(ticks))).toBeLessThan(1e-6);
          expect(d.side === 'buy' ? d.stopLoss < d.price : d.stopLoss > d.price).toBe(true);
        }
      }
    });
    expect(approved).toBeGreaterThan(SAMPLES / 20);
  });

  it('a reduce-only order never increases exposure nor flips the position', () => {
    let approved = 0;
    run(3, (engine, s, p) => {
      const d = engine.evaluate(s, p);
      if (!d.approved || p.intent === 'entry') return;
      approved++;
      expect(d.reduceOnly).toBe(true);
      const after = s.positionQuantity + (d.side === 'buy' ? d.quantity : -d.quantity);
      expect(Math.abs(after)).toBeLessThan(Math.abs(s.positionQuantity));
      expect(after === 0 || Math.sign(after) === Math.sign(s.positionQuantity)).toBe(true);
    });
    expect(approved).toBeGreaterThan(SAMPLES / 20);
  });

  it('a tripped kill switch lets nothing but reductions through', () => {
    let killedApprovals = 0;
    run(4, (engine, s, p, killed) => {
      const d = engine.evaluate(s, p);
      if (!killed || !d.approved) return;
      killedApprovals++;
      expect(p.intent).not.toBe('entry');
      expect(Math.abs(s.positionQuantity + (d.side === 'buy' ? d.quantity : -d.quantity))).toBeLessThan(Math.abs(s.positionQuantity));
    });
    expect(killedApprovals).toBeGreaterThan(0);
  });

  it('gives the same decision for the same seed (deterministic)', () => {
    const decide = () => {
      const out: string[] = [];
      run(5, (engine, s, p) => {
        const d = engine.evaluate(s, p);
        if (out.length < 300) out.push(`${d.approved}:${d.quantity}:${d.reasons.join(',')}`);
      });
      return out;
    };
    expect(decide()).toEqual(decide());
  });
});
