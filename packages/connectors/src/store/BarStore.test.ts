import { closeSync, mkdtempSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BarSeries } from '@ares/features';
import { generateSyntheticMarket } from '../synthetic/generateSyntheticMarket.js';
import { BarStore } from './BarStore.js';
import { BarStoreError } from './BarStoreError.js';

const HOUR = 3_600_000;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ares-barstore-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const market = (bars: number) => generateSyntheticMarket({ seed: 1, bars, start: 0, timeframe: '1h' }).series;
const rows = (series: BarSeries) => series.toRows();
const FILE = () => join(dir, 'BTC%2FUSDT@1h.bars');

function errorOf(action: () => unknown): BarStoreError {
  try {
    action();
  } catch (error) {
    if (BarStoreError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a BarStoreError');
}

describe('BarStore', () => {
  it('reads back exactly what was appended, and lists it', () => {
    const store = new BarStore(dir);
    const series = market(3_000);
    expect(store.append('BTC/USDT', '1h', series)).toBe(3_000);
    expect(rows(store.read('BTC/USDT', '1h'))).toEqual(rows(series));
    expect(store.lastTimestamp('BTC/USDT', '1h')).toBe(2_999 * HOUR);
    expect(store.list()).toEqual([{ symbol: 'BTC/USDT', timeframe: '1h', bars: 3_000 }]);
  });

  it('reads a time range: since inclusive, until exclusive', () => {
    const store = new BarStore(dir);
    store.append('BTC/USDT', '1h', market(100));
    const range = store.read('BTC/USDT', '1h', { since: 10 * HOUR, until: 20 * HOUR });
    expect([range.length, range.timestamp[0], range.timestamp[9]]).toEqual([10, 10 * HOUR, 19 * HOUR]);
    expect(store.read('BTC/USDT', '1h', { since: 500 * HOUR }).length).toBe(0);
  });

  it('appends in overlapping chunks, skipping stored bars, across capacity growth', () => {
    const store = new BarStore(dir);
    const series = market(5_000);
    // Chunks [0, 800), [700, 1900) overlapping, [1900, 5000) beyond the first 1024-row capacity.
    expect(store.append('BTC/USDT', '1h', series.slice(0, 800))).toBe(800);
    expect(store.append('BTC/USDT', '1h', series.slice(700, 1_900))).toBe(1_100);
    expect(store.append('BTC/USDT', '1h', series.slice(1_900))).toBe(3_100);
    expect(store.append('BTC/USDT', '1h', series.slice(4_000))).toBe(0);
    expect(rows(store.read('BTC/USDT', '1h'))).toEqual(rows(series));
  });

  it('appends in place within the reserved room (the file does not grow)', () => {
    const store = new BarStore(dir);
    const series = market(1_000);
    store.append('BTC/USDT', '1h', series.slice(0, 500));
    const size = statSync(FILE()).size;
    store.append('BTC/USDT', '1h', series.slice(500));
    expect(statSync(FILE()).size).toBe(size);
    expect(rows(store.read('BTC/USDT', '1h'))).toEqual(rows(series));
  });

  it('keeps rows written without a header update invisible (a crash mid-append loses nothing stored)', () => {
    const store = new BarStore(dir);
    const series = market(600);
    store.append('BTC/USDT', '1h', series.slice(0, 300));
    // Garbage in the reserved room of the timestamp column, as if a crash struck before the header write.
    const fd = openSync(FILE(), 'r+');
    writeSync(fd, new Uint8Array(800).fill(7), 0, 800, 64 + 300 * 8);
    closeSync(fd);
    expect(rows(store.read('BTC/USDT', '1h'))).toEqual(rows(series.slice(0, 300)));
    store.append('BTC/USDT', '1h', series.slice(300));
    expect(rows(store.read('BTC/USDT', '1h'))).toEqual(rows(series));
  });

  it('rejects a series that is not strictly ascending', () => {
    const store = new BarStore(dir);
    const bars = [0, 2, 1].map((h) => ({ timestamp: h * HOUR, open: 1, high: 1, low: 1, close: 1, volume: 1 }));
    const error = errorOf(() => store.append('BTC/USDT', '1h', BarSeries.fromRows(bars)));
    expect([error.reason, error.path]).toEqual(['invalid-input', 'series.timestamp']);
    expect(error.message).toContain('received "3600000" at index 2');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a missing series as not-found and undefined last timestamp', () => {
    const store = new BarStore(dir);
    expect(errorOf(() => store.read('ETH/USDT', '1h')).reason).toBe('not-found');
    expect(store.lastTimestamp('ETH/USDT', '1h')).toBeUndefined();
  });

  it.each([
    ['a flipped data byte', (path: string) => patch(path, 64 + 8 * 5 + 3, 0xff), 'column "timestamp" fails its checksum'],
    ['a bad magic', (path: string) => patch(path, 0, 0x58), 'does not start with "ARESBARS"'],
    ['a changed row count', (path: string) => patch(path, 16, 0x01), 'header checksum does not match'],
    ['a truncated file', (path: string) => writeFileSync(path, new Uint8Array(10)), 'shorter than the 64-byte header'],
    ['a file of another timeframe', (path: string) => renameSync(path, path.replace('@1h', '@4h')), 'holds 3600000 ms bars'],
  ])('refuses a corrupt file: %s', (_name, damage, message) => {
    const store = new BarStore(dir);
    store.append('BTC/USDT', '1h', market(50));
    damage(FILE());
    const timeframe = message.startsWith('holds') ? '4h' : '1h';
    const error = errorOf(() => store.read('BTC/USDT', timeframe));
    expect(error.reason).toBe('corrupt');
    expect(error.message).toContain(message);
  });

  it('lists only valid store files', () => {
    const store = new BarStore(dir);
    store.append('ETH/USDT', '1d', generateSyntheticMarket({ seed: 2, bars: 10, timeframe: '1d' }).series);
    store.append('BTC/USDT', '1h', market(20));
    writeFileSync(join(dir, 'junk@1h.bars'), 'not a store');
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect(store.list()).toEqual([
      { symbol: 'BTC/USDT', timeframe: '1h', bars: 20 },
      { symbol: 'ETH/USDT', timeframe: '1d', bars: 10 },
    ]);
  });
});

function patch(path: string, offset: number, value: number): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, new Uint8Array([value]), 0, 1, offset);
  closeSync(fd);
}
