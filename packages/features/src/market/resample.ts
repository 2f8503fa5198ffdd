import { BarSeries } from './BarSeries.js';
import { BarSeriesError } from './BarSeriesError.js';
import { InvalidTimeframeError } from './InvalidTimeframeError.js';
import { timeframeToMs } from './timeframe.js';

export interface ResampleOptions {
  /**
   * Drop the last bucket when the source bars in it do not reach its end (the bar is still forming,
   * e.g. a 4h bar holding only 13:00 and 14:00 of 12:00-16:00). Default `false`: it is kept.
   * Only the last bucket is affected; earlier buckets are final even when the source had gaps, and
   * the first bucket may start with fewer source bars when the series starts mid-bucket.
   */
  readonly dropIncomplete?: boolean;
  /**
   * The source timeframe. Default: inferred as the smallest step between consecutive timestamps,
   * which needs at least two bars.
   */
  readonly sourceTimeframe?: string;
}

/**
 * Aggregates a series into a coarser timeframe. Buckets are aligned to multiples of the timeframe
 * since the Unix epoch, in UTC (so `'1d'` buckets start at 00:00 UTC and `'4h'` at 00:00, 04:00,
 * ...), and each bucket becomes one bar: timestamp = bucket start, open = first open, high = max
 * high, low = min low, close = last close, volume = sum of volumes. Buckets without source bars are
 * not created (a gap stays a gap). A NaN in a bucket's input makes that field NaN: validate first.
 *
 * @throws InvalidTimeframeError when the target is finer than the source or not a whole multiple of it.
 * @throws BarSeriesError when timestamps are not strictly increasing.
 */
export function resample(series: BarSeries, timeframe: string, options: ResampleOptions = {}): BarSeries {
  const targetMs = timeframeToMs(timeframe);
  const timestamp = series.timestamp;
  const n = series.length;
  for (let i = 1; i < n; i++) {
    if (!((timestamp[i] as number) > (timestamp[i - 1] as number))) {
      throw new BarSeriesError({
        argument: 'series.timestamp',
        message: `Invalid "series.timestamp": expected strictly increasing times to resample, received ${timestamp[i]} at index ${i} after ${timestamp[i - 1]}.`,
      });
    }
  }
  const sourceMs = sourceTimeframeMs(timestamp, options.sourceTimeframe);
  if (sourceMs !== undefined && (targetMs < sourceMs || targetMs % sourceMs !== 0)) {
    throw new InvalidTimeframeError({
      argument: 'timeframe',
      message: `Invalid "timeframe": expected a whole multiple of the source timeframe (${sourceMs} ms), received "${timeframe}" (${targetMs} ms).`,
    });
  }

  const { open, high, low, close, volume } = series;
  const out = {
    timestamp: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  let k = -1;
  let bucket = Number.NaN;
  for (let i = 0; i < n; i++) {
    const t = timestamp[i] as number;
    const start = Math.floor(t / targetMs) * targetMs;
    if (start !== bucket) {
      bucket = start;
      k++;
      out.timestamp[k] = start;
      out.open[k] = open[i] as number;
      out.high[k] = high[i] as number;
      out.low[k] = low[i] as number;
      out.volume[k] = 0;
    } else {
      out.high[k] = Math.max(out.high[k] as number, high[i] as number);
      out.low[k] = Math.min(out.low[k] as number, low[i] as number);
    }
    out.close[k] = close[i] as number;
    out.volume[k] = (out.volume[k] as number) + (volume[i] as number);
  }
  let count = k + 1;

  if (options.dropIncomplete === true && n > 0) {
    if (sourceMs === undefined) {
      throw new InvalidTimeframeError({
        argument: 'options.sourceTimeframe',
        message: `Invalid "options.sourceTimeframe": expected a timeframe, since "dropIncomplete" cannot infer it from ${n} bar; received "undefined".`,
      });
    }
    const lastCovered = (timestamp[n - 1] as number) + sourceMs;
    if (lastCovered < (out.timestamp[count - 1] as number) + targetMs) count--;
  }

  return BarSeries.fromColumns({
    timestamp: out.timestamp.subarray(0, count),
    open: out.open.subarray(0, count),
    high: out.high.subarray(0, count),
    low: out.low.subarray(0, count),
    close: out.close.subarray(0, count),
    volume: out.volume.subarray(0, count),
  });
}

function sourceTimeframeMs(timestamp: Float64Array, sourceTimeframe: string | undefined): number | undefined {
  if (sourceTimeframe !== undefined) return timeframeToMs(sourceTimeframe, 'options.sourceTimeframe');
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < timestamp.length; i++) {
    const d = (timestamp[i] as number) - (timestamp[i - 1] as number);
    if (d < step) step = d;
  }
  return step === Number.POSITIVE_INFINITY ? undefined : step;
}
