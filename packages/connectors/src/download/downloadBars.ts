import { BarSeries, timeframeToMs } from '@ares/features';
import type { Clock, Progress, ProgressOptions } from '@ares/pipeline-kit';
import { createProgress, LiveClock } from '@ares/pipeline-kit';
import { ConnectorOptionError, checkPositive } from '../ccxt/ConnectorOptionError.js';
import type { MarketDataFeed } from '../feed/MarketDataFeed.js';

/** The part of a bar store the downloader needs (`BarStore` is one); sync or async. */
export interface DownloadStore {
  /** Appends bars, dropping any whose timestamp the store already holds. */
  append(symbol: string, timeframe: string, series: BarSeries): unknown;
  read(symbol: string, timeframe: string, range?: { since?: number; until?: number }): BarSeries | Promise<BarSeries>;
  /** Open time of the last stored bar, or undefined when there is none. */
  lastTimestamp(symbol: string, timeframe: string): number | undefined | Promise<number | undefined>;
}

export interface DownloadBarsOptions {
  readonly feed: MarketDataFeed;
  readonly store: DownloadStore;
  readonly symbol: string;
  readonly timeframe: string;
  /** First bar open time wanted, epoch ms. */
  readonly since: number;
  /** End of the range (exclusive), epoch ms. */
  readonly until: number;
  /** Bars per page; each page is stored before the next is fetched. Default 1000. */
  readonly pageBars?: number;
  /** Stops between pages (the pages already stored stay). */
  readonly signal?: AbortSignal;
  /** Progress output (label and total are set here), or false for none. Default: a bar or log lines on stderr. */
  readonly progress?: Omit<ProgressOptions, 'label' | 'total'> | false;
  /** Time for progress rates. Default a LiveClock. */
  readonly clock?: Clock;
}

/** Missing bars between two stored bars. */
export interface BarGap {
  /** Open time of the first missing bar. */
  readonly from: number;
  /** Open time of the last missing bar. */
  readonly to: number;
  readonly missingBars: number;
}

export interface DownloadReport {
  readonly symbol: string;
  readonly timeframe: string;
  /** Where this run started: `since`, or one bar after what the store already held. */
  readonly resumedFrom: number;
  /** Bars fetched by this run. */
  readonly fetchedBars: number;
  readonly pages: number;
  /** Bars in the store within `[since, until)` afterwards. */
  readonly storedBars: number;
  /** Holes between consecutive stored bars within `[since, until)`, in time order. */
  readonly gaps: readonly BarGap[];
}

/**
 * Downloads bars page by page from a feed into a store. Each page is appended before the next is
 * fetched, so an interruption (abort, crash, kill) loses at most the page in flight; a new run
 * resumes one bar after the store's last timestamp. The store drops bars it already holds.
 * Finally the stored range is checked against the timeframe and every gap is reported.
 *
 * @throws the signal's reason when aborted; ExchangeError from the feed once its retries are spent.
 */
export async function downloadBars(options: DownloadBarsOptions): Promise<DownloadReport> {
  const { feed, store, symbol, timeframe, since, until, signal } = options;
  const timeframeMs = timeframeToMs(timeframe);
  const pageBars = checkPositive('pageBars', options.pageBars ?? 1_000, true);
  if (!(Number.isFinite(since) && Number.isFinite(until) && since < until))
    throw new ConnectorOptionError({ argument: 'until', message: `Invalid "until": expected a finite time after "since" (${since}), received "${until}".` });
  const stored = await store.lastTimestamp(symbol, timeframe);
  const resumedFrom = stored === undefined || stored < since ? since : stored + timeframeMs;
  const progress = startProgress(options, Math.max(0, Math.ceil((until - resumedFrom) / timeframeMs)));
  let fetchedBars = 0;
  let pages = 0;
  try {
    for (let cursor = resumedFrom; cursor < until; ) {
      signal?.throwIfAborted();
      const pageEnd = Math.min(until, cursor + pageBars * timeframeMs);
      const page = await feed.fetchBars(symbol, timeframe, cursor, pageEnd);
      signal?.throwIfAborted();
      if (page.length > 0) await store.append(symbol, timeframe, page);
      fetchedBars += page.length;
      pages += 1;
      progress?.update(Math.round((pageEnd - resumedFrom) / timeframeMs));
      cursor = pageEnd;
    }
  } finally {
    progress?.stop();
  }
  // A store that never received a bar may have nothing to read.
  const series = (await store.lastTimestamp(symbol, timeframe)) === undefined ? new BarSeries(0) : await store.read(symbol, timeframe, { since, until });
  return { symbol, timeframe, resumedFrom, fetchedBars, pages, storedBars: series.length, gaps: findGaps(series.timestamp, timeframeMs) };
}

/** Runs of missing bars between consecutive timestamps (ascending, on the timeframe's grid). */
export function findGaps(timestamps: Float64Array, timeframeMs: number): BarGap[] {
  const gaps: BarGap[] = [];
  for (let i = 1; i < timestamps.length; i++) {
    const previous = timestamps[i - 1] as number;
    const current = timestamps[i] as number;
    const missingBars = Math.round((current - previous) / timeframeMs) - 1;
    if (missingBars > 0) gaps.push({ from: previous + timeframeMs, to: current - timeframeMs, missingBars });
  }
  return gaps;
}

function startProgress(options: DownloadBarsOptions, total: number): Progress | undefined {
  if (options.progress === false) return undefined;
  return createProgress({ clock: options.clock ?? new LiveClock(), ...options.progress, label: `download ${options.symbol} ${options.timeframe}`, total });
}
