import {
  blockBootstrapReturns,
  bootstrapTrades,
  computeMetrics,
  fingerprint,
  type MonteCarloResult,
  monthlyReturns,
  type PerformanceMetrics,
  reshuffleTrades,
  type Trade,
  type YearReturns,
} from '@ares/analytics';
import { type Fill, SimulatedExchange } from '@ares/connectors';
import { runBacktest, type SignalSource, TradingEngine } from '@ares/core-engine';
import type { DeepReadonly } from '@ares/pipeline-kit';
import { createRiskEngine } from '@ares/risk';
import type { BacktestConfig } from '../config/BacktestConfigSchema.js';
import { createSignalSource } from './createSignalSource.js';
import type { MarketData } from './loadMarketData.js';
import { stepReturns } from './stepReturns.js';
import { tradesFromFills } from './tradesFromFills.js';

const DAY_MS = 86_400_000;


/** Monte Carlo of the run: trade-level (reshuffle, bootstrap of per-trade account returns) and bar-level (block bootstrap). */
export interface BacktestMonteCarlo {
  /** Per-trade returns on account equity (pnl / equity at the signal bar's close), compounded along each path. */
  readonly tradeReturns: readonly number[];
  /** Null with fewer than 2 closed trades. */
  readonly reshuffle: MonteCarloResult | null;
  readonly bootstrap: MonteCarloResult | null;
  readonly blockBootstrap: MonteCarloResult;
  /** Bars per step of the block bootstrap: 1 (bar returns) unless paths × bars exceeds `monteCarlo.maxPathCells`. */
  readonly barsPerStep: number;
}

/** A position still open after the last bar (end of data `mark`). */
export interface OpenPosition {
  readonly side: 'long' | 'short';
  readonly quantity: number;
  readonly entryPrice: number;
  readonly entryTime: number;
}

/** Everything a backtest run produced; a pure function of the bars, the config and the seed. */
export interface BacktestOutcome {
  readonly strategyId: string;
  readonly timestamps: Float64Array;
  /** Account equity at each bar's close, quote currency. */
  readonly equity: Float64Array;
  /** Signed position at each bar's close, base units. */
  readonly position: Float64Array;
  readonly fills: readonly Fill[];
  /** Why each fill happened (same order as `fills`): the engine's intent reason, a stop leg, or the end of data. Empty for `detail: 'trial'`. */
  readonly fillReasons: readonly string[];
  readonly trades: readonly Trade[];
  readonly openPosition: OpenPosition | null;
  readonly metrics: PerformanceMetrics;
  /** Empty for `detail: 'trial'`. */
  readonly monthlyReturns: readonly YearReturns[];
  readonly monteCarlo: BacktestMonteCarlo | null;
  /** analytics `fingerprint` over the trades and {@link fingerprintMetrics}; '' for `detail: 'trial'`. */
  readonly fingerprint: string;
}

/** The metrics the fingerprint covers besides the trades. */
export function fingerprintMetrics(m: PerformanceMetrics): object {
  const { finalEquity, totalReturn, cagr, sharpeRatio, sortinoRatio, maxDrawdown, numberOfTrades, feesPaid, exposureTime } = m;
  return { finalEquity, totalReturn, cagr, sharpeRatio, sortinoRatio, maxDrawdown, numberOfTrades, feesPaid, exposureTime };
}

/**
 * Runs the configured strategy (a rule strategy or a registered model, {@link createSignalSource}) over
 * `data` on the simulated venue and measures it. Wiring only: the
 * engine decides at each close, the venue fills at the next open, @ares/analytics measures.
 * Sizing is a fixed fraction of free cash at the signal bar's close; the risk engine's limits are off
 * (maximal) so that the strategy itself is measured.
 */
