import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { BarSeries, readBarsCsvFile } from '@ares/features';
import type { ProgressLine } from '@ares/pipeline-kit';
import { createCcxtFeed } from '../ccxt/createCcxtFeed.js';
import type { ExchangeEmulator } from '../emulator/startExchangeEmulator.js';
import { startExchangeEmulator } from '../emulator/startExchangeEmulator.js';
import { BarStore } from '../store/BarStore.js';
import { downloadBars, findGaps } from './downloadBars.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const START = Date.UTC(2024, 0, 1);

/** The real store, counting appends and calling `onAppend` after each. */
class CountingStore extends BarStore {
  appends = 0;
  onAppend: () => void = () => undefined;

  override append(symbol: string, timeframe: string, series: BarSeries): number {
    const added = super.append(symbol, timeframe, series);
    this.appends += 1;
    this.onAppend();
    return added;
  }
}

const dirs: string[] = [];
/** A store in a fresh temporary directory, removed after the test. */
function freshStore(): CountingStore {
  const dir = mkdtempSync(join(tmpdir(), 'ares-download-'));
  dirs.push(dir);
  return new CountingStore(dir);
}
const stored = (store: BarStore) => store.read('BTC/USDT', '1m').toRows();
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function minuteSeries(n: number): BarSeries {
  return BarSeries.fromRows(Array.from({ length: n }, (_, i) => ({ timestamp: START + i * MINUTE, open: 10 + i, high: 11 + i, low: 9 + i, close: 10.5 + i, volume: i })));
}

describe('downloadBars from the emulator through ccxt', () => {
  let emulator: ExchangeEmulator;
  const series = minuteSeries(3_000);
  const feed = () => createCcxtFeed({ ...emulator.ccxt, timeoutMs: 2_000 });
  const range = { symbol: 'BTC/USDT', timeframe: '1m', since: START, until: START + 2_500 * MINUTE, pageBars: 500, progress: false } as const;

  beforeAll(async () => {
    emulator = await startExchangeEmulator({ series, timeframe: '1m' });
    emulator.advanceTo(START + 3_000 * MINUTE);
  });
  afterAll(() => emulator.close());

  it('downloads every bar of the range page by page into the store', async () => {
    const store = freshStore();
    const report = await downloadBars({ ...range, feed: feed(), store });
    expect(report).toEqual({ symbol: 'BTC/USDT', timeframe: '1m', resumedFrom: START, fetchedBars: 2_500, pages: 5, storedBars: 2_500, gaps: [] });
    expect(store.appends).toBe(5);
    expect(stored(store)).toEqual(series.slice(0, 2_500).toRows());
  });

  it('stops between pages on abort, keeps what it stored, and resumes to the same content without duplicates', async () => {
    const store = freshStore();
    const controller = new AbortController();
    store.onAppend = () => {
      if (store.appends === 2) controller.abort(new Error('interrupted'));
    };
    await expect(downloadBars({ ...range, feed: feed(), store, signal: controller.signal })).rejects.toThrow('interrupted');
    expect(stored(store)).toHaveLength(1_000);

    store.onAppend = () => undefined;
    const report = await downloadBars({ ...range, feed: feed(), store });
    expect(report.resumedFrom).toBe(START + 1_000 * MINUTE);
    expect(report.fetchedBars).toBe(1_500);
    expect(stored(store)).toEqual(series.slice(0, 2_500).toRows());
  });

  it('resumes after the downloading process is SIGKILLed mid-run, to the same content without duplicates', async () => {
    const store = freshStore();
    emulator.faults.latency(20); // slow pages, so the kill lands mid-run
    try {
      const child = spawn(
        process.execPath,
        ['--conditions=@ares/source', join(__dirname, '__fixtures__', 'downloadChild.mjs'), JSON.stringify(emulator.ccxt), store.dir, String(range.since), String(range.until), '100'],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (text: string) => {
        if (text.includes('appended 3')) child.kill('SIGKILL');
      });
      expect(await exit).toBe('SIGKILL');
    } finally {
      emulator.faults.latency(0);
    }
    const kept = stored(store).length;
    expect(kept).toBeGreaterThanOrEqual(300);
    expect(kept).toBeLessThan(2_500);

    const report = await downloadBars({ ...range, feed: feed(), store });
    expect(report.resumedFrom).toBe(START + kept * MINUTE);
    expect(stored(store)).toEqual(series.slice(0, 2_500).toRows());
  });

  it('fetches nothing when the store already holds the range', async () => {
    const store = freshStore();
    await downloadBars({ ...range, feed: feed(), store });
    const again = await downloadBars({ ...range, feed: feed(), store });
    expect({ pages: again.pages, fetchedBars: again.fetchedBars, storedBars: again.storedBars }).toEqual({ pages: 0, fetchedBars: 0, storedBars: 2_500 });
  });

  it('writes progress lines up to the total', async () => {
    const lines: ProgressLine[] = [];
    const logger = { info: (obj: { progress: ProgressLine }) => lines.push(obj.progress) };
    await downloadBars({ ...range, feed: feed(), store: freshStore(), progress: { logger, logIntervalMs: 1 } });
    expect(lines.at(-1)).toEqual(expect.objectContaining({ label: 'download BTC/USDT 1m', done: 2_500, total: 2_500, percent: 100 }));
  });
});

