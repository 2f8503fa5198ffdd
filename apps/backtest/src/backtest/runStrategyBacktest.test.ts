import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BacktestConfigSchema, type BacktestConfigInput } from '../config/BacktestConfigSchema.js';
import { loadMarketData, type MarketData } from './loadMarketData.js';
import { runStrategyBacktest } from './runStrategyBacktest.js';

const BTC_CSV = '/work/shared/data/btcusdt_binance_spot_1h.csv';
/** Bars 40 000 – 43 999 of Binance BTC/USDT 1h (2022–2023): a few thousand bars keep the suite fast. */
const FIRST = 40_000;
const COUNT = 4_000;

interface ReferenceTrade {
  entryTime: number;
  exitTime: number;
  quantity: number;
  entryPrice: number;
  exitPrice: number;
  pnl: number;
}

/**
 * SMA crossover, long-only, written from the rules alone (no engine, no library): SMA over the last
 * `period` closes; the side is sign(fast − slow) once both exist, a cross is a change of side (a tie
 * keeps the side); a decision at bar i's close fills at bar i+1's open, a buy slipped up and a sell
 * slipped down by `bps`, clamped to that bar's [low, high]; the entry buys fraction × cash / close_i;
 * each fill pays fee × notional; a position still open after the last bar is not a closed trade.
 */
function referenceSmaCrossover(rows: number[][], fast: number, slow: number, fee: number, bps: number, fraction: number, cash0: number): ReferenceTrade[] {
  const col = (i: number, c: number): number => (rows[i] as number[])[c] as number;
  const sma = (i: number, period: number): number => {
    let sum = 0;
    for (let k = i - period + 1; k <= i; k++) sum += col(k, 4);
    return sum / period;
  };
  const trades: ReferenceTrade[] = [];
  let cash = cash0;
  let side = 0;
  let open: { entryTime: number; quantity: number; entryPrice: number; entryFee: number } | null = null;
  for (let i = slow - 1; i < rows.length - 1; i++) {
    const difference = sma(i, fast) - sma(i, slow);
    const now = difference > 0 ? 1 : difference < 0 ? -1 : 0;
    const cross = now !== 0 && side !== 0 && now !== side ? now : 0;
    if (now !== 0) side = now;
    const next = i + 1;
    if (cross > 0 && open === null) {
      const quantity = (fraction * cash) / col(i, 4);
      const price = Math.min(col(next, 1) * (1 + bps / 10_000), col(next, 2));
      const entryFee = quantity * price * fee;
      cash -= quantity * price + entryFee;
      open = { entryTime: col(next, 0), quantity, entryPrice: price, entryFee };
    } else if (cross < 0 && open !== null) {
      const price = Math.max(col(next, 1) * (1 - bps / 10_000), col(next, 3));
      const exitFee = open.quantity * price * fee;
      cash += open.quantity * price - exitFee;
      trades.push({
        entryTime: open.entryTime,
        exitTime: col(next, 0),
        quantity: open.quantity,
        entryPrice: open.entryPrice,
        exitPrice: price,
        pnl: open.quantity * (price - open.entryPrice) - open.entryFee - exitFee,
      });
      open = null;
    }
  }
  return trades;
}

