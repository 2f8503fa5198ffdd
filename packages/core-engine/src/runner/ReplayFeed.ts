import type { MarketDataFeed, Ticker } from '@ares/connectors';
import { type Bar, BarSeries, timeframeToMs } from '@ares/features';
import type { SimClock } from '@ares/pipeline-kit';
import { TradingEngineError } from '../engine/TradingEngineError.js';

export interface ReplayFeedOptions {
  /** The clock the replay drives: before each bar is yielded it advances to the bar's close. */
  readonly clock: SimClock;
  /** The one symbol the series is of. */
  readonly symbol: string;
  /** The series' timeframe, e.g. `1h`. */
  readonly timeframe: string;
}

/**
 * A `MarketDataFeed` over a stored `BarSeries`, for tests and offline paper trading: `watchClosedBars`
 * yields each bar as it "closes" on a {@link SimClock} (advanced to open time + timeframe first), so
 * timers and order times follow the data. Bars are yielded as stored, bad ones included: the engine
 * is the one that rejects them.
 */
export class ReplayFeed implements MarketDataFeed {
  readonly name = 'replay';
  readonly #series: BarSeries;
  readonly #clock: SimClock;
  readonly #symbol: string;
  readonly #timeframe: string;
  readonly #timeframeMs: number;
  #last: Bar | undefined;

  constructor(series: BarSeries, options: ReplayFeedOptions) {
    this.#series = series;
    this.#clock = options.clock;
    this.#symbol = options.symbol;
    this.#timeframe = options.timeframe;
    this.#timeframeMs = timeframeToMs(options.timeframe, 'options.timeframe');
  }

  async fetchBars(symbol: string, timeframe: string, since: number, until: number): Promise<BarSeries> {
    this.#check(symbol, timeframe);
    const t = this.#series.timestamp;
    const rows: Bar[] = [];
    for (let i = 0; i < t.length; i++) {
      const time = t[i] as number;
      if (time >= since && time < until && (rows.length === 0 || time > (rows[rows.length - 1] as Bar).timestamp)) rows.push(this.#series.at(i));
    }
    return BarSeries.fromRows(rows);
  }

  async *watchClosedBars(symbol: string, timeframe: string, signal: AbortSignal): AsyncIterable<Bar> {
    this.#check(symbol, timeframe);
    for (let i = 0; i < this.#series.length; i++) {
      if (signal.aborted) return;
      const bar = this.#series.at(i);
      const close = bar.timestamp + this.#timeframeMs;
      // Disordered bars (which the engine rejects) must not move the clock backwards.
      if (close > this.#clock.now()) this.#clock.advanceTo(close);
      this.#last = bar;
      yield bar;
    }
  }

  async fetchTicker(symbol: string): Promise<Ticker> {
    this.#check(symbol, this.#timeframe);
    const last = this.#last;
    if (last === undefined) {
      throw new TradingEngineError({ argument: 'symbol', message: `No ticker for "${symbol}" yet: the replay has not yielded a bar.` });
    }
    return { symbol, timestamp: this.#clock.now(), bid: last.close, ask: last.close, last: last.close };
  }

  #check(symbol: string, timeframe: string): void {
    if (symbol !== this.#symbol || timeframe !== this.#timeframe) {
      throw new TradingEngineError({
        argument: 'symbol',
        message: `Invalid "symbol"/"timeframe": expected "${this.#symbol}" "${this.#timeframe}" (the replayed series), received "${symbol}" "${timeframe}".`,
      });
    }
  }
}