export async function runStrategyBacktest(
  config: DeepReadonly<BacktestConfig>,
  data: MarketData,
  onProgress?: (done: number, total: number) => void,
  options: BacktestDetail = {},
): Promise<BacktestOutcome> {
  const source = await createSignalSource(config.strategy, data.series);
  try {
    return await backtestWith(source.signal, source.allowShort, config, data, onProgress, options);
  } finally {
    await source.release();
  }
}

/**
 * How much of the outcome to build. `trial` (optimization trials, which only score metrics) leaves
 * `monthlyReturns` and `fillReasons` empty and `fingerprint` '': about a third of a 60 k-bar trial.
 */
export interface BacktestDetail {
  readonly detail?: 'report' | 'trial';
}

/** The backtest proper, with the signal source built. */
async function backtestWith(
  signal: SignalSource,
  allowShort: boolean,
  config: DeepReadonly<BacktestConfig>,
  data: MarketData,
  onProgress: ((done: number, total: number) => void) | undefined,
  options: BacktestDetail,
): Promise<BacktestOutcome> {
  const report = options.detail !== 'trial';
  const { symbol } = config.data;
  const [base = 'BASE', quote = 'QUOTE'] = symbol.split('/');
  const { fee, slippageBps, latencyBars, initialCash } = config.exchange;
  const exchange = new SimulatedExchange({
    markets: [{ symbol, base, quote, makerFee: fee, takerFee: fee }],
    initialBalances: { [quote]: initialCash },
    slippage: slippageBps > 0 ? { kind: 'fixed-bps', bps: slippageBps } : { kind: 'none' },
    latencyBars,
    allowShort,
  });
  const { stopLossPct, takeProfitPct } = config.stops;
  const risk = createRiskEngine({
    // The order-rate limit keeps its default (10 a second): orders are at least one bar apart.
    limits: { maxDrawdown: 1, maxDailyLoss: 1, lossCooldownMs: 0, maxPositionFraction: 1e9, maxLeverage: 1e9 },
    sizing: { method: 'fixed-fraction', fraction: config.sizing.fraction, basis: 'cash' },
    stops: {
      ...(stopLossPct === undefined ? {} : { stopLoss: { type: 'percent', fraction: stopLossPct } }),
      ...(takeProfitPct === undefined ? {} : { takeProfit: { type: 'percent', fraction: takeProfitPct } }),
    },
  });
  const engine = new TradingEngine({ id: 'bt', symbol, timeframe: data.timeframe, measureStages: false }, { signal, risk });
  const { series } = data;
  const result = await runBacktest({ engine, series, exchange, symbol, ...(onProgress === undefined ? {} : { onProgress }) });

  // No copies: the equity curve and the fills are this run's own, and the timestamps a view of the bars.
  const timestamps = series.timestamp;
  const { equity, fills } = result;
  const n = series.length;
  const lastClose = series.close[n - 1] as number;
  const lastTime = (timestamps[n - 1] as number) + data.timeframeMs;
  let book = tradesFromFills(fills);
  const held = book.open;
  if (config.endOfData === 'close' && held !== null) {
    // The closing fill at the last close, fees paid (no slippage: the close is the mark).
    const quantity = held.quantity - held.exitQuantity;
    const closing: Fill = {
      orderId: 'end-of-data',
      clientOrderId: 'end-of-data',
      symbol,
      side: held.side > 0 ? 'sell' : 'buy',
      quantity,
      price: lastClose,
      fee: quantity * lastClose * fee,
      feeCurrency: quote,
      liquidity: 'taker',
      timestamp: lastTime,
    };
    fills.push(closing);
    equity[n - 1] = (equity[n - 1] as number) - closing.fee;
    book = tradesFromFills(fills);
  }
  const { trades, open } = book;
  const intentReasons = report ? new Map(result.orders.map((o) => [o.intent.clientOrderId, o.intent.reason])) : undefined;
  const fillReasons = intentReasons === undefined ? [] : fills.map((f) => fillReason(f.clientOrderId, intentReasons));
  const position = positionPerBar(timestamps, data.timeframeMs, fills);
  const periodsPerYear = (365 * DAY_MS) / data.timeframeMs;
  const metrics = computeMetrics({ timestamps, equity, trades, position }, { periodsPerYear });
  const monteCarlo = config.monteCarlo.paths > 0 ? simulate(config, timestamps, equity, trades) : null;
  return {
    strategyId: signal.id,
    timestamps,
    equity,
    position,
    fills,
    fillReasons,
    trades,
    openPosition:
      open === null
        ? null
        : { side: open.side > 0 ? 'long' : 'short', quantity: open.quantity - open.exitQuantity, entryPrice: open.entryNotional / open.quantity, entryTime: open.entryTime },
    metrics,
    monthlyReturns: report ? monthlyReturns(timestamps, equity) : [],
    monteCarlo,
    fingerprint: report ? fingerprint(trades, fingerprintMetrics(metrics)) : '',
  };
}

