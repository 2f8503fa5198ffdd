/** @jest-environment ./src/__fixtures__/onnxTestEnvironment.cjs */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRandom, MemoryNotifier, SimClock } from '@ares/pipeline-kit';
import {
  logisticRegressionModel,
  OTHER_FEATURE_SPEC,
  randomWalkBars,
  SMALL_FEATURE_SPEC,
  tempDir,
  writeModelFiles,
} from '../__fixtures__/onnxModels.js';
import { TradingEngine } from '../engine/TradingEngine.js';
import { ClassifierSignal } from '../models/ClassifierSignal.js';
import { loadModel, sha256Hex } from '../models/loadModel.js';
import { ModelValidationError } from '../models/ModelValidationError.js';
import { ModelRegistry } from '../registry/ModelRegistry.js';
import { type HotSwapOutcome, ModelHotSwap } from './ModelHotSwap.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('ares-hotswap-')));
afterAll(() => cleanup());

const bars = randomWalkBars(createRandom(77), 20_000);
let registries = 0;

/** A registry with versions 1 and 2 of `alpha` (logistic regressions leaning long and short), champion 1. */
async function setup() {
  const registry = new ModelRegistry(path.join(dir, `r${registries++}`));
  for (const [version, weight] of [['1', 50], ['2', -50]] as const) {
    const model = logisticRegressionModel({ name: 'alpha', version, featureSpec: SMALL_FEATURE_SPEC, weights: [weight, 0, 0, 0], bias: 0 });
    const files = await writeModelFiles(path.join(registry.root, '..', `src-${registries}-${version}`), model.bytes, model.metadata);
    await registry.register('alpha', files.onnxPath, model.metadata);
  }
  await registry.setChallenger('alpha', '1');
  await registry.promote('alpha');
  const champion = await registry.resolve('alpha', 'champion');
  const current = await loadModel({ ...champion, expectedFeatureSpec: SMALL_FEATURE_SPEC });
  const engine = new TradingEngine({ symbol: 'BTC/USDT', timeframe: '1h' }, { signal: new ClassifierSignal(current) });
  const notifier = new MemoryNotifier();
  const failures: HotSwapOutcome[] = [];
  const hotSwap = new ModelHotSwap({ engine, registry, name: 'alpha', expectedFeatureSpec: SMALL_FEATURE_SPEC, current, notifier, watch: false, onError: (o) => failures.push(o) });
  return { registry, engine, notifier, failures, hotSwap };
}

/** Feeds bars until `until()` holds, then `extra` more; returns each tick's signal id. */
async function tickWhile(engine: TradingEngine, start: number, until: () => boolean, extra: number): Promise<string[]> {
  const ids: string[] = [];
  let after = 0;
  for (let i = start; i < bars.length && after < extra; i++) {
    const result = await engine.processTick(bars[i] as (typeof bars)[number]);
    ids.push(result.signalId);
    if (until()) after++;
  }
  return ids;
}

/** Register `version` of alpha, then damage its registered ONNX file with `damage`. */
async function registerDamaged(registry: ModelRegistry, version: string, damage: (onnxPath: string, metadataPath: string) => Promise<void>) {
  const model = logisticRegressionModel({ name: 'alpha', version, featureSpec: SMALL_FEATURE_SPEC, weights: [1, 0, 0, 0], bias: 0 });
  const files = await writeModelFiles(path.join(registry.root, '..', `damaged-${registries}-${version}`), model.bytes, model.metadata);
  const registered = await registry.register('alpha', files.onnxPath, model.metadata);
  await damage(registered.onnxPath, registered.metadataPath);
}

