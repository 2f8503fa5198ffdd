import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CheckpointError, CheckpointStore, SimClock } from '@ares/pipeline-kit';
import { loadMarketData, type MarketData } from '../backtest/loadMarketData.js';
import { BacktestConfigSchema } from '../config/BacktestConfigSchema.js';
import { type OptimizationInput, OptimizationSchema } from './OptimizationSchema.js';
import { type OptimizationCheckpoint, runOptimization } from './runOptimization.js';

const WORKER = resolve(__dirname, '../../dist/optimize/trialWorker.js');
const config = BacktestConfigSchema.parse({ monteCarlo: { paths: 0 } });
const space = [
  { name: 'fast', kind: 'int', min: 5, max: 30, step: 5 },
  { name: 'slow', kind: 'int', min: 20, max: 80, step: 20 },
] as const;
const base: OptimizationInput = { space: [...space], minTrades: 3, maxDrawdown: 0.9, inSampleBars: 1500, outOfSampleBars: 500, topK: 2, fineSteps: 3, workers: 1 };

let data: MarketData;
let dir: string;
// Coarse + fine on 2 workers, shared by the first two tests.
let fineRun: Awaited<ReturnType<typeof runOptimization>>;
beforeAll(async () => {
  data = await loadMarketData({ source: 'synthetic', syntheticBars: 3000, seed: 11 });
  dir = mkdtempSync(join(tmpdir(), 'ares-optimize-'));
  fineRun = await runOptimization({ config, data, settings: OptimizationSchema.parse({ ...base, stage: 'fine', workers: 2 }), workerFile: WORKER });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function store(name: string): CheckpointStore<OptimizationCheckpoint> {
  return new CheckpointStore<OptimizationCheckpoint>({ dir: join(dir, name), kind: 'optimization', schemaVersion: 1, clock: new SimClock() });
}

describe('runOptimization', () => {
  it('runs the coarse grid, then a finer grid around the top-k, with failed and rejected trials counted', async () => {
    const result = fineRun;
    const coarse = result.coarse?.trials ?? [];
    // 6 fast × 4 slow values; fast >= slow is refused by the strategy: (20,20), (25,20), (30,20).
    expect(coarse.length).toBe(24);
    expect(result.coarse?.failed).toBe(3);
    expect(coarse.filter((t) => t.status === 'ok' && t.score === Number.NEGATIVE_INFINITY).length).toBe(result.coarse?.rejected);
    const ranked = coarse.flatMap((t) => (t.status === 'ok' ? [t] : [])).sort((a, b) => b.score - a.score);
    const top = ranked.slice(0, 2).map((t) => t.point);
    // radius 0.1: fast within ±2.5 (range 25), slow within ±6 (range 60) of one of the top 2, integers, none a coarse point.
    for (const t of result.fine?.trials ?? []) {
      const fast = t.point.fast as number;
      const slow = t.point.slow as number;
      expect(top.some((p) => Math.abs(fast - (p.fast as number)) <= 2.5 && Math.abs(slow - (p.slow as number)) <= 6)).toBe(true);
      expect(coarse.some((c) => c.point.fast === fast && c.point.slow === slow)).toBe(false);
    }
    expect((result.fine?.trials.length ?? 0) > 0).toBe(true);
    const all = [...coarse, ...(result.fine?.trials ?? [])].flatMap((t) => (t.status === 'ok' ? [t.score] : []));
    expect(result.best?.score).toBe(Math.max(...all));
    expect(result.overfitting?.trials).toBe(all.length);
    expect(result.walkForward).toBeNull();
  });

  it('resumes an aborted optimization (1 worker) from its checkpoint without rerunning completed trials, to the identical table of an uninterrupted 2-worker run', async () => {
    const settings = OptimizationSchema.parse({ ...base, stage: 'fine', checkpointEvery: 4 });
    const reference = fineRun;
    const checkpoints = store('resume');
    const controller = new AbortController();
    let seen = 0;
    const aborted = runOptimization({
      config,
      data,
      settings,
      workerFile: WORKER,
      checkpoints,
      signal: controller.signal,
      onTrial: () => {
        if (++seen === 10) controller.abort(new Error('stopped by the test'));
      },
    });
    await expect(aborted).rejects.toThrow('stopped by the test');
    const saved = (await checkpoints.latest())?.payload.trials.length ?? 0;
    expect(saved >= 10).toBe(true);
    const resumed = await runOptimization({ config, data, settings, workerFile: WORKER, checkpoints });
    expect(resumed.trialsRun).toBe(reference.trialsRun - saved);
    expect(resumed.coarse).toEqual(reference.coarse);
    expect(resumed.fine).toEqual(reference.fine);
    expect(resumed.best).toEqual(reference.best);
  });

  it('refuses a checkpoint written by an optimization with other settings', async () => {
    const checkpoints = store('foreign');
    await runOptimization({ config, data, settings: OptimizationSchema.parse({ ...base, stage: 'coarse' }), workerFile: WORKER, checkpoints });
    const other = runOptimization({ config, data, settings: OptimizationSchema.parse({ ...base, stage: 'coarse', objective: 'sortino' }), workerFile: WORKER, checkpoints });
    await expect(other).rejects.toThrow(CheckpointError);
  });

  it('walks forward: IS windows then the next OOS window, stitched equity = cash × Π(1 + OOS return), WFE = mean(OOS CAGR) / mean(IS CAGR)', async () => {
    const settings = OptimizationSchema.parse({ ...base, stage: 'walk-forward', workers: 1 });
    const { walkForward, coarse } = await runOptimization({ config, data, settings, workerFile: WORKER });
    expect(coarse).toBeNull();
    const windows = walkForward?.windows ?? [];
    // Rolling 1500 in-sample + 500 out-of-sample bars over 3000: OOS windows start at 1500, 2000, 2500.
    expect(windows.map((w) => [w.inSample.start, w.inSample.end, w.outOfSample.start, w.outOfSample.end])).toEqual([
      [0, 1500, 1500, 2000],
      [500, 2000, 2000, 2500],
      [1000, 2500, 2500, 3000],
    ]);
    expect(walkForward?.stitchedEquity.length).toBe(1500);
    expect(walkForward?.stitchedTimestamps[0]).toBe(data.series.timestamp[1500]);
    const compounded = windows.reduce((e, w) => e * (1 + w.outOfSample.totalReturn), config.exchange.initialCash);
    expect(walkForward?.stitchedEquity.at(-1)).toBeCloseTo(compounded, 6);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(walkForward?.efficiency.overall).toBeCloseTo(mean(windows.map((w) => w.outOfSample.cagr)) / mean(windows.map((w) => w.inSampleCagr)), 12);
    const fasts = windows.map((w) => w.chosen?.fast as number);
    expect(walkForward?.stability.fast).toMatchObject({ kind: 'numeric', mean: mean(fasts) });
  });
});