const LEG_NAMES: Readonly<Record<string, string>> = { sl: 'stop-loss', tp: 'take-profit' };

/** The intent's reason; a stop leg (`<parent>:sl`, `<parent>:tp`) names its parent's reason. */
function fillReason(clientOrderId: string, intentReasons: ReadonlyMap<string, string>): string {
  if (clientOrderId === 'end-of-data') return 'end of data: closed at the last close';
  const direct = intentReasons.get(clientOrderId);
  if (direct !== undefined) return direct;
  const colon = clientOrderId.lastIndexOf(':');
  const suffix = clientOrderId.slice(colon + 1);
  return `${LEG_NAMES[suffix] ?? suffix} of "${intentReasons.get(clientOrderId.slice(0, colon)) ?? clientOrderId}"`;
}

/** Position after each bar's close: fills up to the bar's end (an open fill at t belongs to the bar opening at t). */
function positionPerBar(timestamps: Float64Array, timeframeMs: number, fills: readonly Fill[]): Float64Array {
  const position = new Float64Array(timestamps.length);
  let held = 0;
  let f = 0;
  for (let i = 0; i < timestamps.length; i++) {
    const end = (timestamps[i] as number) + timeframeMs;
    for (; f < fills.length && (fills[f] as Fill).timestamp < end; f++) {
      const fill = fills[f] as Fill;
      held += fill.side === 'buy' ? fill.quantity : -fill.quantity;
    }
    position[i] = Math.abs(held) < 1e-12 ? 0 : held;
  }
  return position;
}

function simulate(config: DeepReadonly<BacktestConfig>, timestamps: Float64Array, equity: Float64Array, trades: readonly Trade[]): BacktestMonteCarlo {
  const { paths, blockLength, ruinThreshold, drawdownThreshold, maxPathCells } = config.monteCarlo;
  const common = { paths, seed: config.seed, initialEquity: config.exchange.initialCash, ruinThreshold, drawdownThreshold };
  const tradeReturns = trades.map((t) => t.pnl / equityBefore(timestamps, equity, t.entryTime));
  const enough = tradeReturns.length >= 2;
  const barsPerStep = Math.max(1, Math.ceil((paths * (equity.length - 1)) / maxPathCells));
  return {
    tradeReturns,
    reshuffle: enough ? reshuffleTrades(tradeReturns, common) : null,
    bootstrap: enough ? bootstrapTrades(tradeReturns, common) : null,
    blockBootstrap: blockBootstrapReturns(stepReturns(equity, barsPerStep), { ...common, blockLength: Math.max(1, Math.round(blockLength / barsPerStep)) }),
    barsPerStep,
  };
}

/** Equity at the close of the last bar opening before `time` (the signal bar of an entry filled at `time`). */
function equityBefore(timestamps: Float64Array, equity: Float64Array, time: number): number {
  let lo = 0;
  let hi = timestamps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((timestamps[mid] as number) < time) lo = mid;
    else hi = mid - 1;
  }
  return equity[lo] as number;
}