describe('ModelHotSwap', () => {
  it('swaps under load at one tick boundary: every tick names exactly one model version', async () => {
    const { engine, hotSwap } = await setup();
    const before = await tickWhile(engine, 0, () => true, 200);
    let done = false;
    const swap = hotSwap.swapTo('2').then((outcome) => {
      done = true;
      return outcome;
    });
    const during = await tickWhile(engine, 200, () => done, 200);
    expect(await swap).toEqual({ status: 'swapped', id: 'alpha@2', previous: 'alpha@1' });

    const ids = [...before, ...during];
    expect(new Set(ids)).toEqual(new Set(['alpha@1', 'alpha@2']));
    const switchAt = ids.indexOf('alpha@2');
    expect(ids.slice(0, switchAt).every((id) => id === 'alpha@1')).toBe(true);
    expect(ids.slice(switchAt).every((id) => id === 'alpha@2')).toBe(true);
    expect(switchAt).toBeGreaterThan(200);
    expect(engine.status().signalId).toBe('alpha@2');
    await hotSwap.stop();
  });

  it.each([
    ['flipped bytes (sha256 mismatch)', 'sha256', async (onnxPath: string) => {
      const bytes = await readFile(onnxPath);
      bytes[20] = (bytes[20] as number) ^ 0x5a;
      await writeFile(onnxPath, bytes);
    }],
    ['a truncated ONNX file', 'onnx', async (onnxPath: string, metadataPath: string) => {
      const bytes = (await readFile(onnxPath)).subarray(0, 30);
      await writeFile(onnxPath, bytes);
      const metadata = JSON.parse(await readFile(metadataPath, 'utf8')) as { sha256: string };
      await writeFile(metadataPath, JSON.stringify({ ...metadata, sha256: sha256Hex(bytes) }));
    }],
  ])('refuses %s, alerts, and the old model keeps trading', async (_case, field, damage) => {
    const { registry, engine, notifier, failures, hotSwap } = await setup();
    await registerDamaged(registry, '3', damage);
    const outcome = await hotSwap.swapTo('3');
    expect(outcome.status).toBe('failed');
    const error = outcome.status === 'failed' ? outcome.error : undefined;
    expect(ModelValidationError.isInstance(error) && error.field).toBe(field);
    expect(failures).toEqual([outcome]);
    expect(notifier.events).toEqual([{ type: 'error', source: 'model-hot-swap', message: expect.stringContaining('version "3" refused, keeping "alpha@1"') }]);
    const ids = await tickWhile(engine, 0, () => true, 50);
    expect(new Set(ids)).toEqual(new Set(['alpha@1']));
    expect(hotSwap.current?.id).toBe('alpha@1');
    await hotSwap.stop();
  });

  it('refuses a model trained on another feature spec before it reaches the engine', async () => {
    const { registry, engine, hotSwap } = await setup();
    const model = logisticRegressionModel({ name: 'alpha', version: '4', featureSpec: OTHER_FEATURE_SPEC, weights: [1, 0, 0, 0, 0], bias: 0 });
    const files = await writeModelFiles(path.join(registry.root, '..', `other-${registries}`), model.bytes, model.metadata);
    await registry.register('alpha', files.onnxPath, model.metadata);
    const outcome = await hotSwap.swapTo('4');
    expect(outcome.status === 'failed' && ModelValidationError.isInstance(outcome.error) && outcome.error.field).toBe('specHash');
    expect(engine.status().signalId).toBe('alpha@1');
  });

  it('follows the champion pointer on its clock timer, once per pointer change', async () => {
    const { registry, engine, hotSwap } = await setup();
    const clock = new SimClock(0);
    const swaps: string[] = [];
    const polling = new ModelHotSwap({
      engine,
      registry,
      name: 'alpha',
      expectedFeatureSpec: SMALL_FEATURE_SPEC,
      current: hotSwap.current,
      clock,
      pollIntervalMs: 1000,
      watch: false,
      onSwap: (o) => swaps.push(o.id),
    });
    expect(await polling.start()).toBeUndefined();
    await registry.setChallenger('alpha', '2');
    await registry.promote('alpha');
    clock.advanceBy(999);
    await polling.settled();
    expect(swaps).toEqual([]);
    clock.advanceBy(1);
    await new Promise((resolve) => setImmediate(resolve));
    await polling.settled();
    expect(swaps).toEqual(['alpha@2']);
    clock.advanceBy(1000);
    await polling.settled();
    expect(swaps).toEqual(['alpha@2']);
    await registry.rollback('alpha');
    clock.advanceBy(1000);
    await new Promise((resolve) => setImmediate(resolve));
    await polling.settled();
    expect(swaps).toEqual(['alpha@2', 'alpha@1']);
    const ids = await tickWhile(engine, 0, () => true, 5);
    expect(new Set(ids)).toEqual(new Set(['alpha@1']));
    await polling.stop();
  });

  it('waits quietly while the pointer is unset, and alerts on an unknown model', async () => {
    const { registry, engine, notifier, hotSwap } = await setup();
    const challenger = new ModelHotSwap({ engine, registry, name: 'alpha', pointer: 'challenger', expectedFeatureSpec: SMALL_FEATURE_SPEC, current: hotSwap.current, notifier, watch: false });
    expect(await challenger.check()).toBeUndefined();
    const unknown = new ModelHotSwap({ engine, registry, name: 'beta', expectedFeatureSpec: SMALL_FEATURE_SPEC, notifier, watch: false });
    expect((await unknown.check())?.status).toBe('failed');
    expect(notifier.events).toEqual([{ type: 'error', source: 'model-hot-swap', message: expect.stringContaining('Unknown model "beta"') }]);
  });

  it('reacts to a pointer change through fs.watch without polling', async () => {
    const { registry, engine, hotSwap } = await setup();
    let resolveSwap: (id: string) => void = () => {};
    const swapped = new Promise<string>((resolve) => (resolveSwap = resolve));
    const watching = new ModelHotSwap({ engine, registry, name: 'alpha', expectedFeatureSpec: SMALL_FEATURE_SPEC, current: hotSwap.current, onSwap: (o) => resolveSwap(o.id) });
    await watching.start();
    await registry.setChallenger('alpha', '2');
    await registry.promote('alpha');
    expect(await swapped).toBe('alpha@2');
    await watching.stop();
  });
});
