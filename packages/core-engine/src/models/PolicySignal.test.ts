/** @jest-environment ./src/__fixtures__/onnxTestEnvironment.cjs */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Bar } from '@ares/features';
import { createRandom } from '@ares/pipeline-kit';
import { mlpPolicyModel, SMALL_FEATURE_SPEC, tempDir, writeModelFiles } from '../__fixtures__/onnxModels.js';
import { type LoadedModel, loadModel } from './loadModel.js';
import { PolicySignal } from './PolicySignal.js';

const bar: Bar = { timestamp: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 };
let cleanup: () => Promise<void>;
const models: Record<string, { model: LoadedModel; weights: ReturnType<typeof mlpPolicyModel>['weights'] }> = {};

beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  for (const output of ['logits', 'q-values'] as const) {
    const test = mlpPolicyModel({ featureSpec: SMALL_FEATURE_SPEC, random: createRandom(11), output, positionEncoding: 'one-hot', hidden: 8 });
    models[output] = { model: await loadModel(await writeModelFiles(`${temp.dir}/${output}`, test.bytes, test.metadata)), weights: test.weights };
  }
});
afterAll(async () => {
  await Promise.all(Object.values(models).map((m) => m.model.release()));
  await cleanup();
});

/** Plain forward pass: tanh(x·W1 + b1)·W2 + b2, in float64 over the float32-rounded inputs. */
function forward(w: ReturnType<typeof mlpPolicyModel>['weights'], obs: readonly number[]): number[] {
  const hidden = w.hiddenBias.length;
  const h = w.hiddenBias.map((b, j) => Math.tanh(obs.reduce((s, x, i) => s + Math.fround(x) * Math.fround(w.hiddenWeights[i * hidden + j] as number), b)));
  return w.outputBias.map((b, a) => h.reduce((s, x, j) => s + x * Math.fround(w.outputWeights[j * 3 + a] as number), b));
}

describe('PolicySignal', () => {
  it.each(['logits', 'q-values'] as const)('acts greedily on %s, the observation carrying the position one-hot', async (output) => {
    const { model, weights } = models[output] as (typeof models)[string];
    const signal = new PolicySignal(model);
    const random = createRandom(5);
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const features = [0, 0, 0, 0].map(() => random() * 4 - 2);
      const position = ([-1, 0, 1] as const)[i % 3] as -1 | 0 | 1;
      const values = forward(weights, [...features, position === -1 ? 1 : 0, position === 0 ? 1 : 0, position === 1 ? 1 : 0]);
      const best = values.indexOf(Math.max(...values));
      const sorted = [...values].sort((a, b) => b - a);
      if ((sorted[0] as number) - (sorted[1] as number) < 1e-4) continue; // too close to call in float32
      const decision = await signal.decide({ bar, features: Float64Array.from(features), featuresReady: true, position });
      expect(decision.target).toBe([-1, 0, 1][best]);
      seen.add(decision.target as number);
      if (output === 'logits') {
        const sum = values.reduce((s, v) => s + Math.exp(v), 0);
        expect(decision.probability).toBeCloseTo(Math.exp(values[best] as number) / sum, 4);
      } else expect(decision.probability).toBeUndefined();
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('gives target null without running the policy when a feature is NaN', async () => {
    const { model } = models.logits as (typeof models)[string];
    const signal = new PolicySignal(model);
    const run = jest.spyOn(model.session, 'run');
    const decision = await signal.decide({ bar, features: Float64Array.from([0, Number.NaN, 0, 0]), featuresReady: true, position: 0 });
    expect(decision.target).toBeNull();
    expect(run).not.toHaveBeenCalled();
    run.mockRestore();
  });
});
