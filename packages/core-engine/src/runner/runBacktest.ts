import type { Fill, SimulatedExchange } from '@ares/connectors';
import { type Bar, type BarSeries, validateBar } from '@ares/features';
import type { TickResult } from '../engine/TickResult.js';
import type { TradingEngine } from '../engine/TradingEngine.js';
import { type DecisionRecord, errorMessage, type RunResult, recordDecision, type SubmittedOrder } from './RunResult.js';

export interface BacktestOptions {
  readonly engine: TradingEngine;
  /** The bars, in time order. */
  readonly series: BarSeries;
  /** Fills orders with the backtest conventions (fees, slippage, SL/TP on high/low). */
  readonly exchange: SimulatedExchange;
  readonly symbol: string;
  /** Called every 1 % of the bars (and at the end) with bars done and total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BacktestResult extends RunResult {
  /** The engine's equity at each bar's close (cash + position at the close), one value per bar. */
  readonly equity: Float64Array;
}

interface MutableBar {
  timestamp: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/**
 * Replays `series` through the engine as fast as possible, in simulated time taken from the bars.
 * Per bar: the exchange matches resting orders (orders decided at the previous close fill at this
 * bar's open; SL/TP against its high/low) → fills go to `engine.onFill` → `engine.processTick(bar)`
 * at the close → the intent goes to `exchange.submit(intent, barClose)`. Synchronous when the signal
 * source is; a promise when it awaits inference. The engine's cash and position start from the
 * exchange's balances; stage timing is off during the run.
 */
export function runBacktest(options: BacktestOptions): BacktestResult | Promise<BacktestResult> {
  const { engine, series, exchange, symbol, onProgress } = options;
  const n = series.length;
  const timeframeMs = engine.timeframeMs;
  const validation = engine.config.validation.rejectGaps ? { timeframeMs } : undefined;
  const columns = { t: series.timestamp, o: series.open, h: series.high, l: series.low, c: series.close, v: series.volume };
  const bar: MutableBar = { timestamp: 0, open: 0, high: 0, low: 0, close: 0, volume: 0 };
  const previous: MutableBar = { ...bar };
  let hasPrevious = false;
  const equity = new Float64Array(n);
  const decisions: DecisionRecord[] = [];
  const orders: SubmittedOrder[] = [];
  const fills: Fill[] = [];
  const quote = exchange.marketInfo(symbol).quote;
  const cash = exchange.balances().find((b) => b.asset === quote)?.total ?? 0;
  const position = exchange.position(symbol);
  engine.syncPortfolio({ cash, position: position.quantity, averageEntryPrice: position.averageEntryPrice });
  const measure = engine.measureStages;
  engine.measureStages = false;
  const step = Math.max(1, Math.floor(n / 100));

  const afterTick = (i: number, tick: TickResult): void => {
    recordDecision(decisions, tick);
    const intent = tick.intent;
    if (intent !== null) {
      const sentAt = bar.timestamp + timeframeMs;
      try {
        const order = exchange.submit(intent, sentAt);
        orders.push({ intent, sentAt, status: 'accepted', orderId: order.id, error: null });
      } catch (error) {
        orders.push({ intent, sentAt, status: 'rejected', orderId: null, error: errorMessage(error) });
      }
    }
    equity[i] = engine.equity;
    if (onProgress !== undefined && ((i + 1) % step === 0 || i + 1 === n)) onProgress(i + 1, n);
  };

  const finish = (): BacktestResult => {
    engine.measureStages = measure;
    return { bars: n, decisions, orders, fills, equity, finalState: engine.getState() };
  };

  const run = (from: number): BacktestResult | Promise<BacktestResult> => {
    for (let i = from; i < n; i++) {
      bar.timestamp = columns.t[i] as number;
      bar.open = columns.o[i] as number;
      bar.high = columns.h[i] as number;
      bar.low = columns.l[i] as number;
      bar.close = columns.c[i] as number;
      bar.volume = columns.v[i] as number;
      // A bar the engine will reject must not reach the exchange either (NaN prices, disorder).
      const issue = validateBar(bar, hasPrevious ? previous : undefined, validation);
      if (issue === null) {
        copyBar(bar, previous);
        hasPrevious = true;
        const barFills = exchange.processBar(symbol, bar);
        for (let f = 0; f < barFills.length; f++) {
          const fill = barFills[f] as Fill;
          engine.onFill(fill);
          fills.push(fill);
        }
      }
      const tick = engine.processTick(bar);
      if (tick instanceof Promise) {
        return tick.then((t) => {
          afterTick(i, t);
          return run(i + 1);
        });
      }
      afterTick(i, tick);
    }
    return finish();
  };
  return run(0);
}

function copyBar(from: Bar, to: MutableBar): void {
  to.timestamp = from.timestamp;
  to.open = from.open;
  to.high = from.high;
  to.low = from.low;
  to.close = from.close;
  to.volume = from.volume;
}
