import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BarStore } from '@ares/connectors';
import { BarSeries } from '@ares/features';
import { afterAll, describe, expect, it } from '@jest/globals';
import { BacktestConfigError } from '../config/BacktestConfigError.js';
import { loadMarketData } from './loadMarketData.js';

const dir = mkdtempSync(join(tmpdir(), 'ares-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

describe('loadMarketData', () => {
  it('generates the seeded synthetic market: the same seed gives the same bars', async () => {
    const a = await loadMarketData({ source: 'synthetic', syntheticBars: 500, seed: 42 });
    const b = await loadMarketData({ source: 'synthetic', syntheticBars: 500, seed: 42 });
    expect(a.series.length).toBe(500);
    expect([a.timeframe, a.timeframeMs]).toEqual(['1h', HOUR]);
    expect(Array.from(b.series.close)).toEqual(Array.from(a.series.close));
    expect(a.description).toBe('synthetic market (seed 42, 500 bars of 1h)');
  });

  it('infers a 4h timeframe from a CSV whose smallest step is 4 hours (gaps only lengthen steps)', async () => {
    const times = [0, 4, 8, 16, 20].map((h) => T0 + h * HOUR);
    writeFileSync(join(dir, 'four.csv'), `timestamp,open,high,low,close,volume\n${times.map((t) => `${t},1,2,0.5,1.5,10`).join('\n')}\n`);
    const data = await loadMarketData({ source: join(dir, 'four.csv'), syntheticBars: 0, seed: 0 });
    expect([data.series.length, data.timeframe]).toEqual([5, '4h']);
  });

  it('reads store:<dir>:<symbol>:<timeframe> from the local bar store', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ timestamp: T0 + i * HOUR, open: 100 + i, high: 102 + i, low: 99 + i, close: 101 + i, volume: 5 }));
    new BarStore(join(dir, 'store')).append('BTC/USDT', '1h', BarSeries.fromRows(rows));
    const data = await loadMarketData({ source: `store:${join(dir, 'store')}:BTC/USDT:1h`, syntheticBars: 0, seed: 0 });
    expect([data.series.length, data.timeframe]).toEqual([30, '1h']);
    expect(data.series.close[29]).toBe(130);
  });

  it.each(['store:onlydir', 'store::BTC/USDT:1h'])('rejects the malformed store source %s, naming data.source', async (source) => {
    const error = await loadMarketData({ source, syntheticBars: 0, seed: 0 }).catch((e: unknown) => e);
    expect(BacktestConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(`Invalid "data.source": expected "store:<dir>:<symbol>:<timeframe>", received "${source}".`);
  });
});
