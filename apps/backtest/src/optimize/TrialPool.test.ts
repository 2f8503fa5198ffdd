import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadMarketData } from '../backtest/loadMarketData.js';
import { BacktestConfigSchema } from '../config/BacktestConfigSchema.js';
import type { TrialSpec } from './runTrial.js';
import { TrialPool } from './TrialPool.js';

// Workers run the built JavaScript (jest's globalSetup builds dist/).
const WORKER = resolve(__dirname, '../../dist/optimize/trialWorker.js');
const CRASHING_WORKER = resolve(__dirname, '../__fixtures__/crashingTrialWorker.mjs');
const config = BacktestConfigSchema.parse({ monteCarlo: { paths: 0 } });
const scoring = { objective: 'sharpe', minTrades: 1, maxDrawdown: 1, returnSteps: 50 } as const;

async function runWith(workers: number, trials: readonly TrialSpec[], workerFile = WORKER) {
  const data = await loadMarketData({ source: 'synthetic', syntheticBars: 3000, seed: 7 });
  const pool = new TrialPool({ workerFile, workers, config, data, scoring });
  try {
    return await pool.run(trials);
  } finally {
    await pool.close();
  }
}

const specs: TrialSpec[] = [
  [5, 20],
  [10, 40],
  [30, 20], // fast >= slow: the strategy refuses it, the trial fails
  [8, 60],
  [15, 30],
].map(([fast, slow], index) => ({ index, point: { fast: fast as number, slow: slow as number }, start: 0, end: 3000 }));

describe('TrialPool', () => {
  it('returns the identical result table with 1 and 2 workers, in trial order', async () => {
    const one = await runWith(1, specs);
    const two = await runWith(2, specs);
    expect(two).toEqual(one);
    expect(one.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(one.map((r) => r.status)).toEqual(['ok', 'ok', 'failed', 'ok', 'ok']);
  });

  it('reports a trial whose backtest throws as failed with the error, and runs the rest', async () => {
    const [, , failed] = await runWith(2, specs);
    expect(failed?.status).toBe('failed');
    expect(failed?.status === 'failed' ? failed.error : '').toMatch(/slow/);
  });

  it('reports the trial of a crashed worker as failed, replaces the worker and finishes the others', async () => {
    const trials = [0, 1, 2, 3].map((index) => ({ index, point: { fast: index }, start: 0, end: 10 }));
    const results = await runWith(1, trials, CRASHING_WORKER);
    expect(results.map((r) => r.status)).toEqual(['ok', 'failed', 'ok', 'ok']);
    expect(results[1]?.status === 'failed' ? results[1].error : '').toBe('worker died: boom at trial 1');
  });

  it('rejects a worker count below 1', async () => {
    const data = await loadMarketData({ source: 'synthetic', syntheticBars: 100, seed: 7 });
    expect(() => new TrialPool({ workerFile: WORKER, workers: 0, config, data, scoring })).toThrow('Invalid "workers": expected an integer >= 1, received "0".');
  });
});
