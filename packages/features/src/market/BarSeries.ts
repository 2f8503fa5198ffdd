import type { Bar, BarColumn } from './Bar.js';
import { BAR_COLUMNS } from './Bar.js';
import { BarSeriesError } from './BarSeriesError.js';

/** One column per OHLCV field, as `fromColumns` takes them. */
export type BarColumns<T = Float64Array | readonly number[]> = Record<BarColumn, T>;

const MIN_CAPACITY = 16;

/**
 * A columnar OHLCV series: one `Float64Array` per column, growable for live appends.
 *
 * - Column getters return `subarray` views of exactly `length` elements: no copy, so writing into
 *   them writes into the series. A view taken before an `append` that grows the buffers keeps
 *   pointing at the old buffer; take a fresh view after appending.
 * - `append` enforces strictly increasing timestamps. `fromRows`, `fromColumns` and the CSV reader
 *   keep the data as given (use `validateSeries` to find duplicates and disorder).
 * - `slice` is a view sharing the parent's buffers; appending to a slice first copies it, so a
 *   slice never writes into its parent.
 */
export class BarSeries {
  #timestamp: Float64Array;
  #open: Float64Array;
  #high: Float64Array;
  #low: Float64Array;
  #close: Float64Array;
  #volume: Float64Array;
  #length = 0;

  /** An empty series with room for `capacity` bars before its buffers grow. */
  constructor(capacity = MIN_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new BarSeriesError({
        argument: 'capacity',
        message: `Invalid "capacity": expected an integer >= 0, received "${capacity}".`,
      });
    }
    this.#timestamp = new Float64Array(capacity);
    this.#open = new Float64Array(capacity);
    this.#high = new Float64Array(capacity);
    this.#low = new Float64Array(capacity);
    this.#close = new Float64Array(capacity);
    this.#volume = new Float64Array(capacity);
  }

  /** Copies `bars` into a new series (order kept as given). */
  static fromRows(bars: readonly Bar[]): BarSeries {
    const series = new BarSeries(bars.length);
    for (let i = 0; i < bars.length; i++) {
      series.#write(i, bars[i] as Bar);
    }
    series.#length = bars.length;
    return series;
  }

  /** Copies six equally long columns into a new series (order kept as given). */
  static fromColumns(columns: BarColumns): BarSeries {
    const length = columns.timestamp.length;
    for (const name of BAR_COLUMNS) {
      if (columns[name].length !== length) {
        throw new BarSeriesError({
          argument: `columns.${name}`,
          message: `Invalid "columns.${name}": expected ${length} values (the length of "columns.timestamp"), received ${columns[name].length}.`,
        });
      }
    }
    const series = new BarSeries(length);
    series.#timestamp.set(columns.timestamp);
    series.#open.set(columns.open);
    series.#high.set(columns.high);
    series.#low.set(columns.low);
    series.#close.set(columns.close);
    series.#volume.set(columns.volume);
    series.#length = length;
    return series;
  }

  /** Number of bars. */
  get length(): number {
    return this.#length;
  }

  get timestamp(): Float64Array {
    return this.#timestamp.subarray(0, this.#length);
  }
  get open(): Float64Array {
    return this.#open.subarray(0, this.#length);
  }
  get high(): Float64Array {
    return this.#high.subarray(0, this.#length);
  }
  get low(): Float64Array {
    return this.#low.subarray(0, this.#length);
  }
  get close(): Float64Array {
    return this.#close.subarray(0, this.#length);
  }
  get volume(): Float64Array {
    return this.#volume.subarray(0, this.#length);
  }

  /** The view of one column by name (same as the getter of that name). */
  column(name: BarColumn): Float64Array {
    switch (name) {
      case 'timestamp':
        return this.timestamp;
      case 'open':
        return this.open;
      case 'high':
        return this.high;
      case 'low':
        return this.low;
      case 'close':
        return this.close;
      case 'volume':
        return this.volume;
    }
  }

  /** The bar at `index`; a negative index counts from the end, as in `Array.prototype.at`. */
  at(index: number): Bar {
    const i = index < 0 ? this.#length + index : index;
    if (!Number.isInteger(index) || i < 0 || i >= this.#length) {
      throw new BarSeriesError({
        argument: 'index',
        message: `Invalid "index": expected an integer in [${-this.#length}, ${this.#length - 1}], received "${index}".`,
      });
    }
    return {
      timestamp: this.#timestamp[i] as number,
      open: this.#open[i] as number,
      high: this.#high[i] as number,
      low: this.#low[i] as number,
      close: this.#close[i] as number,
      volume: this.#volume[i] as number,
    };
  }

  /**
   * Adds a bar at the end; amortized O(1) (capacity doubles when full). Rejects a timestamp that is
   * not finite or not strictly after the last bar's.
   */
  append(bar: Bar): void {
    const n = this.#length;
    const last = n > 0 ? (this.#timestamp[n - 1] as number) : Number.NEGATIVE_INFINITY;
    if (!(bar.timestamp > last) || !Number.isFinite(bar.timestamp)) {
      throw new BarSeriesError({
        argument: 'bar.timestamp',
        message: `Invalid "bar.timestamp": expected a finite epoch-ms time after the last bar's ${last}, received "${bar.timestamp}".`,
      });
    }
    if (n === this.#timestamp.length) {
      this.#grow(Math.max(MIN_CAPACITY, n * 2));
    }
    this.#write(n, bar);
    this.#length = n + 1;
  }

  /**
   * Bars `[start, end)` as a view sharing this series' buffers (no copy). Bounds follow
   * `Array.prototype.slice`: negative values count from the end, out-of-range values are clamped.
   */
  slice(start = 0, end = this.#length): BarSeries {
    const from = clampIndex(start, this.#length);
    const to = Math.max(from, clampIndex(end, this.#length));
    const view = new BarSeries(0);
    view.#timestamp = this.#timestamp.subarray(from, to);
    view.#open = this.#open.subarray(from, to);
    view.#high = this.#high.subarray(from, to);
    view.#low = this.#low.subarray(from, to);
    view.#close = this.#close.subarray(from, to);
    view.#volume = this.#volume.subarray(from, to);
    view.#length = to - from;
    return view;
  }

  /** Copies the series into plain `Bar` objects. */
  toRows(): Bar[] {
    const rows = new Array<Bar>(this.#length);
    for (let i = 0; i < this.#length; i++) {
      rows[i] = this.at(i);
    }
    return rows;
  }

  #write(i: number, bar: Bar): void {
    this.#timestamp[i] = bar.timestamp;
    this.#open[i] = bar.open;
    this.#high[i] = bar.high;
    this.#low[i] = bar.low;
    this.#close[i] = bar.close;
    this.#volume[i] = bar.volume;
  }

  // Always copies into fresh buffers, so a slice that grows detaches from its parent.
  #grow(capacity: number): void {
    const n = this.#length;
    const copy = (from: Float64Array): Float64Array => {
      const to = new Float64Array(capacity);
      to.set(from.subarray(0, n));
      return to;
    };
    this.#timestamp = copy(this.#timestamp);
    this.#open = copy(this.#open);
    this.#high = copy(this.#high);
    this.#low = copy(this.#low);
    this.#close = copy(this.#close);
    this.#volume = copy(this.#volume);
  }
}

function clampIndex(index: number, length: number): number {
  const i = Math.trunc(index);
  if (Number.isNaN(i)) return 0;
  return i < 0 ? Math.max(0, length + i) : Math.min(i, length);
}
