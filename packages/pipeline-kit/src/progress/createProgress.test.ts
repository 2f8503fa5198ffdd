import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { SimClock } from '../clock/SimClock.js';
import { InvalidOptionError } from '../logging/InvalidOptionError.js';
import { createProgress, type ProgressStream } from './createProgress.js';

function sink(isTTY: boolean): { stream: ProgressStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = isTTY;
  stream.columns = 100;
  return { stream, text: () => chunks.join('') };
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('createProgress without a TTY', () => {
  it('writes a line at most every logIntervalMs of clock time and a final line on stop', () => {
    const clock = new SimClock(0);
    const out = sink(false);
    const progress = createProgress({ label: 'download', total: 1_000, clock, stream: out.stream, logIntervalMs: 10_000 });
    clock.advanceTo(5_000);
    progress.update(100);
    clock.advanceTo(10_000);
    progress.update(200);
    clock.advanceTo(15_000);
    progress.increment(50);
    clock.advanceTo(20_000);
    progress.update(500);
    clock.advanceTo(22_000);
    progress.stop();
    progress.stop();
    progress.update(900);

    expect(jsonLines(out.text())).toEqual([
      // 200 in 10 s = 20/s; 800 left / 20 per s = 40 s.
      { level: 30, time: 10_000, progress: { label: 'download', done: 200, total: 1_000, percent: 20, ratePerSec: 20, etaMs: 40_000 }, msg: 'progress: download 200/1000 (20%)' },
      // 500 in 20 s = 25/s; 500 left / 25 per s = 20 s.
      { level: 30, time: 20_000, progress: { label: 'download', done: 500, total: 1_000, percent: 50, ratePerSec: 25, etaMs: 20_000 }, msg: 'progress: download 500/1000 (50%)' },
      // 500 in 22 s = 22.727/s; 500 left at that rate = 22 s.
      { level: 30, time: 22_000, progress: { label: 'download', done: 500, total: 1_000, percent: 50, ratePerSec: 22.727, etaMs: 22_000 }, msg: 'progress stopped: download 500/1000 (50%)' },
    ]);
  });

  it.each([
    // elapsed ms, done, total -> percent, rate per s, eta ms (by hand: eta = (total - done) / (done / elapsed))
    [4_000, 1, 3, 33.33, 0.25, 8_000],
    [7_000, 1, 3, 33.33, 0.143, 14_000],
    [1_000, 0, 10, 0, 0, null],
    [0, 0, 10, 0, 0, null],
    [3_000, 10, 10, 100, 3.333, 0],
    [2_000, 12, 10, 100, 6, 0],
    [1_000, 0, 0, 100, 0, 0],
  ])('after %p ms with %p of %p done: %p%%, %p/s, ETA %p ms', (elapsed, done, total, percent, ratePerSec, etaMs) => {
    const clock = new SimClock(1_000_000);
    const lines: unknown[] = [];
    const progress = createProgress({ label: 'job', total, clock, logger: { info: (obj) => lines.push(obj) } });
    progress.update(done);
    clock.advanceBy(elapsed);
    progress.stop();
    expect(lines.at(-1)).toEqual({ progress: { label: 'job', done, total, percent, ratePerSec, etaMs } });
  });

  it('writes progress lines through a given logger', () => {
    const clock = new SimClock(0);
    const lines: [unknown, string][] = [];
    const logger = { info: (obj: unknown, msg: string) => lines.push([obj, msg]) };
    const progress = createProgress({ label: 'backtest', total: 4, clock, logger, logIntervalMs: 1 });
    clock.advanceTo(2_000);
    progress.increment();
    expect(lines).toEqual([[{ progress: { label: 'backtest', done: 1, total: 4, percent: 25, ratePerSec: 0.5, etaMs: 6_000 } }, 'progress: backtest 1/4 (25%)']]);
  });

  it('rejects bad options and bad updates', () => {
    expect(() => createProgress({ label: '', total: -1, stream: sink(false).stream })).toThrow(InvalidOptionError);
    const progress = createProgress({ label: 'x', total: 1, stream: sink(false).stream, clock: new SimClock(0) });
    expect(() => progress.update(Number.NaN)).toThrow('Invalid "done" for progress: expected a finite number >= 0, received "NaN".');
    expect(() => progress.increment(-5)).toThrow('received "-5"');
  });
});

describe('createProgress on a TTY', () => {
  it('draws a bar with the label, the count and the ETA', () => {
    const out = sink(true);
    const progress = createProgress({ label: 'download BTC/USDT 1m', total: 10, stream: out.stream });
    progress.increment(4);
    progress.update(5);
    progress.stop();
    const text = out.text();
    expect(text).toContain('download BTC/USDT 1m |');
    expect(text).toContain('| 50% | 5/10 |');
    expect(text).toMatch(/\| \S+ left/);
    expect(text).toContain('\u2591');
  });
});
