import { describe, expect, it } from '@jest/globals';
import { SimulatedVenue } from '@ares/connectors';
import { type Bar, BarSeries } from '@ares/features';
import { SimClock } from '@ares/pipeline-kit';
import type { RiskConfig } from '@ares/risk';
import { btcBars, LOOSE_RISK, MARKET, makeEngine, makeExchange, SYMBOL, syntheticBars } from '../__fixtures__/engineFixtures.js';
import type { TickResult } from '../engine/TickResult.js';
import { SmaCrossoverStrategy } from '../strategies/SmaCrossoverStrategy.js';
import { ReplayFeed } from './ReplayFeed.js';
import { type BacktestResult, runBacktest } from './runBacktest.js';
import { runLive } from './runLive.js';

const WITH_STOPS: RiskConfig = { ...LOOSE_RISK, stops: { stopLoss: { type: 'percent', fraction: 0.02 }, takeProfit: { type: 'percent', fraction: 0.04 } } };

function backtest(series: BarSeries, exchangeOverrides = {}): BacktestResult {
  const engine = makeEngine(new SmaCrossoverStrategy({ fast: 10, slow: 30 }), {}, WITH_STOPS);
  return runBacktest({ engine, series, exchange: makeExchange(exchangeOverrides), symbol: SYMBOL }) as BacktestResult;
}

async function live(series: BarSeries, options: { exchange?: object; abortAfter?: number; onTick?: (r: TickResult) => void } = {}) {
  const clock = new SimClock(series.timestamp[0]);
  const venue = new SimulatedVenue(makeExchange(options.exchange), clock);
  const engine = makeEngine(new SmaCrossoverStrategy({ fast: 10, slow: 30 }), {}, WITH_STOPS);
  const controller = new AbortController();
  const warnings: string[] = [];
  let ticks = 0;
  const result = await runLive({
    engine,
    feed: new ReplayFeed(series, { clock, symbol: SYMBOL, timeframe: '1h' }),
    venue,
    clock,
    signal: controller.signal,
    symbol: SYMBOL,
    timeframe: '1h',
    logger: { info() {}, warn: (_, message) => warnings.push(message) },
    onTick: (r) => {
      options.onTick?.(r);
      if (++ticks === options.abortAfter) controller.abort();
    },
  });
  return { result, warnings, venue };
}

describe('runBacktest and runLive parity', () => {
  it.each([
    ['3000 BTC 1h bars', () => btcBars(3000)],
    ['3000 synthetic bars', () => syntheticBars(3000)],
  ])('give identical decisions, orders, fills and final state on %s (SMA 10/30, fees, slippage, SL/TP)', async (_, load) => {
    const series = load();
    const offline = backtest(series);
    const { result: online } = await live(series);
    expect(offline.orders.length).toBeGreaterThan(20);
    expect(offline.fills.some((f) => f.clientOrderId.endsWith(':sl')) && offline.fills.some((f) => f.clientOrderId.endsWith(':tp'))).toBe(true);
    expect(online.bars).toBe(series.length);
    expect(online.decisions).toEqual(offline.decisions);
    expect(online.orders).toEqual(offline.orders);
    expect(online.fills).toEqual(offline.fills);
    expect(online.finalState).toEqual(offline.finalState);
  });
});

