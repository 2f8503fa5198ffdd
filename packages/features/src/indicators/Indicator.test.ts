// The contract suite (EXAMPLES.md §9): every indicator, streaming == batch bitwise on random and real data,
// checkpoints restore mid-stream, replace == add of the final value, reset, warm-up.
import { describe, expect, it } from '@jest/globals';
import { type CaseInput, crossoverReference, INDICATOR_CASES, type StatefulIndicator } from './__fixtures__/indicatorCases.js';
import { btcHourly, type Columns, firstDifference, randomBars } from './__fixtures__/series.js';
import type { NumericIndicator } from './Indicator.js';
import { NotEnoughDataError } from './NotEnoughDataError.js';
import { UnsupportedOperationError } from './UnsupportedOperationError.js';

/** Builds the input of bar `i`, scaled by `scale` (to make a different, still valid, value for `replace`). */
function inputAt(kind: CaseInput, columns: Columns, pair: Float64Array, i: number, scale = 1): never {
  const close = (columns.close[i] as number) * scale;
  if (kind === 'close') return close as never;
  if (kind === 'pair') return { a: close, b: pair[i] as number } as never;
  return {
    high: (columns.high[i] as number) * scale,
    low: (columns.low[i] as number) * scale,
    close,
    volume: (columns.volume[i] as number) * scale,
  } as never;
}

/** Runs `indicator` over bars [from, to) with `add`, writing each output into `outputs` (NaN while warming up). */
function stream(
  indicator: StatefulIndicator,
  kind: CaseInput,
  fields: readonly string[],
  columns: Columns,
  pair: Float64Array,
  outputs: Float64Array[],
  from: number,
  to: number,
  step: (indicator: StatefulIndicator, i: number) => unknown = (ind, i) => ind.add(inputAt(kind, columns, pair, i)),
): void {
  for (let i = from; i < to; i++) {
    const result = step(indicator, i);
    outputs.forEach((out, k) => {
      const field = fields[k];
      out[i] =
        result === null ? Number.NaN : field === undefined ? (result as number) : (result as Record<string, number>)[field] as number;
    });
  }
}

function run(c: (typeof INDICATOR_CASES)[number], columns: Columns): Float64Array[] {
  const outputs = Array.from({ length: Math.max(1, c.outputs.length) }, () => new Float64Array(columns.close.length));
  stream(c.create(), c.input, c.outputs, columns, crossoverReference(columns), outputs, 0, columns.close.length);
  return outputs;
}

function expectBitwiseEqual(actual: Float64Array[], expected: Float64Array[]): void {
  const mismatches = actual.map((a, k) => firstDifference(a, expected[k] as Float64Array));
  expect(mismatches).toEqual(actual.map(() => -1));
}

const random = [1, 2, 3].map((seed) => [seed, randomBars(3000, seed)] as const);
const cases = INDICATOR_CASES.map((c) => [c.name, c] as const);