const relativeError = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('runStrategyBacktest', () => {
  let dir: string;
  let btc: MarketData;
  let rows: number[][];

  beforeAll(async () => {
    const lines = readFileSync(BTC_CSV, 'utf8').trim().split('\n');
    const slice = lines.slice(1 + FIRST, 1 + FIRST + COUNT);
    rows = slice.map((line) => line.split(',').map(Number));
    dir = mkdtempSync(join(tmpdir(), 'ares-backtest-'));
    writeFileSync(join(dir, 'btc.csv'), `${lines[0]}\n${slice.join('\n')}\n`);
    btc = await loadMarketData({ source: join(dir, 'btc.csv'), syntheticBars: 0, seed: 0 });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the CSV slice and infers the 1h timeframe', () => {
    expect(btc.series.length).toBe(COUNT);
    expect(btc.timeframe).toBe('1h');
  });

  it.each([
    [10, 30, 0.001, 2, 0.5],
    [24, 96, 0.00075, 0, 0.9],
  ])('SMA(%i/%i) crossover on BTC 1h, fee %f, slippage %i bps, fraction %f: the same trades as an independent re-computation', async (fast, slow, fee, bps, fraction) => {
    const config = BacktestConfigSchema.parse({
      strategy: { kind: 'sma-crossover', fast, slow },
      exchange: { fee, slippageBps: bps, initialCash: 10_000 },
      sizing: { fraction },
      monteCarlo: { paths: 0 },
    } satisfies BacktestConfigInput);
    const outcome = await runStrategyBacktest(config, btc);
    const expected = referenceSmaCrossover(rows, fast, slow, fee, bps, fraction, 10_000);
    expect(expected.length).toBeGreaterThan(10);
    expect(outcome.trades.length).toBe(expected.length);
    outcome.trades.forEach((t, i) => {
      const e = expected[i] as ReferenceTrade;
      expect([t.side, t.entryTime, t.exitTime]).toEqual(['long', e.entryTime, e.exitTime]);
      for (const key of ['quantity', 'entryPrice', 'exitPrice', 'pnl'] as const) expect(relativeError(t[key], e[key])).toBeLessThan(1e-9);
    });
  });

  it('exits through the venue stop legs: a stop-loss fills at or below 98 % of the signal close, a take-profit at or above 104 %, each fill with its reason', async () => {
    const config = BacktestConfigSchema.parse({ strategy: { fast: 10, slow: 30 }, stops: { stopLossPct: 0.02, takeProfitPct: 0.04 }, monteCarlo: { paths: 0 } });
    const outcome = await runStrategyBacktest(config, btc);
    const signalClose = (entryTime: number): number => (rows.find((r) => r[0] === entryTime - 3_600_000) as number[])[4] as number;
    const exits = outcome.fills.map((f, i) => ({ f, reason: outcome.fillReasons[i] as string })).filter(({ f }) => f.side === 'sell');
    const stops = exits.filter((e) => e.reason.startsWith('stop-loss of "entry long'));
    const targets = exits.filter((e) => e.reason.startsWith('take-profit of "entry long'));
    expect(stops.length).toBeGreaterThan(0);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of outcome.trades) {
      const exit = exits.find((e) => e.f.timestamp === t.exitTime);
      if (exit?.reason.startsWith('stop-loss')) expect(t.exitPrice).toBeLessThanOrEqual(signalClose(t.entryTime) * 0.98 + 1e-9);
      if (exit?.reason.startsWith('take-profit')) expect(t.exitPrice).toBeGreaterThanOrEqual(signalClose(t.entryTime) * 1.04 * (1 - 2 / 10_000) - 1e-9);
    }
  });

  it('Monte Carlo: a reshuffle keeps the compounded final equity on every path; paths × bars above maxPathCells switches the block bootstrap to 3-bar steps', async () => {
    const config = BacktestConfigSchema.parse({ strategy: { fast: 10, slow: 30 }, monteCarlo: { paths: 200, maxPathCells: 300_000 } });
    const outcome = await runStrategyBacktest(config, btc);
    const mc = outcome.monteCarlo;
    if (mc === null) throw new Error('Monte Carlo expected');
    // Order does not change a product: every reshuffled path ends at 10 000 × Π(1 + r_trade).
    const compounded = mc.tradeReturns.reduce((e, r) => e * (1 + r), 10_000);
    expect(mc.reshuffle?.finalEquity.p5).toBeCloseTo(compounded, 6);
    expect(mc.reshuffle?.finalEquity.p95).toBeCloseTo(compounded, 6);
    // 200 × 3999 bar returns > 300 000 cells → k = ceil(200 × 3999 / 300 000) = 3, steps = ceil(3999 / 3) = 1333.
    expect([mc.barsPerStep, mc.blockBootstrap.steps, mc.blockBootstrap.paths]).toEqual([3, 1333, 200]);
  });

  it('is deterministic: the same config and seed give the same fingerprint; another seed of the synthetic market does not', async () => {
    const run = async (seed: number): Promise<string> => {
      const config = BacktestConfigSchema.parse({ seed, data: { syntheticBars: 2000 }, monteCarlo: { paths: 50 } });
      const data = await loadMarketData({ source: 'synthetic', syntheticBars: 2000, seed });
      return (await runStrategyBacktest(config, data)).fingerprint;
    };
    const first = await run(42);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(await run(42)).toBe(first);
    expect(await run(43)).not.toBe(first);
  });

  it("detail 'trial' leaves out only the monthly table, the fill reasons and the fingerprint (trades, fills, equity and metrics unchanged)", async () => {
    const config = BacktestConfigSchema.parse({ data: { syntheticBars: 2000 }, stops: { stopLossPct: 0.03 }, monteCarlo: { paths: 0 } });
    const data = await loadMarketData({ source: 'synthetic', syntheticBars: 2000, seed: 5 });
    const full = await runStrategyBacktest(config, data);
    const lean = await runStrategyBacktest(config, data, undefined, { detail: 'trial' });
    expect(full.monthlyReturns.length > 0 && full.fillReasons.length > 0).toBe(true);
    expect([lean.monthlyReturns, lean.fillReasons, lean.fingerprint]).toEqual([[], [], '']);
    expect({ ...lean, monthlyReturns: full.monthlyReturns, fillReasons: full.fillReasons, fingerprint: full.fingerprint }).toEqual(full);
  });

  it('closes a position still open at the end with a fill at the last close, fees paid, when endOfData is close', async () => {
    const base = { strategy: { fast: 10, slow: 30 }, monteCarlo: { paths: 0 } } satisfies BacktestConfigInput;
    // Find a cut where the position is open at the end: marked, it is an open position, not a trade.
    let data = btc;
    let marked = await runStrategyBacktest(BacktestConfigSchema.parse(base), data);
    for (let cut = COUNT; marked.openPosition === null && cut > COUNT - 500; cut -= 10) {
      const [header, ...body] = readFileSync(join(dir, 'btc.csv'), 'utf8').trim().split('\n');
      writeFileSync(join(dir, 'cut.csv'), `${header}\n${body.slice(0, cut).join('\n')}\n`);
      data = await loadMarketData({ source: join(dir, 'cut.csv'), syntheticBars: 0, seed: 0 });
      marked = await runStrategyBacktest(BacktestConfigSchema.parse(base), data);
    }
    const open = marked.openPosition;
    if (open === null) throw new Error('no cut of the slice ends with an open position');
    const closed = await runStrategyBacktest(BacktestConfigSchema.parse({ ...base, endOfData: 'close' }), data);
    const n = data.series.length;
    const lastClose = data.series.close[n - 1] as number;
    const fee = open.quantity * lastClose * 0.001;
    expect(closed.openPosition).toBeNull();
    expect(closed.trades.length).toBe(marked.trades.length + 1);
    const last = closed.trades[closed.trades.length - 1];
    expect(last?.exitPrice).toBe(lastClose);
    expect(last?.quantity).toBeCloseTo(open.quantity, 12);
    // Final equity: the marked equity (cash + quantity × last close) minus the closing fee.
    expect(closed.metrics.finalEquity).toBeCloseTo(marked.metrics.finalEquity - fee, 8);
  });
});
