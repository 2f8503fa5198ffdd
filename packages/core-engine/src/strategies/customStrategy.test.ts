// The "Writing your own strategy" example of the README, verbatim apart from the import path.
import { describe, expect, it } from '@jest/globals';
import { parseFeatureSpec } from '@ares/features';
import { btcBars, makeEngine, makeExchange, SYMBOL } from '../__fixtures__/engineFixtures.js';
import { type BacktestResult, runBacktest, type SignalContext, type SignalDecision, type SignalSource } from '../index.js';

// --- README example start ---
/** Long while the close is above its 50-bar SMA, flat below. */
class AboveSmaStrategy implements SignalSource {
  readonly kind = 'rule';
  readonly id = 'above-sma(50)';
  // What the engine computes for us each bar, in this column order.
  readonly featureSpec = parseFeatureSpec({
    version: 1,
    features: [
      { name: 'sma50', indicator: 'sma', params: { period: 50 } },
      { name: 'distance', transform: 'relative', a: 'close', b: 'sma50' }, // close / sma50 − 1
    ],
  });
  // One decision object, reused: decide() runs on every bar and should not allocate.
  readonly #decision: SignalDecision = { target: null, probability: undefined, reason: '' };

  decide(context: SignalContext): SignalDecision {
    const above = (context.features[1] as number) > 0;
    this.#decision.target = above ? 1 : 0;
    this.#decision.reason = above ? 'close above SMA(50)' : 'close below SMA(50)';
    return this.#decision;
  }

  reset(): void {}
}
// --- README example end ---

describe('the README custom strategy example', () => {
  it('trades BTC 1h exactly where the close crosses a hand-computed SMA(50)', () => {
    const series = btcBars(2000);
    const engine = makeEngine(new AboveSmaStrategy());
    const result = runBacktest({ engine, series, exchange: makeExchange(), symbol: SYMBOL }) as BacktestResult;
    const close = series.close;
    const expected: { bar: number; side: string }[] = [];
    let long = false;
    for (let i = 49; i < close.length; i++) {
      let sum = 0;
      for (let k = i - 49; k <= i; k++) sum += close[k] as number;
      const above = (close[i] as number) > sum / 50;
      if (above !== long) expected.push({ bar: i, side: above ? 'buy' : 'sell' });
      long = above;
    }
    expect(expected.length).toBeGreaterThan(50);
    const actual = result.orders.map((o) => ({ bar: series.timestamp.indexOf(Number(o.intent.clientOrderId.split('-')[1])), side: o.intent.side }));
    expect(actual).toEqual(expected);
    expect(result.decisions.every((d) => d.signalId === 'above-sma(50)')).toBe(true);
  });
});