describe.each(cases)('%s', (_name, c) => {
  it.each(random)('streaming equals batch bitwise on random series (seed %i)', (_seed, columns) => {
    expectBitwiseEqual(run(c, columns), c.batch(columns));
  });

  it('streaming equals batch bitwise on the 62,482 BTC/USDT hourly bars', () => {
    const columns = btcHourly();
    expectBitwiseEqual(run(c, columns), c.batch(columns));
  });

  it('restores from a JSON checkpoint mid-stream with identical subsequent outputs', () => {
    const columns = randomBars(2000, 7);
    const pair = crossoverReference(columns);
    const expected = run(c, columns);
    const outputs = expected.map(() => new Float64Array(columns.close.length));
    const first = c.create();
    stream(first, c.input, c.outputs, columns, pair, outputs, 0, 1234);
    const restored = c.fromState(JSON.parse(JSON.stringify(first.getState())));
    stream(restored, c.input, c.outputs, columns, pair, outputs, 1234, columns.close.length);
    expectBitwiseEqual(outputs, expected);
  });

  it('restores a still-warming-up checkpoint', () => {
    const columns = randomBars(200, 8);
    const pair = crossoverReference(columns);
    const expected = run(c, columns);
    const outputs = expected.map(() => new Float64Array(columns.close.length));
    const first = c.create();
    const cut = Math.max(0, first.getRequiredInputs() - 2);
    stream(first, c.input, c.outputs, columns, pair, outputs, 0, cut);
    const restored = c.fromState(JSON.parse(JSON.stringify(first.getState())));
    expect(restored.isStable).toBe(first.isStable);
    stream(restored, c.input, c.outputs, columns, pair, outputs, cut, columns.close.length);
    expectBitwiseEqual(outputs, expected);
  });

  if (c.replace) {
    it('replace undoes the last add: add(wrong) then replace(right) equals add(right), also twice in a row', () => {
      const columns = randomBars(1500, 9);
      const pair = crossoverReference(columns);
      const expected = run(c, columns);
      const outputs = expected.map(() => new Float64Array(columns.close.length));
      stream(c.create(), c.input, c.outputs, columns, pair, outputs, 0, columns.close.length, (ind, i) => {
        ind.add(inputAt(c.input, columns, pair, i, 1.01));
        if (i % 3 === 0) ind.replace(inputAt(c.input, columns, pair, i, 0.98));
        return ind.update(inputAt(c.input, columns, pair, i), true);
      });
      expectBitwiseEqual(outputs, expected);
    });

    it('replace before any add acts as add', () => {
      const columns = randomBars(300, 10);
      const pair = crossoverReference(columns);
      const expected = run(c, columns);
      const outputs = expected.map(() => new Float64Array(columns.close.length));
      stream(c.create(), c.input, c.outputs, columns, pair, outputs, 0, columns.close.length, (ind, i) =>
        i === 0 ? ind.replace(inputAt(c.input, columns, pair, i)) : ind.add(inputAt(c.input, columns, pair, i)),
      );
      expectBitwiseEqual(outputs, expected);
    });
  } else {
    it('rejects replace with UnsupportedOperationError', () => {
      const columns = randomBars(50, 11);
      const indicator = c.create();
      indicator.add(inputAt(c.input, columns, columns.close, 0));
      let caught: unknown;
      try {
        indicator.replace(inputAt(c.input, columns, columns.close, 1));
      } catch (error) {
        caught = error;
      }
      expect(UnsupportedOperationError.isInstance(caught)).toBe(true);
    });
  }

  it('after reset gives the same outputs as a fresh instance', () => {
    const columns = randomBars(600, 12);
    const pair = crossoverReference(columns);
    const expected = run(c, columns);
    const indicator = c.create();
    const scratch = expected.map(() => new Float64Array(columns.close.length));
    stream(indicator, c.input, c.outputs, columns, pair, scratch, 0, 400);
    indicator.reset();
    expect(indicator.getResult()).toBeNull();
    const outputs = expected.map(() => new Float64Array(columns.close.length));
    stream(indicator, c.input, c.outputs, columns, pair, outputs, 0, columns.close.length);
    expectBitwiseEqual(outputs, expected);
  });

  it('is null, unstable and throws NotEnoughDataError for exactly getRequiredInputs() − 1 inputs', () => {
    const columns = randomBars(400, 13);
    const pair = crossoverReference(columns);
    const indicator = c.create();
    const required = indicator.getRequiredInputs();
    for (let i = 0; i < required - 1; i++) {
      expect(indicator.add(inputAt(c.input, columns, pair, i))).toBeNull();
    }
    expect(indicator.isStable).toBe(false);
    expect(() => indicator.getResultOrThrow()).toThrow(NotEnoughDataError);
    const first = indicator.add(inputAt(c.input, columns, pair, required - 1));
    expect(first).not.toBeNull();
    expect(indicator.isStable).toBe(true);
    expect(indicator.getResultOrThrow()).toBe(first);
  });
});

describe.each(cases.filter(([, c]) => c.outputs.length === 0))('%s value', (_name, c) => {
  it('equals getResult() (NaN while warming up) after every add, replace, restore and reset', () => {
    const columns = randomBars(500, 14);
    const pair = crossoverReference(columns);
    const expectValue = (indicator: StatefulIndicator): void => {
      const result = indicator.getResult();
      expect(Object.is((indicator as unknown as NumericIndicator<never>).value, result === null ? Number.NaN : result)).toBe(true);
    };
    let indicator = c.create();
    expectValue(indicator);
    for (let i = 0; i < columns.close.length; i++) {
      indicator.add(inputAt(c.input, columns, pair, i));
      expectValue(indicator);
      if (c.replace && i % 7 === 0) {
        indicator.replace(inputAt(c.input, columns, pair, i, 1.02));
        expectValue(indicator);
      }
      if (i === 250) {
        indicator = c.fromState(JSON.parse(JSON.stringify(indicator.getState())));
        expectValue(indicator);
      }
    }
    expect(indicator.isStable).toBe(true);
    indicator.reset();
    expectValue(indicator);
    expect(Number.isNaN((indicator as unknown as NumericIndicator<never>).value)).toBe(true);
  });
});
