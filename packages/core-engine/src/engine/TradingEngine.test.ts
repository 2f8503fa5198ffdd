import { describe, expect, it } from '@jest/globals';
import { type Fill, SimulatedExchange } from '@ares/connectors';
import { DriftMonitor } from '@ares/drift';
import type { Bar } from '@ares/features';
import { createRiskEngine } from '@ares/risk';
import type { RiskConfig } from '@ares/risk';
import { btcBars, LOOSE_RISK, makeEngine, makeExchange, SYMBOL } from '../__fixtures__/engineFixtures.js';
import { runBacktest, type BacktestResult } from '../runner/runBacktest.js';
import type { SignalContext, SignalDecision, SignalSource, SignalTarget } from '../signal/SignalSource.js';
import { SmaCrossoverStrategy } from '../strategies/SmaCrossoverStrategy.js';
import type { TickResult } from './TickResult.js';
import { TradingEngine } from './TradingEngine.js';
import { TradingEngineError } from './TradingEngineError.js';

const SPEC = new SmaCrossoverStrategy({ fast: 3, slow: 5 }).featureSpec;
const HOUR = 3_600_000;

/** A source with the SMA(3/5) spec whose answer per bar is scripted by the test. */
class ScriptedSource implements SignalSource {
  readonly kind = 'rule';
  readonly featureSpec = SPEC;
  readonly id: string;
  readonly #script: (context: SignalContext) => SignalTarget;
  constructor(id: string, script: (context: SignalContext) => SignalTarget) {
    this.id = id;
    this.#script = script;
  }
  decide(context: SignalContext): SignalDecision {
    return { target: this.#script(context), probability: undefined, reason: `scripted by ${this.id}` };
  }
  reset(): void {}
}

/** Answers through a promise, the way model inference does; `fail` makes it reject. */
class AsyncSource implements SignalSource {
  readonly kind = 'classifier';
  readonly featureSpec = SPEC;
  readonly id: string;
  fail = false;
  constructor(id: string) {
    this.id = id;
  }
  async decide(): Promise<SignalDecision> {
    await Promise.resolve();
    if (this.fail) throw new Error('inference failed');
    return { target: 1, probability: 0.7, reason: 'model says long' };
  }
  reset(): void {}
}

function bar(i: number, close = 100 + Math.sin(i / 3) * 5): Bar {
  return { timestamp: i * HOUR, open: close, high: close + 1, low: close - 1, close, volume: 10 };
}

function tick(engine: TradingEngine, b: Bar): TickResult {
  const result = engine.processTick(b);
  if (result instanceof Promise) throw new Error('expected a synchronous result');
  return result;
}

function fill(side: 'buy' | 'sell', quantity: number, price: number, timestamp: number, clientOrderId = 'x'): Fill {
  return { orderId: '1', clientOrderId, symbol: SYMBOL, side, quantity, price, fee: 0, feeCurrency: 'USDT', liquidity: 'taker', timestamp };
}

function stagesOf(result: TickResult): Record<string, string> {
  return Object.fromEntries(Object.entries(result.stages).map(([name, stage]) => [name, stage.status]));
}

describe('TradingEngine config', () => {
  it.each([
    [{ symbol: '', timeframe: '1h' }, 'config.symbol'],
    [{ symbol: SYMBOL, timeframe: 'hourly' }, 'config.timeframe'],
    [{ symbol: SYMBOL, timeframe: '1h', id: 'has space' }, 'config.id'],
    [{ symbol: SYMBOL, timeframe: '1h', driftStreams: { features: ['nope'] } }, 'config.driftStreams.features'],
    [{ symbol: SYMBOL, timeframe: '1h', driftStreams: { probability: true } }, 'dependencies.drift'],
  ])('rejects %j naming %s', (config, path) => {
    const build = () => new TradingEngine(config, { signal: new ScriptedSource('s', () => null) });
    expect(build).toThrow(TradingEngineError);
    expect(build).toThrow(`Invalid "${path}"`);
  });
});

describe('TradingEngine.processTick', () => {
  it('runs every stage in order on a good bar and returns an entry intent with a deterministic client order id', () => {
    const engine = makeEngine(new ScriptedSource('always-long', () => 1), { id: 'bot1' });
    engine.syncPortfolio({ cash: 10_000 });
    for (let i = 0; i < 4; i++) expect(tick(engine, bar(i)).reason).toBe('features warming up');
    const result = tick(engine, bar(4, 100));
    expect(stagesOf(result)).toEqual({ validate: 'ok', features: 'ok', drift: 'skipped', signal: 'ok', risk: 'ok', sizing: 'ok', intent: 'ok' });
    // 10 % of 10 000 at the close of 100 = 10 units.
    expect(result.intent).toEqual({
      clientOrderId: `bot1-${4 * HOUR}`,
      symbol: SYMBOL,
      side: 'buy',
      type: 'market',
      quantity: 10,
      reduceOnly: false,
      reason: 'entry long: scripted by always-long',
    });
    expect(result.signalId).toBe('always-long');
    expect(Number.isFinite(result.durationNs) && Number.isFinite(result.stages.signal.durationNs)).toBe(true);
  });

  it("names the risk engine's adjustments in the risk stage's reason, one or several", () => {
    // 10 % of 10 000 at 100.3 = 9.97…: the 0.5 lot step makes it 9.5; at 100.3 with a 0.25 tick the price rounds to 100.25 too.
    const entry = (market: RiskConfig['market']) => {
      const engine = makeEngine(new ScriptedSource('always-long', () => 1), {}, { ...LOOSE_RISK, market });
      engine.syncPortfolio({ cash: 10_000 });
      for (let i = 0; i < 4; i++) tick(engine, bar(i));
      return tick(engine, bar(4, 100.3)).stages.risk;
    };
    expect(entry({ quantityStep: 0.5 })).toEqual(expect.objectContaining({ status: 'ok', reason: 'adjusted: lot-step' }));
    expect(entry({ priceTick: 0.25 })).toEqual(expect.objectContaining({ status: 'ok', reason: 'adjusted: price-tick' }));
    expect(entry({ quantityStep: 0.5, priceTick: 0.25 }).reason).toBe('adjusted: price-tick, lot-step');
    // One engine, its label following the code from order to order. Each position is entered and left at
    // the same close (equity stays 10 000, an entry is 1 000 of notional): at 100.25 (on the tick) 9.975… is
    // cut to the lot (9.5); at 125.1 the buy rounds to 125 and 1 000 / 125 = 8 is whole, the sell to 125.25.
    const engine = makeEngine(new ScriptedSource('flip', (context) => (context.position === 0 ? 1 : 0)), {}, { ...LOOSE_RISK, market: { quantityStep: 0.5, priceTick: 0.25 } });
    engine.syncPortfolio({ cash: 10_000 });
    const closes = [100, 100, 100, 100, 100.25, 100.25, 125.1, 125.1, 100.25, 100.25];
    const reasons = closes.flatMap((close, i) => {
      const b = bar(i, close);
      const result = tick(engine, b);
      if (result.intent === null) return [];
      engine.onFill(fill(result.intent.side, result.intent.quantity, b.close, b.timestamp + HOUR, result.intent.clientOrderId));
      return [`${result.intent.side} ${result.stages.risk.reason}`];
    });
    expect(reasons).toEqual(['buy adjusted: lot-step', 'sell ', 'buy adjusted: price-tick', 'sell adjusted: price-tick', 'buy adjusted: lot-step', 'sell ']);
  });

  it('gives every order of a run its own id, and a fresh engine replaying the same bars the same ids (the venue refuses a replayed order)', () => {
    const run = (): string[] => {
      const engine = makeEngine(new ScriptedSource('flip', (context) => (context.position === 0 ? 1 : 0)), { id: 'e' });
      engine.syncPortfolio({ cash: 10_000 });
      const ids: string[] = [];
      for (let i = 0; i < 60; i++) {
        const b = bar(i);
        const intent = tick(engine, b).intent;
        if (intent === null) continue;
        ids.push(intent.clientOrderId);
        engine.onFill(fill(intent.side, intent.quantity, b.close, b.timestamp + HOUR, intent.clientOrderId));
      }
      return ids;
    };
    const ids = run();
    expect(ids.length).toBeGreaterThan(40);
    expect(new Set(ids).size).toBe(ids.length);
    expect(run()).toEqual(ids);
  });

  it.each([0, 1, 9_999_999, 10_000_000, 10_000_001, 1_518_379_200_000, 1_518_379_200_007, 4_102_444_800_000])(
    'writes the bar timestamp %i into the client order id exactly as String() does',
    (timestamp) => {
      const engine = makeEngine(new ScriptedSource('s', () => 1), { id: 'e' });
      engine.syncPortfolio({ cash: 10_000 });
      for (let i = 3; i >= 0; i--) tick(engine, { ...bar(0), timestamp: timestamp - i * HOUR });
      expect(tick(engine, { ...bar(0), timestamp: timestamp + HOUR }).intent?.clientOrderId).toBe(`e-${String(timestamp + HOUR)}`);
    },
  );

  it.each([
    ['a NaN close', (prev: Bar): Bar => ({ ...bar(prev.timestamp / HOUR + 1), close: Number.NaN }), 'non-finite'],
    ['an out-of-order timestamp', (prev: Bar): Bar => bar(prev.timestamp / HOUR - 3), 'out-of-order-timestamp'],
    ['a duplicate timestamp', (prev: Bar): Bar => bar(prev.timestamp / HOUR), 'duplicate-timestamp'],
    ['a high below the low', (prev: Bar): Bar => ({ ...bar(prev.timestamp / HOUR + 1), high: 1 }), 'inconsistent-range'],
    ['a non-positive price', (prev: Bar): Bar => ({ ...bar(prev.timestamp / HOUR + 1), low: -5 }), 'non-positive-price'],
  ])('rejects a bar with %s as a result, leaves all state untouched and processes the next bar', (_, makeBad, rule) => {
    const engine = makeEngine(new ScriptedSource('s', (c) => (c.bar.close > 100 ? 1 : 0)));
    engine.syncPortfolio({ cash: 10_000 });
    for (let i = 0; i < 20; i++) tick(engine, bar(i));
    const before = JSON.stringify(engine.getState());
    const result = tick(engine, makeBad(bar(19)));
    expect(stagesOf(result)).toEqual({ validate: 'rejected', features: 'skipped', drift: 'skipped', signal: 'skipped', risk: 'skipped', sizing: 'skipped', intent: 'skipped' });
    expect(result.reason).toContain(`(${rule})`);
    expect(result.intent).toBeNull();
    expect(JSON.stringify(engine.getState())).toBe(before);
    const next = tick(engine, bar(20));
    expect(next.stages.validate.status).toBe('ok');
    expect(next.stages.signal.status).toBe('ok');
    expect(engine.status().rejectedBars).toBe(1);
  });

  it('rejects a missing bar object without throwing', () => {
    const engine = makeEngine(new ScriptedSource('s', () => 1));
    const result = tick(engine, null as unknown as Bar);
    expect(result.stages.validate.status).toBe('rejected');
    expect(result.reason).toContain('expected a bar object');
  });

  it('accepts a bar after a gap with a note, or rejects it with validation.rejectGaps', () => {
    const lenient = makeEngine(new ScriptedSource('s', () => null));
    const strict = makeEngine(new ScriptedSource('s', () => null), { validation: { rejectGaps: true } });
    for (const engine of [lenient, strict]) tick(engine, bar(0));
    expect(tick(lenient, bar(3)).stages.validate).toMatchObject({ status: 'ok', reason: expect.stringContaining('2') });
    expect(tick(strict, bar(3)).stages.validate.status).toBe('rejected');
  });

  it('turns a throwing signal source into a rejected signal stage and decides normally on the next bar', () => {
    let calls = 0;
    const engine = makeEngine(
      new ScriptedSource('flaky', () => {
        calls++;
        if (calls === 2) throw new Error('boom');
        return 1;
      }),
    );
    engine.syncPortfolio({ cash: 10_000 });
    for (let i = 0; i < 5; i++) tick(engine, bar(i));
    engine.onFill(fill('buy', 1, 100, 5 * HOUR));
    const failed = tick(engine, bar(5));
    expect(failed.stages.signal).toMatchObject({ status: 'rejected', reason: 'signal source "flaky" threw: boom' });
    expect(failed.intent).toBeNull();
    const next = tick(engine, bar(6));
    expect(next.stages.signal.status).toBe('ok');
    expect(next.target).toBe(1);
  });

  it('awaits an async source, turns a rejection into a result, and refuses a bar that arrives mid-inference', async () => {
    const source = new AsyncSource('model@1');
    const engine = makeEngine(source);
    engine.syncPortfolio({ cash: 10_000 });
    for (let i = 0; i < 4; i++) await engine.processTick(bar(i));
    source.fail = true;
    const pending = engine.processTick(bar(4));
    expect(pending).toBeInstanceOf(Promise);
    const busy = engine.processTick(bar(5));
    expect(busy).not.toBeInstanceOf(Promise);
    expect((busy as TickResult).reason).toContain('still awaiting the signal source');
    const failed = await pending;
    expect(failed.stages.signal).toMatchObject({ status: 'rejected', reason: 'signal source "model@1" rejected: inference failed' });
    source.fail = false;
    const next = await engine.processTick(bar(5));
    expect(next).toMatchObject({ target: 1, probability: 0.7 });
    expect(next.intent?.side).toBe('buy');
  });

  it('reports a risk denial (kill switch) as a rejected risk stage, and trades again once released', () => {
    const engine = makeEngine(new ScriptedSource('s', () => 1));
    engine.syncPortfolio({ cash: 10_000 });
    for (let i = 0; i < 4; i++) tick(engine, bar(i));
    engine.risk.killSwitch.trip('operator');
    const denied = tick(engine, bar(4));
    expect(denied.stages.risk.status).toBe('rejected');
    expect(denied.reason).toBe('risk denied entry long: scripted by s: kill-switch');
    expect(denied.intent).toBeNull();
    expect(engine.status()).toMatchObject({ state: 'halted', killSwitch: { tripped: true, trippedBy: 'operator' } });
    engine.risk.killSwitch.release();
    expect(tick(engine, bar(5)).intent?.side).toBe('buy');
  });

  it('closes the position when the kill switch trips with killSwitch.flatten', () => {
    const risk = createRiskEngine({ ...LOOSE_RISK, killSwitch: { flatten: true } });
    const engine = new TradingEngine({ symbol: SYMBOL, timeframe: '1h' }, { signal: new ScriptedSource('s', () => null), risk });
    engine.syncPortfolio({ cash: 10_000 });
    for (let i = 0; i < 5; i++) tick(engine, bar(i));
    engine.onFill(fill('buy', 2.5, 100, 5 * HOUR));
    expect(tick(engine, bar(5)).intent).toBeNull();
    risk.killSwitch.trip();
    const result = tick(engine, bar(6));
    expect(result.intent).toMatchObject({ side: 'sell', quantity: 2.5, reduceOnly: true, reason: 'risk: flatten (kill switch)' });
  });

  describe('safe mode', () => {
    // Page-Hinkley on the fast SMA with a tiny threshold: any move of the average is drift.
    const monitor = () =>
      new DriftMonitor({
        streams: { sma_fast: [{ type: 'page-hinkley', config: { minInstances: 1, delta: 0, lambda: 1e-6, direction: 'both' } }] },
        policy: { safeModeTicks: 1000 },
      });

    it.each([
      ['no-entries', null],
      ['flatten', 'sell'],
    ] as const)("on drift with action '%s' blocks entries and sends %s as the closing order", (action, closing) => {
      const engine = new TradingEngine(
        { symbol: SYMBOL, timeframe: '1h', safeModeAction: action, driftStreams: { features: ['sma_fast'] } },
        { signal: new ScriptedSource('s', (c) => (c.bar.timestamp >= 8 * HOUR ? 1 : null)), risk: createRiskEngine(LOOSE_RISK), drift: monitor() },
      );
      engine.syncPortfolio({ cash: 10_000 });
      const results: TickResult[] = [];
      for (let i = 0; i < 12; i++) results.push({ ...tick(engine, bar(i)) });
      expect(engine.status().state).toBe('safe-mode');
      expect(engine.status().safeModeReason).toContain('sma_fast/page-hinkley drift');
      expect(results.every((r) => r.intent === null)).toBe(true);
      expect(results.some((r) => r.reason.startsWith('safe mode: no new entries'))).toBe(true);
      engine.onFill(fill('buy', 1, 100, 12 * HOUR));
      const next = tick(engine, bar(12));
      expect(next.intent === null ? null : next.intent.side).toBe(closing);
      if (closing !== null) expect(next.intent?.reason).toMatch(/^safe mode \(flatten\): drift/);
    });
  });

  it('refuses a signal source with another feature spec and swaps a matching one on the next tick', () => {
    const engine = makeEngine(new ScriptedSource('v1', () => null));
    expect(() => engine.setSignalSource(new SmaCrossoverStrategy({ fast: 4, slow: 9 }))).toThrow(/Invalid "source.featureSpec" of "sma-crossover\(4,9,long-only\)": expected the engine's feature spec/);
    expect(tick(engine, bar(0)).signalId).toBe('v1');
    engine.setSignalSource(new ScriptedSource('v2', () => null));
    expect(tick(engine, bar(1)).signalId).toBe('v2');
    expect(engine.status().signalId).toBe('v2');
  });

  it('applies a swap requested during inference only after that tick', async () => {
    const engine = makeEngine(new AsyncSource('model@1'));
    engine.syncPortfolio({ cash: 10_000 });
    for (let i = 0; i < 5; i++) await engine.processTick(bar(i));
    const pending = engine.processTick(bar(5));
    engine.setSignalSource(new AsyncSource('model@2'));
    expect((await pending).signalId).toBe('model@1');
    expect((await engine.processTick(bar(6))).signalId).toBe('model@2');
  });

  it('books fills at average cost: cash, position, realised trade result and equity', () => {
    const engine = makeEngine(new ScriptedSource('s', () => null));
    engine.syncPortfolio({ cash: 1000 });
    engine.onFill({ ...fill('buy', 2, 100, 0), fee: 0.2 });
    engine.onFill({ ...fill('buy', 2, 110, 1), fee: 0.22 });
    // Average entry (2·100 + 2·110) / 4 = 105; cash 1000 − 200 − 0.2 − 220 − 0.22 = 579.58.
    expect(engine.status()).toMatchObject({ position: 4, averageEntryPrice: 105 });
    expect(engine.status().cash).toBeCloseTo(579.58, 9);
    engine.onFill({ ...fill('sell', 4, 120, 2), fee: 0.48 });
    // Trade result: 4 · (120 − 105) − 0.2 − 0.22 − 0.48 = 59.1; cash 579.58 + 480 − 0.48 = 1059.1.
    const state = engine.getState().portfolio;
    expect(state.tradeResults).toHaveLength(1);
    expect(state.tradeResults[0]).toBeCloseTo(59.1, 9);
    expect(engine.equity).toBeCloseTo(1059.1, 9);
    expect(engine.position).toBe(0);
  });

  it('exits exactly what it holds: 60 000 round trips filled at the intent quantity never leave lot-step dust', () => {
    // A position of 256.10092 on the 0.00001 lot is 25 610 091.999999996 steps in binary; rounding it down
    // once left one step behind, an exit the venue minimum then refused forever.
    const engine = makeEngine(new ScriptedSource('flip', (context) => (context.position === 0 ? 1 : 0)));
    engine.syncPortfolio({ cash: 100_000 });
    let exits = 0;
    for (let i = 0; i < 120_000; i++) {
      const close = 100 + (i % 5);
      const b = { timestamp: i * HOUR, open: close, high: close + 1, low: close - 1, close, volume: 10 };
      const intent = tick(engine, b).intent;
      if (intent === null) continue;
      engine.onFill(fill(intent.side, intent.quantity, close, b.timestamp + HOUR, intent.clientOrderId));
      if (intent.side === 'sell') {
        exits++;
        expect(engine.position).toBe(0);
      }
    }
    expect(exits).toBeGreaterThan(55_000);
  });

  it('measures the daily loss from the equity at the start of the UTC day and lifts the limit at the next day', () => {
    const risk = { ...LOOSE_RISK, limits: { ...LOOSE_RISK.limits, maxDailyLoss: 0.05 } };
    const engine = makeEngine(new ScriptedSource('s', () => 1), {}, risk);
    engine.syncPortfolio({ cash: 10_000 });
    for (let i = 0; i < 4; i++) tick(engine, bar(i, 100));
    // 10 % of 10 000 at 100 = 10 units.
    expect(tick(engine, bar(4, 100)).intent?.quantity).toBe(10);
    engine.onFill(fill('buy', 10, 100, 5 * HOUR));
    tick(engine, bar(5, 50));
    engine.onFill(fill('sell', 10, 50, 6 * HOUR));
    // Equity 9 500: a loss of 500 = 5 % of the day-start 10 000 → no entries for the rest of the UTC day.
    for (let i = 6; i < 23; i++) expect(tick(engine, bar(i, 50)).reason).toBe('risk denied entry long: scripted by s: daily-loss');
    // Bar 23 closes at 24:00, the next UTC day: the day starts again from 9 500.
    expect(tick(engine, bar(23, 50)).intent?.side).toBe('buy');
  });

  it('ignores fills of other symbols', () => {
    const engine = makeEngine(new ScriptedSource('s', () => null));
    engine.syncPortfolio({ cash: 1000 });
    engine.onFill({ ...fill('buy', 1, 100, 0), symbol: 'ETH/USDT' });
    expect(engine.position).toBe(0);
  });

  it('reports status with latency percentiles once warmed up', () => {
    const engine = makeEngine(new ScriptedSource('s', () => null));
    engine.syncPortfolio({ cash: 1000 });
    expect(engine.status().state).toBe('warming-up');
    for (let i = 0; i < 30; i++) tick(engine, bar(i));
    const status = engine.status();
    expect(status).toMatchObject({ state: 'trading', bars: 30, rejectedBars: 0, position: 0, signalId: 's', safeModeReason: null });
    expect(status.lastDecision).toEqual({ timestamp: 29 * HOUR, target: null, probability: undefined, reason: 'scripted by s' });
    expect(status.latencyNs.count).toBe(30);
    expect(status.latencyNs.p50).toBeGreaterThan(0);
    expect(status.latencyNs.p99).toBeGreaterThanOrEqual(status.latencyNs.p50);
  });
});

describe('TradingEngine checkpoints', () => {
  it('resumes from a JSON checkpoint (engine and exchange) with the same decisions, orders and final state as an uninterrupted run', () => {
    const series = btcBars(2000);
    const strategy = () => new SmaCrossoverStrategy({ fast: 10, slow: 30, mode: 'long-only' });
    const risk = { ...LOOSE_RISK, stops: { stopLoss: { type: 'percent', fraction: 0.03 }, takeProfit: { type: 'percent', fraction: 0.06 } } } as const;
    const whole = runBacktest({ engine: makeEngine(strategy(), {}, risk), series, exchange: makeExchange(), symbol: SYMBOL }) as BacktestResult;

    const firstExchange = makeExchange();
    const first = makeEngine(strategy(), {}, risk);
    runBacktest({ engine: first, series: series.slice(0, 1000), exchange: firstExchange, symbol: SYMBOL });
    const saved = JSON.parse(JSON.stringify({ engine: first.getState(), exchange: firstExchange.getState() }));
    const resumed = makeEngine(strategy(), {}, risk);
    resumed.restore(saved.engine);
    const rest = runBacktest({ engine: resumed, series: series.slice(1000), exchange: SimulatedExchange.fromState(saved.exchange), symbol: SYMBOL }) as BacktestResult;

    const cut = series.timestamp[1000] as number;
    expect(rest.decisions).toEqual(whole.decisions.filter((d) => d.timestamp >= cut));
    expect(rest.orders).toEqual(whole.orders.filter((o) => o.sentAt > cut));
    expect(rest.finalState).toEqual(whole.finalState);
    expect(whole.orders.length).toBeGreaterThan(20);
  });

  it.each([
    ['engineId', { id: 'other' }],
    ['symbol', { symbol: 'ETH/USDT' }],
  ])('refuses a checkpoint with another %s', (field, config) => {
    const engine = makeEngine(new ScriptedSource('s', () => null));
    const other = makeEngine(new ScriptedSource('s', () => null), config);
    expect(() => other.restore(engine.getState())).toThrow(`Invalid "state.${field}"`);
  });

  it('refuses a checkpoint of another feature spec', () => {
    const engine = makeEngine(new ScriptedSource('s', () => null));
    const other = makeEngine(new SmaCrossoverStrategy({ fast: 4, slow: 9 }));
    expect(() => other.restore(engine.getState())).toThrow(TradingEngineError);
    expect(() => other.restore(engine.getState())).toThrow('Invalid "state.features.specHash"');
  });
});

describe('TradingEngine: ATR-multiple stops', () => {
  const ATR_RISK = {
    ...LOOSE_RISK,
    stops: { stopLoss: { type: 'atr', multiple: 2, period: 14 }, takeProfit: { type: 'atr', multiple: 3, period: 14 } },
  } as const;

  /** Wilder's ATR written out: TR₀ = H − L, TRᵢ = max(H − L, |H − Cᵢ₋₁|, |L − Cᵢ₋₁|); seed = mean of the first 14 TRs; then (ATR·13 + TR) / 14. */
  function wilderAtr(bars: readonly Bar[], period: number): number {
    let atr = 0;
    for (let i = 0; i < bars.length; i++) {
      const b = bars[i] as Bar;
      const previousClose = i === 0 ? Number.NaN : (bars[i - 1] as Bar).close;
      const tr = i === 0 ? b.high - b.low : Math.max(b.high - b.low, Math.abs(b.high - previousClose), Math.abs(b.low - previousClose));
      if (i < period) atr += tr / period;
      else atr = (atr * (period - 1) + tr) / period;
    }
    return atr;
  }

  const rows = btcBars(41).toRows();
  const entryAt = (rows[40] as Bar).timestamp;
  const enterAtBar40 = () => new ScriptedSource('enter-at-40', (c) => (c.bar.timestamp === entryAt ? 1 : null));
  const funded = (engine: TradingEngine): TradingEngine => {
    engine.syncPortfolio({ cash: 100_000 });
    return engine;
  };

  it('places stop-loss = close − 2 × ATR(14) rounded down to the tick, take-profit = close + 3 × ATR(14) rounded up (BTC 1h, bar 40)', () => {
    const engine = funded(makeEngine(enterAtBar40(), {}, ATR_RISK));
    let result: TickResult | undefined;
    for (const b of rows) result = tick(engine, b);
    const close = (rows[40] as Bar).close;
    const atr = wilderAtr(rows, 14);
    const intent = result?.intent;
    expect(intent?.side).toBe('buy');
    expect(intent?.stopLoss).toBeCloseTo(Math.floor((close - 2 * atr) * 100) / 100, 8);
    expect(intent?.takeProfit).toBeCloseTo(Math.ceil((close + 3 * atr) * 100) / 100, 8);
    expect(close - (intent?.stopLoss as number)).toBeGreaterThanOrEqual(2 * atr - 1e-9);
  });

  it('waits for the ATR to warm up: with ATR(50) the signal is skipped until bar 49 (the SMA features are ready at bar 4)', () => {
    const risk = { ...LOOSE_RISK, stops: { stopLoss: { type: 'atr', multiple: 2, period: 50 } } } as const;
    const engine = makeEngine(new ScriptedSource('always-long', () => 1), {}, risk);
    const bars = btcBars(50).toRows();
    const signalStatus = bars.map((b) => tick(engine, b).stages.signal.status);
    expect(signalStatus.lastIndexOf('skipped')).toBe(48);
    expect(signalStatus[49]).toBe('ok');
  });

  it('keeps the ATR in the checkpoint: a resumed engine places the same stop', () => {
    const whole = funded(makeEngine(enterAtBar40(), {}, ATR_RISK));
    let expected: TickResult | undefined;
    for (const b of rows) expected = tick(whole, b);
    const first = funded(makeEngine(enterAtBar40(), {}, ATR_RISK));
    for (const b of rows.slice(0, 30)) tick(first, b);
    const resumed = makeEngine(enterAtBar40(), {}, ATR_RISK);
    resumed.restore(JSON.parse(JSON.stringify(first.getState())));
    let result: TickResult | undefined;
    for (const b of rows.slice(30)) result = tick(resumed, b);
    expect(result?.intent?.stopLoss).toBe(expected?.intent?.stopLoss);
    expect(result?.intent?.takeProfit).toBe(expected?.intent?.takeProfit);
  });

  it('refuses a checkpoint without the ATR when a stop needs it', () => {
    const plain = makeEngine(enterAtBar40());
    const withAtr = makeEngine(enterAtBar40(), {}, ATR_RISK);
    expect(() => withAtr.restore(plain.getState())).toThrow('Invalid "state.atr"');
  });
});

describe('TradingEngine: order-rate limit', () => {
  const flatForever = () => new ScriptedSource('always-long', () => 1);

  it('with max 1 order per 3 h window, an entry wanted every hour (never filled) goes out every third bar', () => {
    const risk = { ...LOOSE_RISK, limits: { ...LOOSE_RISK.limits, maxOrdersPerWindow: 1, orderRateWindowMs: 3 * HOUR } };
    const engine = makeEngine(flatForever(), {}, risk);
    engine.syncPortfolio({ cash: 100_000 });
    // Features (SMA 3/5) are ready from bar 4; an order at close T blocks the closes T + 1 h and T + 2 h.
    const placed = Array.from({ length: 14 }, (_, i) => tick(engine, bar(i)).intent !== null);
    expect(placed.flatMap((p, i) => (p ? [i] : []))).toEqual([4, 7, 10, 13]);
    expect(tick(engine, bar(14)).reason).toContain('order-rate');
  });

  it('keeps only the order times inside the window, so a limit of 1 000 000 costs what a limit of 10 does (same decisions, same kept times)', () => {
    const run = (maxOrdersPerWindow: number): BacktestResult => {
      const risk = { ...LOOSE_RISK, limits: { ...LOOSE_RISK.limits, maxOrdersPerWindow } };
      return runBacktest({ engine: makeEngine(new SmaCrossoverStrategy({ fast: 3, slow: 5 }), {}, risk), series: btcBars(2000), exchange: makeExchange(), symbol: SYMBOL }) as BacktestResult;
    };
    const large = run(1_000_000);
    const small = run(10);
    expect(large.orders.length).toBeGreaterThan(100);
    expect(large.orders).toEqual(small.orders);
    expect(large.finalState).toEqual(small.finalState);
    // The default window is 1 s and orders are hours apart: at most the newest order is still kept.
    expect(large.finalState.portfolio.orderTimestamps.length).toBeLessThanOrEqual(1);
  });
});
