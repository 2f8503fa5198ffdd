import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BarValidationError, readBarsCsvFile } from '@ares/features';
import { BarStore } from './BarStore.js';
import { loadBars } from './loadBars.js';

// Real Binance BTC/USDT 1h bars; its README lists 62,482 rows and 25 gaps totalling 88 missing hours.
const BTC_CSV = '/work/shared/data/btcusdt_binance_spot_1h.csv';
const dir = mkdtempSync(join(tmpdir(), 'ares-loadbars-'));
const store = new BarStore(dir);
beforeAll(async () => {
  store.append('BTC/USDT', '1h', await readBarsCsvFile(BTC_CSV));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadBars', () => {
  it('loads the BTC CSV and reports its 25 documented gaps (88 missing hours)', async () => {
    const { series, report } = await loadBars({ csvFile: BTC_CSV }, { validate: { timeframe: '1h' } });
    expect([series.length, series.timestamp[0], series.timestamp[series.length - 1]]).toEqual([62_482, 1_518_192_000_000, 1_743_440_400_000]);
    const gaps = report.entries.filter((e) => e.rule === 'gap');
    expect([gaps.length, gaps.reduce((s, g) => s + g.value, 0)]).toEqual([25, 88]);
    expect(report.entries.length).toBe(25);
  });

  it('loads the same bars from the store, and repairs gaps when the policy says so', async () => {
    const csv = await loadBars({ csvFile: BTC_CSV });
    const stored = await loadBars({ store, symbol: 'BTC/USDT', timeframe: '1h' });
    expect(Array.from(stored.series.close)).toEqual(Array.from(csv.series.close));
    expect(stored.report.entries.filter((e) => e.rule === 'gap').length).toBe(25);
    const repaired = await loadBars({ store, symbol: 'BTC/USDT', timeframe: '1h' }, { validate: { gap: 'repair' } });
    // 62,482 real bars + 88 forward-filled ones
    expect(repaired.series.length).toBe(62_570);
  });

  it('reads a store time range', async () => {
    // 2020-01-01 00:00 to 2020-01-02 00:00 UTC: 24 hourly bars, no gap that day.
    const { series } = await loadBars({ store, symbol: 'BTC/USDT', timeframe: '1h', since: Date.UTC(2020, 0, 1), until: Date.UTC(2020, 0, 2) });
    expect([series.length, series.timestamp[0]]).toEqual([24, Date.UTC(2020, 0, 1)]);
  });

  it('throws when the policy rejects an issue', async () => {
    await expect(loadBars({ csvFile: BTC_CSV }, { validate: { gap: 'reject', timeframe: '1h' } })).rejects.toThrow(BarValidationError);
  });
});
