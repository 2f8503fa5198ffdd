import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadMarketData, type MarketData } from '../backtest/loadMarketData.js';
import { BacktestConfigError } from '../config/BacktestConfigError.js';
import { BacktestConfigSchema } from '../config/BacktestConfigSchema.js';
import { loadCustomObjective } from './customObjective.js';
import { OptimizationSchema } from './OptimizationSchema.js';
import { runOptimization, type OptimizationResult } from './runOptimization.js';
import { runTrial, type TrialResult } from './runTrial.js';
import type { TrialMetrics } from './scoreTrial.js';

// The main thread of these tests runs under jest, which loads CommonJS only: the modules are CommonJS
// `.js` files, which Node's import() (the workers') loads too. The CLI test loads an ES module.
const WORKER = resolve(__dirname, '../../dist/optimize/trialWorker.js');
const config = BacktestConfigSchema.parse({ monteCarlo: { paths: 0 } });
const metrics: TrialMetrics = { totalReturn: 0.3, cagr: 0.12, sharpeRatio: 1.5, sortinoRatio: 2.1, calmarRatio: 0.8, maxDrawdown: 0.15, numberOfTrades: 20 };
const space = [
  { name: 'fast', kind: 'int', min: 5, max: 25, step: 5 },
  { name: 'slow', kind: 'int', min: 30, max: 90, step: 30 },
] as const;

let dir: string;
let data: MarketData;
/** Writes a module into the temp folder and returns its path. */
function module(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

async function refusal(file: string): Promise<BacktestConfigError> {
  const error = await loadCustomObjective(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!BacktestConfigError.isInstance(error)) throw new Error(`expected a BacktestConfigError, received ${String(error)}`);
  expect(error.argument).toBe('optimization.customObjective');
  return error;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ares-objective-'));
  data = await loadMarketData({ source: 'synthetic', syntheticBars: 2500, seed: 21 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadCustomObjective', () => {
  it('loads the default export and calls it on a frozen copy of the metrics', async () => {
    const frozen = await loadCustomObjective(module('frozen.js', 'module.exports = (m) => (Object.isFrozen(m) ? 1 : 0);'));
    expect(frozen(metrics)).toBe(1);
    const penalty = await loadCustomObjective(module('penalty2.js', 'module.exports = (m) => m.totalReturn - 2 * m.maxDrawdown;'));
    expect(penalty(metrics)).toBeCloseTo(0.3 - 2 * 0.15, 12);
  });

  it('refuses a missing file, another extension, a module that does not load and a default export that is not a function', async () => {
    expect((await refusal(join(dir, 'missing.mjs'))).message).toContain('missing.mjs does not exist');
    expect((await refusal(module('objective.ts', 'export default () => 1;'))).message).toContain('expected a JavaScript module (.mjs, .js or .cjs)');
    expect((await refusal(module('broken.js', 'module.exports = (m) => {'))).message).toContain('expected a module that loads');
    expect((await refusal(module('number.js', 'module.exports = 42;'))).message).toBe(
      `Invalid "optimization.customObjective": expected a module whose default export is a function (metrics) => number, found a default export of type number, received "${join(dir, 'number.js')}".`,
    );
  });

  it('turns a throw or a result that is not a finite number into an error naming the module', async () => {
    const file = module('picky.js', "module.exports = (m) => { if (m.numberOfTrades < 10) throw new Error('too few'); return m.numberOfTrades > 30 ? 'many' : m.cagr > 0.5 ? NaN : m.cagr; };");
    const objective = await loadCustomObjective(file);
    expect(objective(metrics)).toBe(0.12);
    expect(() => objective({ ...metrics, numberOfTrades: 3 })).toThrow(`custom objective "${file}" threw: too few`);
    expect(() => objective({ ...metrics, numberOfTrades: 40 })).toThrow(`custom objective "${file}" returned a string; expected a finite number.`);
    expect(() => objective({ ...metrics, cagr: 0.6 })).toThrow(`custom objective "${file}" returned NaN; expected a finite number.`);
  });

  it('makes a trial whose objective throws a failed trial with the message', async () => {
    const file = module('throws.js', "module.exports = () => { throw new Error('objective bug'); };");
    const scoring = { objective: 'custom' as const, customObjective: file, minTrades: 0, maxDrawdown: 1, returnSteps: 10 };
    const result = await runTrial(config, data, { index: 0, point: { fast: 10, slow: 30 }, start: 0, end: 1000 }, scoring, await loadCustomObjective(file));
    expect(result).toEqual({ index: 0, point: { fast: 10, slow: 30 }, status: 'failed', error: `custom objective "${file}" threw: objective bug` });
  });
});

describe('runOptimization with a custom objective', () => {
  type Ok = Extract<TrialResult, { status: 'ok' }>;
  const settings = (file: string, workers: number) =>
    OptimizationSchema.parse({ stage: 'coarse', space: [...space], objective: 'custom', customObjective: file, minTrades: 2, maxDrawdown: 0.9, workers });

  it('scores every trial with the module on 1 and 2 workers alike, and picks the best by an independent computation', async () => {
    const file = module('return-minus-drawdown.js', 'module.exports = (m) => m.totalReturn - 2 * m.maxDrawdown;');
    const one = await runOptimization({ config, data, settings: settings(file, 1), workerFile: WORKER });
    const two = await runOptimization({ config, data, settings: settings(file, 2), workerFile: WORKER });
    expect(two.coarse?.trials).toEqual(one.coarse?.trials);
    const trials = (one.coarse?.trials ?? []).filter((t): t is Ok => t.status === 'ok');
    // 5 fast × 3 slow values, fast < slow always.
    expect(trials.length).toBe(15);
    let best: Ok | undefined;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const t of trials) {
      const eligible = t.metrics.numberOfTrades >= 2 && t.metrics.maxDrawdown <= 0.9;
      const value = eligible ? t.metrics.totalReturn - 2 * t.metrics.maxDrawdown : Number.NEGATIVE_INFINITY;
      expect(t.score).toBeCloseTo(value, 12);
      if (value > bestValue) {
        bestValue = value;
        best = t;
      }
    }
    expect(best).toBeDefined();
    expect(one.best?.point).toEqual(best?.point);
  }, 60_000);

  it('fails the trials whose objective throws or returns NaN, and finishes the run', async () => {
    const file = module('fragile.js', "module.exports = (m) => { if (m.numberOfTrades % 3 === 0) throw new Error('multiple of three'); return m.numberOfTrades % 3 === 1 ? NaN : m.sharpeRatio; };");
    const result = await runOptimization({ config, data, settings: settings(file, 2), workerFile: WORKER });
    const trials = result.coarse?.trials ?? [];
    expect(trials.length).toBe(15);
    // The worker loaded the same module: the failure messages name it.
    const failed = trials.filter((t) => t.status === 'failed').map((t) => (t.status === 'failed' ? t.error : ''));
    expect(failed.length).toBe(result.coarse?.failed);
    for (const error of failed) expect([`custom objective "${file}" threw: multiple of three`, `custom objective "${file}" returned NaN; expected a finite number.`]).toContain(error);
    for (const t of trials) if (t.status === 'ok') expect(t.metrics.numberOfTrades % 3).toBe(2);
    expect(failed.length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a bad module before any trial runs', async () => {
    const error = await runOptimization({ config, data, settings: settings(join(dir, 'absent.js'), 1), workerFile: WORKER }).then(
      (r: OptimizationResult) => r,
      (e: unknown) => e,
    );
    expect(BacktestConfigError.isInstance(error) && error.argument).toBe('optimization.customObjective');
  });
});