describe('runBacktest', () => {
  it("keeps the engine's books equal to the exchange's: final equity and an equity value per bar", () => {
    const series = btcBars(2000);
    const exchange = makeExchange();
    const engine = makeEngine(new SmaCrossoverStrategy({ fast: 10, slow: 30 }), {}, WITH_STOPS);
    const progress: number[] = [];
    const result = runBacktest({ engine, series, exchange, symbol: SYMBOL, onProgress: (done, total) => progress.push(done / total) }) as BacktestResult;
    expect(progress).toHaveLength(100);
    expect(progress.at(-1)).toBe(1);
    expect(result.equity).toHaveLength(2000);
    expect(result.equity[1999]).toBeCloseTo(exchange.equity(), 6);
    expect(engine.position).toBeCloseTo(exchange.position(SYMBOL).quantity, 12);
  });

  it('has no look-ahead: changing every bar after t changes no decision or order at or before t', () => {
    const series = btcBars(2500);
    const baseline = backtest(series);
    for (const t of [400, 1200, 2000]) {
      const rows = series.toRows().map((b, i): Bar => {
        if (i <= t) return b;
        // A different future: prices scaled by a factor that wanders with i.
        const k = 1 + 0.2 * Math.sin(i / 17);
        return { ...b, open: b.open * k, high: b.high * k, low: b.low * k, close: b.close * k };
      });
      const changed = backtest(BarSeries.fromRows(rows));
      const cut = series.timestamp[t] as number;
      const upTo = (r: BacktestResult) => r.decisions.filter((d) => d.timestamp <= cut);
      expect(upTo(changed)).toEqual(upTo(baseline));
      expect(changed.orders.filter((o) => o.sentAt <= cut + 3_600_000)).toEqual(baseline.orders.filter((o) => o.sentAt <= cut + 3_600_000));
      // The change did reach the later decisions.
      expect(changed.decisions).not.toEqual(baseline.decisions);
    }
  });

  it('records a venue rejection and carries on with the next bars', () => {
    const series = btcBars(1500);
    const result = backtest(series, { markets: [{ ...MARKET, minNotional: 1e9 }] });
    expect(result.orders.length).toBeGreaterThan(5);
    expect(result.orders.every((o) => o.status === 'rejected' && o.error?.includes('Invalid "quantity"'))).toBe(true);
    expect(result.fills).toHaveLength(0);
    expect(result.decisions.at(-1)?.timestamp).toBeGreaterThan(series.timestamp[1000] as number);
  });

  it('skips a bad bar in the exchange and the engine alike and goes on', () => {
    const rows = btcBars(600).toRows();
    rows[300] = { ...rows[300], close: Number.NaN } as Bar;
    const result = backtest(BarSeries.fromRows(rows));
    const rejected = result.decisions.find((d) => d.timestamp === rows[300]?.timestamp);
    expect(rejected?.reason).toContain('(non-finite)');
    expect(result.equity.every(Number.isFinite)).toBe(true);
  });

  it('returns a promise with the same result when the signal source is asynchronous', async () => {
    const series = btcBars(800);
    const sync = backtest(series);
    const strategy = new SmaCrossoverStrategy({ fast: 10, slow: 30 });
    const asyncSource = { kind: 'classifier' as const, id: strategy.id, featureSpec: strategy.featureSpec, reset() {}, decide: async (c: Parameters<typeof strategy.decide>[0]) => ({ ...strategy.decide(c) }) };
    const engine = makeEngine(asyncSource, {}, WITH_STOPS);
    const pending = runBacktest({ engine, series, exchange: makeExchange(), symbol: SYMBOL });
    expect(pending).toBeInstanceOf(Promise);
    const result = await pending;
    expect(result.decisions).toEqual(sync.decisions);
    expect(result.orders).toEqual(sync.orders);
  });
});

describe('runLive', () => {
  it('stops after the tick in progress when aborted', async () => {
    const { result } = await live(btcBars(500), { abortAfter: 120 });
    expect(result.bars).toBe(120);
    expect(result.finalState.bars).toBe(120);
  });

  it('logs a bad bar and a rejected order and keeps trading', async () => {
    const rows = btcBars(800).toRows();
    rows[200] = { ...rows[200], high: 0.5 } as Bar;
    const { result, warnings } = await live(BarSeries.fromRows(rows), { exchange: { markets: [{ ...MARKET, minNotional: 1e9 }] } });
    expect(result.bars).toBe(800);
    expect(warnings.some((w) => w.includes('(inconsistent-range)'))).toBe(true);
    expect(warnings.filter((w) => w.startsWith('order rejected')).length).toBe(result.orders.length);
    expect(result.orders.length).toBeGreaterThan(3);
  });

  it('names exactly one signal source per tick while the source is swapped between ticks', async () => {
    const series = btcBars(400);
    const ids: string[] = [];
    const clock = new SimClock(series.timestamp[0]);
    const engine = makeEngine(new SmaCrossoverStrategy({ fast: 10, slow: 30 }));
    const other = new SmaCrossoverStrategy({ fast: 10, slow: 30 });
    const renamed = Object.assign(Object.create(other) as SmaCrossoverStrategy, { id: 'v2' });
    await runLive({
      engine,
      feed: new ReplayFeed(series, { clock, symbol: SYMBOL, timeframe: '1h' }),
      venue: new SimulatedVenue(makeExchange(), clock),
      clock,
      signal: new AbortController().signal,
      symbol: SYMBOL,
      timeframe: '1h',
      onTick: (r) => {
        ids.push(r.signalId);
        if (ids.length === 200) engine.setSignalSource(renamed);
      },
    });
    expect(ids.slice(0, 200).every((id) => id === 'sma-crossover(10,30,long-only)')).toBe(true);
    expect(ids.slice(200).every((id) => id === 'v2')).toBe(true);
  });
});
