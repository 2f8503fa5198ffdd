import { describe, expect, it } from '@jest/globals';
import { sleep } from './Clock.js';
import { LiveClock } from './LiveClock.js';
import { SimClock } from './SimClock.js';

describe('SimClock', () => {
  it('fires timers in time order, ties by name, with now() at each due time', () => {
    const clock = new SimClock(1_000);
    const fired: string[] = [];
    clock.setTimer('b', 100, (t) => fired.push(`b@${t}/${clock.now()}`));
    clock.setTimer('a', 100, (t) => fired.push(`a@${t}`));
    clock.setTimeAlert('once', 1_150, (t) => fired.push(`once@${t}`));
    clock.advanceTo(1_250);
    expect(fired).toEqual(['a@1100', 'b@1100/1100', 'once@1150', 'a@1200', 'b@1200/1200']);
    expect(clock.now()).toBe(1_250);
  });

  it('refuses to go backwards and keeps its time', () => {
    const clock = new SimClock(500);
    expect(() => clock.advanceTo(499)).toThrow('SimClock cannot go backwards: now is 500, advanceTo received 499.');
    expect(clock.now()).toBe(500);
  });

  it('cancels timers and fires alerts scheduled by a firing timer within the same advance', () => {
    const clock = new SimClock(0);
    const fired: number[] = [];
    clock.setTimeAlert('first', 10, () => clock.setTimeAlert('second', 20, (t) => fired.push(t)));
    clock.setTimer('never', 5, () => fired.push(-1));
    clock.cancelTimer('never');
    clock.advanceTo(30);
    expect(fired).toEqual([20]);
  });

  it('resolves sleep when advanced past the deadline and rejects on abort', async () => {
    const clock = new SimClock(0);
    let done = false;
    const pending = sleep(clock, 50).then(() => {
      done = true;
    });
    clock.advanceTo(49);
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advanceTo(50);
    await pending;
    expect(done).toBe(true);

    const controller = new AbortController();
    const aborted = sleep(clock, 10, controller.signal);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
  });
});

describe('LiveClock', () => {
  it('reads the wall clock and fires a real alert', async () => {
    const clock = new LiveClock();
    const before = Date.now();
    expect(Math.abs(clock.now() - before)).toBeLessThan(1_000);
    await sleep(clock, 5);
    expect(clock.now()).toBeGreaterThanOrEqual(before + 5);
  });
});
