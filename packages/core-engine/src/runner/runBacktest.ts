import type { Fill, SimulatedExchange } from '@ares/connectors';
import type { BarSeries } from '@ares/features';
import { BarBuffer } from '../engine/BarBuffer.js';
import type { TickResult } from '../engine/TickResult.js';
import { type TradingEngine, tickSteps } from '../engine/TradingEngine.js';
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

/**
 * Replays `series` through the engine as fast as possible, in simulated time taken from the bars.
 * Per bar: the exchange matches resting orders (orders decided at the previous close fill at this
 * bar's open; SL/TP against its high/low) → fills go to `engine.onFill` → `engine.processTick(bar)`
 * at the close → the intent goes to `exchange.submit(intent, barClose)`. Synchronous when the signal
 * source is; a promise when it awaits inference. The engine's cash and position start from the
 * exchange's balances; stage timing is off during the run.
 */
export function runBacktest(options: BacktestOptions): BacktestResult | Promise<BacktestResult> {
  const { engine, exchange, symbol } = options;
  const quote = exchange.marketInfo(symbol).quote;
  const cash = exchange.balances().find((b) => b.asset === quote)?.total ?? 0;
  const position = exchange.position(symbol);
  engine.syncPortfolio({ cash, position: position.quantity, averageEntryPrice: position.averageEntryPrice });
  return new BacktestLoop(options).run(0);
}

/**
 * One backtest's loop state. A class rather than closures inside `runBacktest`: its methods are the
 * same functions in every run, so V8 keeps their optimized code and call sites stay monomorphic.
 */
class BacktestLoop {
  readonly #engine: TradingEngine;
  readonly #exchange: SimulatedExchange;
  readonly #symbol: string;
  readonly #onProgress: ((done: number, total: number) => void) | undefined;
  readonly #timestamp: Float64Array;
  readonly #open: Float64Array;
  readonly #high: Float64Array;
  readonly #low: Float64Array;
  readonly #close: Float64Array;
  readonly #volume: Float64Array;
  readonly #n: number;
  readonly #progressStep: number;
  readonly #timeframeMs: number;
  readonly #measure: boolean;
  /** The bar handed to the engine and the exchange, overwritten for each bar. */
  readonly #bar = new BarBuffer();
  readonly #equity: Float64Array;
  readonly #decisions: DecisionRecord[] = [];
  readonly #orders: SubmittedOrder[] = [];
  readonly #fills: Fill[] = [];
  /** A tick awaiting its signal source, where `#loop` stopped. */
  #pending: Promise<TickResult> | null = null;

  constructor(options: BacktestOptions) {
    const { engine, series } = options;
    this.#engine = engine;
    this.#exchange = options.exchange;
    this.#symbol = options.symbol;
    this.#onProgress = options.onProgress;
    this.#timestamp = series.timestamp;
    this.#open = series.open;
    this.#high = series.high;
    this.#low = series.low;
    this.#close = series.close;
    this.#volume = series.volume;
    this.#n = series.length;
    this.#progressStep = Math.max(1, Math.floor(this.#n / 100));
    this.#timeframeMs = engine.timeframeMs;
    this.#equity = new Float64Array(this.#n);
    this.#measure = engine.measureStages;
    engine.measureStages = false;
  }

  run(from: number): BacktestResult | Promise<BacktestResult> {
    const stop = this.#loop(from);
    const pending = this.#pending;
    if (pending !== null) {
      this.#pending = null;
      return this.#resume(pending, stop);
    }
    this.#engine.measureStages = this.#measure;
    return { bars: this.#n, decisions: this.#decisions, orders: this.#orders, fills: this.#fills, equity: this.#equity, finalState: this.#engine.getState() };
  }

  /**
   * Runs bars from `from` until the end or a tick that awaits its signal (left in `#pending`); returns
   * the index it stopped at. Nothing but `return` follows the loop: code after a hot loop has no type
   * feedback on the first run, and V8 would throw the loop's optimized code away when it reached it.
   */
  #loop(from: number): number {
    const { begin, rest } = tickSteps;
    const engine = this.#engine;
    const bar = this.#bar;
    const timestamp = this.#timestamp;
    const open = this.#open;
    const high = this.#high;
    const low = this.#low;
    const close = this.#close;
    const volume = this.#volume;
    const n = this.#n;
    for (let i = from; i < n; i++) {
      bar.timestamp = timestamp[i] as number;
      bar.open = open[i] as number;
      bar.high = high[i] as number;
      bar.low = low[i] as number;
      bar.close = close[i] as number;
      bar.volume = volume[i] as number;
      // The engine validates the bar once; a bar it rejects never reaches the exchange (NaN prices, disorder).
      const rejected = begin(engine, bar);
      let tick: TickResult | Promise<TickResult>;
      if (rejected !== null) tick = rejected;
      else {
        this.#matchOrders();
        tick = rest(engine, bar);
      }
      if (tick instanceof Promise) {
        this.#pending = tick;
        return i;
      }
      this.#afterTick(i, tick);
    }
    return n;
  }

  /** Orders decided at the previous close fill at this bar's open, stops against its range; fills go to the engine. */
  #matchOrders(): void {
    const barFills = this.#exchange.processBar(this.#symbol, this.#bar);
    for (let f = 0; f < barFills.length; f++) {
      const fill = barFills[f] as Fill;
      this.#engine.onFill(fill);
      this.#fills.push(fill);
    }
  }

  async #resume(tick: Promise<TickResult>, i: number): Promise<BacktestResult> {
    this.#afterTick(i, await tick);
    return this.run(i + 1);
  }

  #afterTick(i: number, tick: TickResult): void {
    recordDecision(this.#decisions, tick);
    const intent = tick.intent;
    if (intent !== null) {
      const sentAt = this.#bar.timestamp + this.#timeframeMs;
      try {
        const order = this.#exchange.submit(intent, sentAt);
        this.#orders.push({ intent, sentAt, status: 'accepted', orderId: order.id, error: null });
      } catch (error) {
        this.#orders.push({ intent, sentAt, status: 'rejected', orderId: null, error: errorMessage(error) });
      }
    }
    tickSteps.writeEquity(this.#engine, this.#equity, i);
    const done = i + 1;
    if (this.#onProgress !== undefined && (done % this.#progressStep === 0 || done === this.#n)) this.#onProgress(done, this.#n);
  }
}