describe('downloadBars gap report on real Binance data', () => {
  let emulator: ExchangeEmulator;
  // 2018-06-25 00:00 .. 2018-07-06 00:00 UTC of the shared BTC/USDT 1h file.
  const since = Date.UTC(2018, 5, 25);
  const until = Date.UTC(2018, 6, 6);

  beforeAll(async () => {
    const all = await readBarsCsvFile(`${__dirname}/../../../../../shared/data/btcusdt_binance_spot_1h.csv`);
    const first = all.timestamp.findIndex((t) => t >= since);
    const end = all.timestamp.findIndex((t) => t >= until);
    emulator = await startExchangeEmulator({ series: all.slice(first, end), timeframe: '1h' });
    emulator.advanceTo(until);
  });
  afterAll(() => emulator.close());

  it('reports the gaps the data README lists for that window', async () => {
    const report = await downloadBars({ feed: createCcxtFeed({ ...emulator.ccxt }), store: freshStore(), symbol: 'BTC/USDT', timeframe: '1h', since, until, pageBars: 100, progress: false });
    // README: 2018-06-26 02:00-11:00 (10 h), 2018-06-27 13:00 (1 h), 2018-07-04 01:00-07:00 (7 h).
    expect(report.gaps).toEqual([
      { from: Date.UTC(2018, 5, 26, 2), to: Date.UTC(2018, 5, 26, 11), missingBars: 10 },
      { from: Date.UTC(2018, 5, 27, 13), to: Date.UTC(2018, 5, 27, 13), missingBars: 1 },
      { from: Date.UTC(2018, 6, 4, 1), to: Date.UTC(2018, 6, 4, 7), missingBars: 7 },
    ]);
    // 11 days of hours less the 18 missing.
    expect(report.storedBars).toBe(11 * 24 - 18);
  });
});

describe('findGaps', () => {
  it.each([
    [[0, 1, 2, 3], []],
    [[0, 3], [{ from: 1, to: 2, missingBars: 2 }]],
    [[0, 1, 5, 6, 8], [{ from: 2, to: 4, missingBars: 3 }, { from: 7, to: 7, missingBars: 1 }]],
    [[], []],
  ])('finds the holes in %j', (times, gaps) => {
    const scaled = gaps.map((g) => ({ from: g.from * HOUR, to: g.to * HOUR, missingBars: g.missingBars }));
    expect(findGaps(Float64Array.from(times, (t) => t * HOUR), HOUR)).toEqual(scaled);
  });
});
