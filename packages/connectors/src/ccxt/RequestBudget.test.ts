import { describe, expect, it } from '@jest/globals';
import { SimClock } from '@ares/pipeline-kit';
import { ConnectorOptionError } from './ConnectorOptionError.js';
import { RequestBudget } from './RequestBudget.js';

/** Lets pending promise callbacks run. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('RequestBudget', () => {
  it('lets a burst of `capacity` through, then one request per 1 / refillPerSecond, in call order', async () => {
    const clock = new SimClock(0);
    const budget = new RequestBudget({ capacity: 2, refillPerSecond: 4 }, clock);
    const done: number[] = [];
    const takes = [1, 2, 3, 4].map((n) => budget.take().then(() => done.push(n)));
    await flush();
    expect(done).toEqual([1, 2]);
    // One token per 250 ms.
    clock.advanceTo(249);
    await flush();
    expect(done).toEqual([1, 2]);
    clock.advanceTo(250);
    await flush();
    await flush();
    expect(done).toEqual([1, 2, 3]);
    clock.advanceTo(500);
    await Promise.all(takes);
    expect(done).toEqual([1, 2, 3, 4]);
  });

  it('refills up to capacity only', async () => {
    const clock = new SimClock(0);
    const budget = new RequestBudget({ capacity: 3, refillPerSecond: 10 }, clock);
    await budget.take();
    clock.advanceTo(60_000);
    expect(budget.available).toBe(3);
  });

  it('rejects a waiting take when its signal aborts', async () => {
    const clock = new SimClock(0);
    const budget = new RequestBudget({ capacity: 1, refillPerSecond: 1 }, clock);
    await budget.take();
    const controller = new AbortController();
    const waiting = budget.take(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });

  it.each([
    [{ capacity: 0, refillPerSecond: 1 }, 'requestBudget.capacity'],
    [{ capacity: 1, refillPerSecond: Number.NaN }, 'requestBudget.refillPerSecond'],
  ])('rejects %j naming %s', (options, argument) => {
    expect(argumentOf(() => new RequestBudget(options, new SimClock(0)))).toBe(argument);
  });
});

/** The `argument` of the ConnectorOptionError that `fn` throws, or "no ConnectorOptionError". */
function argumentOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (ConnectorOptionError.isInstance(error)) return error.argument;
  }
  return 'no ConnectorOptionError';
}
