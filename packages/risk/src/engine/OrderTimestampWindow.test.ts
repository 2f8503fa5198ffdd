import { describe, expect, it } from '@jest/globals';
import { NOON, snapshot } from '../__fixtures__/snapshot.js';
import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { seededRandom } from '../__fixtures__/seededRandom.js';
import { createRiskEngine } from './createRiskEngine.js';
import { OrderTimestampWindow } from './OrderTimestampWindow.js';

/** The reference: a plain count over every time ever recorded. */
function bruteCount(times: readonly number[], from: number, to: number): number {
  return times.filter((t) => t > from && t <= to).length;
}

describe('OrderTimestampWindow', () => {
  it('counts the times in (from, to] like a plain count over every time, over a random order flow', () => {
    const random = seededRandom(7);
    const window = new OrderTimestampWindow();
    const all: number[] = [];
    let now = 0;
    for (let step = 0; step < 5_000; step++) {
      now += Math.floor(random() * 300);
      if (random() < 0.6) {
        window.record(now);
        all.push(now);
      }
      expect(window.countInWindow(now - 1_000, now)).toBe(bruteCount(all, now - 1_000, now));
    }
  });

  it('keeps only the times inside the window: 100 000 orders 1 ms apart, a 50 ms window, never more than 64 slots', () => {
    const window = new OrderTimestampWindow();
    for (let t = 1; t <= 100_000; t++) {
      window.record(t);
      window.countInWindow(t - 50, t);
    }
    expect(window.length).toBe(50);
    expect(window.capacity).toBe(64);
    expect(window.toArray()).toEqual(Array.from({ length: 50 }, (_, k) => 99_951 + k));
  });

  it('does not count times recorded after the asked time', () => {
    const window = new OrderTimestampWindow();
    for (const t of [10, 20, 30]) window.record(t);
    expect(window.countInWindow(0, 25)).toBe(2);
    expect(window.countInWindow(15, 30)).toBe(2);
  });

  it.each([
    ['a time before the newest', 5],
    ['NaN', Number.NaN],
  ])('rejects %s', (_, time) => {
    const window = new OrderTimestampWindow();
    window.record(10);
    expect(() => window.record(time)).toThrow(InvalidArgumentError);
    expect(() => window.record(time)).toThrow('Invalid "time": expected a finite time >= the newest recorded time (10)');
  });

  it('clear() forgets every time', () => {
    const window = new OrderTimestampWindow();
    window.record(1);
    window.clear();
    expect(window.length).toBe(0);
    expect(window.countInWindow(0, 2)).toBe(0);
  });
});

describe('createRiskEngine with an OrderTimestampWindow', () => {
  it.each([
    [3, 3, ['order-rate']],
    [3, 2, []],
    [1_000_000, 3, []],
  ])('with maxOrdersPerWindow %d and %d orders in the last second, denies with %j', (max, inWindow, reasons) => {
    const window = new OrderTimestampWindow();
    window.record(NOON - 5_000); // outside the 1 s window
    for (let k = inWindow - 1; k >= 0; k--) window.record(NOON - k * 100);
    const engine = createRiskEngine({ limits: { maxOrdersPerWindow: max } });
    expect(engine.evaluate(snapshot({ recentOrderTimestamps: window }), { side: 'buy', intent: 'entry', price: 100 }).reasons).toEqual(reasons);
  });

  it('checks a limit of 1 000 000 with the same work as a limit of 10: it reads the window once and keeps only the orders inside it', () => {
    const kept = (max: number): { calls: number; length: number } => {
      const window = new OrderTimestampWindow();
      const engine = createRiskEngine({ limits: { maxOrdersPerWindow: max } });
      let calls = 0;
      const counting = window.countInWindow.bind(window);
      window.countInWindow = (from, to) => {
        calls++;
        return counting(from, to);
      };
      // One order per minute for a day, each checked first at its own time.
      for (let k = 0; k < 1_440; k++) {
        const time = NOON + k * 60_000;
        engine.evaluate(snapshot({ timestamp: time, recentOrderTimestamps: window }), { side: 'buy', intent: 'entry', price: 100 });
        window.record(time);
      }
      return { calls, length: window.length };
    };
    expect(kept(1_000_000)).toEqual(kept(10));
    expect(kept(1_000_000)).toEqual({ calls: 1_440, length: 1 });
  });
});
