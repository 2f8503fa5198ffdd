/** @jest-environment ./src/__fixtures__/onnxTestEnvironment.cjs */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { logisticRegressionModel, SMALL_FEATURE_SPEC, tempDir, writeModelFiles } from '../__fixtures__/onnxModels.js';
import { sha256Hex } from '../models/loadModel.js';
import { ModelValidationError } from '../models/ModelValidationError.js';
import { ModelRegistry } from './ModelRegistry.js';
import { ModelRegistryError } from './ModelRegistryError.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('ares-registry-')));
afterAll(() => cleanup());

let registries = 0;
/** A fresh registry with versions 1..n of model `alpha`. */
async function registryWith(versions: number): Promise<ModelRegistry> {
  const root = path.join(dir, `r${registries++}`);
  const registry = new ModelRegistry(root);
  for (let v = 1; v <= versions; v++) {
    const model = logisticRegressionModel({ name: 'alpha', version: String(v), featureSpec: SMALL_FEATURE_SPEC, weights: [v, 0, 0, 0], bias: 0 });
    const files = await writeModelFiles(path.join(root, '..', `src-${path.basename(root)}-${v}`), model.bytes, model.metadata);
    await registry.register('alpha', files.onnxPath, model.metadata);
  }
  return registry;
}

const reason = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: unknown) => (ModelRegistryError.isInstance(e) ? e.reason : String(e)));

describe('ModelRegistry', () => {
  it('registers versions with their sha256, lists and describes them', async () => {
    const registry = await registryWith(2);
    expect(await registry.list()).toEqual([{ name: 'alpha', versions: ['1', '2'], champion: undefined, challenger: undefined }]);
    const described = await registry.describe('alpha', '2');
    expect(described.metadata.sha256).toBe(sha256Hex(await readFile(described.onnxPath)));
    expect(described.onnxPath).toBe(path.join(registry.root, 'alpha', '2', 'model.onnx'));
    expect([described.isChampion, described.isChallenger]).toEqual([false, false]);
  });

  it('refuses to overwrite a version, and refuses a model that does not validate', async () => {
    const registry = await registryWith(1);
    const model = logisticRegressionModel({ name: 'alpha', version: '1', featureSpec: SMALL_FEATURE_SPEC, weights: [9, 0, 0, 0], bias: 0 });
    const files = await writeModelFiles(path.join(registry.root, '..', `again-${path.basename(registry.root)}`), model.bytes, model.metadata);
    expect(await reason(registry.register('alpha', files.onnxPath, model.metadata))).toBe('version-exists');
    const bad = { ...model.metadata, version: '2', input: { name: 'nope', shape: ['N', 4] as [string, number] } };
    await expect(registry.register('alpha', files.onnxPath, bad)).rejects.toThrow(ModelValidationError);
    expect((await registry.list('alpha'))[0]?.versions).toEqual(['1']);
  });

  it('promotes the challenger, keeps the previous champion in the history and rolls back', async () => {
    const registry = await registryWith(3);
    await registry.setChallenger('alpha', '1');
    expect(await registry.promote('alpha')).toEqual({ champion: '1', previous: undefined });
    await registry.setChallenger('alpha', '2');
    expect((await registry.describe('alpha', '2')).isChallenger).toBe(true);
    expect(await registry.promote('alpha')).toEqual({ champion: '2', previous: '1' });
    await registry.setChallenger('alpha', '3');
    await registry.promote('alpha');
    expect(await registry.history('alpha')).toEqual(['1', '2']);
    expect((await registry.resolve('alpha', 'champion')).version).toBe('3');
    expect(await reason(registry.resolve('alpha', 'challenger'))).toBe('no-pointer');

    expect(await registry.rollback('alpha')).toEqual({ champion: '2', previous: '3' });
    expect(await registry.rollback('alpha')).toEqual({ champion: '1', previous: '2' });
    expect(await reason(registry.rollback('alpha'))).toBe('no-history');
    expect((await registry.resolve('alpha', 'champion')).version).toBe('1');
  });

  it.each([
    ['an unknown model', (r: ModelRegistry) => r.resolve('beta', 'champion'), 'unknown-model'],
    ['an unknown version', (r: ModelRegistry) => r.setChallenger('alpha', '7'), 'unknown-version'],
    ['describing an unknown version', (r: ModelRegistry) => r.describe('alpha', '7'), 'unknown-version'],
    ['promoting without a challenger', (r: ModelRegistry) => r.promote('alpha'), 'no-pointer'],
    ['a path-like name', (r: ModelRegistry) => r.resolve('../etc', 'champion'), 'invalid-name'],
  ])('refuses %s', async (_case, call, expected) => {
    const registry = await registryWith(1);
    expect(await reason(call(registry))).toBe(expected);
  });

  it('switches pointers atomically: a reader looping during 100 promotions always parses a whole pointer', async () => {
    const registry = await registryWith(2);
    const pointer = registry.pointerPath('alpha', 'champion');
    await registry.setChallenger('alpha', '1');
    await registry.promote('alpha');
    let writing = true;
    const seen = new Set<string>();
    const reader = (async () => {
      let reads = 0;
      while (writing || reads < 10) {
        const parsed = JSON.parse(await readFile(pointer, 'utf8')) as { version: string };
        seen.add(parsed.version);
        reads++;
      }
      return reads;
    })();
    for (let i = 0; i < 100; i++) {
      await registry.setChallenger('alpha', i % 2 === 0 ? '2' : '1');
      await registry.promote('alpha');
    }
    writing = false;
    expect(await reader).toBeGreaterThan(10);
    expect([...seen].sort()).toEqual(['1', '2']);
  });
});
