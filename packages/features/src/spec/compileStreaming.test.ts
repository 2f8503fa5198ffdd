import { describe, expect, it } from '@jest/globals';
import { btcHourly, type Columns, firstDifference, randomBars } from '../indicators/__fixtures__/series.js';
import { compileBatch } from './compileBatch.js';
import { compileStreaming } from './compileStreaming.js';
import { DEFAULT_FEATURE_SPEC } from './defaultFeatureSpec.js';
import { FeatureSpecError } from './FeatureSpecError.js';
import { INDICATOR_REGISTRY } from './indicatorRegistry.js';
import type { FeatureSpecInput } from './FeatureSpecSchema.js';

/** Streams every bar and returns the rows as one row-major matrix plus the ready flags. */
function streamAll(spec: FeatureSpecInput, columns: Columns, from = 0, vector = compileStreaming(spec)) {
  const n = columns.close.length;
  const width = vector.columns.length;
  const values = new Float64Array(n * width).fill(Number.NaN);
  const ready: boolean[] = [];
  const bar = { open: 0, high: 0, low: 0, close: 0, volume: 0 };
  for (let i = from; i < n; i++) {
    bar.open = columns.open[i] as number;
    bar.high = columns.high[i] as number;
    bar.low = columns.low[i] as number;
    bar.close = columns.close[i] as number;
    bar.volume = columns.volume[i] as number;
    ready[i] = vector.update(bar);
    values.set(vector.values, i * width);
  }
  return { values, ready, vector };
}

describe('compileStreaming', () => {
  it.each(Object.entries(INDICATOR_REGISTRY).filter(([, entry]) => entry.outputs.length === 0))(
    'can read %s from `value`: every one-output indicator of the registry is numeric (NaN until warm)',
    (_name, entry) => {
      const indicator = entry.create(entry.params.parse({})) as unknown as { value: unknown };
      expect(Number.isNaN(indicator.value)).toBe(true);
    },
  );


  it('equals compileBatch bitwise on the default spec over the whole BTC/USDT hourly file', () => {
    const columns = btcHourly();
    const batch = compileBatch(DEFAULT_FEATURE_SPEC)(columns);
    const streamed = streamAll(DEFAULT_FEATURE_SPEC, columns);
    expect(streamed.vector.columns).toEqual(batch.columns);
    expect(batch.rows).toBe(columns.close.length);
    expect(firstDifference(streamed.values, batch.values)).toBe(-1);
  });

  it('emits only the visible features with hidden ones among them, equal to compileBatch bitwise', () => {
    const spec: FeatureSpecInput = {
      version: 1,
      features: [
        { name: 'sma_5', indicator: 'sma', params: { period: 5 }, hidden: true },
        { name: 'rsi', indicator: 'rsi', params: { period: 14 } },
        { name: 'sma_20', indicator: 'sma', params: { period: 20 }, hidden: true },
        { name: 'cross', transform: 'crossover', a: 'sma_5', b: 'sma_20' },
        { name: 'gap', transform: 'relative', a: 'close', b: 'sma_20' },
      ],
    };
    const columns = randomBars(3000, 21);
    const batch = compileBatch(spec)(columns);
    const streamed = streamAll(spec, columns);
    expect(streamed.vector.columns).toEqual(['rsi', 'cross', 'gap']);
    expect(firstDifference(streamed.values, batch.values)).toBe(-1);
  });

  it('reports ready from row firstReadyRow on, where every value is finite, and not before', () => {
    const columns = btcHourly();
    const batch = compileBatch(DEFAULT_FEATURE_SPEC)(columns);
    const { ready } = streamAll(DEFAULT_FEATURE_SPEC, columns.close.length > 0 ? sliceColumns(columns, 0, 400) : columns);
    expect(ready.indexOf(true)).toBe(batch.firstReadyRow);
    const width = batch.columns.length;
    const notFinite = batch.values.subarray(batch.firstReadyRow * width).findIndex((v) => !Number.isFinite(v));
    expect(notFinite).toBe(-1);
    // the row before has at least one NaN: the warm-up is not overstated
    const before = batch.values.subarray((batch.firstReadyRow - 1) * width, batch.firstReadyRow * width);
    expect(before.some(Number.isNaN)).toBe(true);
  });

  it('restores a JSON checkpoint mid-stream (also mid warm-up) with identical subsequent rows', () => {
    const columns = randomBars(1500, 21);
    const whole = streamAll(DEFAULT_FEATURE_SPEC, columns).values;
    for (const cut of [30, 800]) {
      const first = compileStreaming(DEFAULT_FEATURE_SPEC);
      streamAll(DEFAULT_FEATURE_SPEC, sliceColumns(columns, 0, cut), 0, first);
      const second = compileStreaming(DEFAULT_FEATURE_SPEC);
      second.restore(JSON.parse(JSON.stringify(first.getState())));
      const resumed = streamAll(DEFAULT_FEATURE_SPEC, columns, cut, second).values;
      const width = first.columns.length;
      expect(firstDifference(resumed.subarray(cut * width), whole.subarray(cut * width))).toBe(-1);
    }
  });

  it('reset starts over: same rows as a fresh pipeline', () => {
    const columns = randomBars(300, 22);
    const vector = compileStreaming(DEFAULT_FEATURE_SPEC);
    streamAll(DEFAULT_FEATURE_SPEC, columns, 0, vector);
    vector.reset();
    const again = streamAll(DEFAULT_FEATURE_SPEC, columns, 0, vector);
    expect(firstDifference(again.values, streamAll(DEFAULT_FEATURE_SPEC, columns).values)).toBe(-1);
    expect(again.ready[0]).toBe(false);
  });

  it('refuses a state saved by a different spec, naming both hashes', () => {
    const other = compileStreaming({ version: 1, features: [{ name: 'rsi_7', indicator: 'rsi', params: { period: 7 } }] });
    const vector = compileStreaming(DEFAULT_FEATURE_SPEC);
    expect(() => vector.restore(other.getState())).toThrow(FeatureSpecError);
    expect(() => vector.restore(other.getState())).toThrow(other.specHash);
  });
});

function sliceColumns(columns: Columns, from: number, to: number): Columns {
  return {
    open: columns.open.subarray(from, to),
    high: columns.high.subarray(from, to),
    low: columns.low.subarray(from, to),
    close: columns.close.subarray(from, to),
    volume: columns.volume.subarray(from, to),
  };
}
