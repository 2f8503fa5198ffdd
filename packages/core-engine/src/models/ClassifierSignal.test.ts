/** @jest-environment ./src/__fixtures__/onnxTestEnvironment.cjs */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Bar } from '@ares/features';
import { logisticRegressionModel, SMALL_FEATURE_SPEC, softmaxClassifierModel, tempDir, writeModelFiles } from '../__fixtures__/onnxModels.js';
import { ClassifierSignal } from './ClassifierSignal.js';
import { type LoadedModel, loadModel } from './loadModel.js';
import { ModelValidationError } from './ModelValidationError.js';
import { mlpPolicyModel } from './onnxBuilders/testModels.js';
import { createRandom } from '@ares/pipeline-kit';

const bar: Bar = { timestamp: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 };
/** Logit of p: the feature value that makes σ(1·x) = p. */
const logit = (p: number) => Math.log(p / (1 - p));
const row = (x0: number) => Float64Array.from([x0, 0, 0, 0]);

let cleanup: () => Promise<void>;
let model: LoadedModel;
let multi: LoadedModel;
let policy: LoadedModel;
beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  // p = σ(x0): weights [1, 0, 0, 0], bias 0; default thresholds enter 0.55 / exit 0.50, long only.
  const logistic = logisticRegressionModel({ featureSpec: SMALL_FEATURE_SPEC, weights: [1, 0, 0, 0], bias: 0 });
  model = await loadModel(await writeModelFiles(`${temp.dir}/a`, logistic.bytes, logistic.metadata));
  // Softmax over logits [x0, 0, −x0] for classes [long, flat, short].
  const softmax = softmaxClassifierModel({ featureSpec: SMALL_FEATURE_SPEC, weights: [1, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0], bias: [0, 0, 0], classTargets: [1, 0, -1] });
  multi = await loadModel(await writeModelFiles(`${temp.dir}/b`, softmax.bytes, softmax.metadata));
  const p = mlpPolicyModel({ featureSpec: SMALL_FEATURE_SPEC, random: createRandom(1) });
  policy = await loadModel(await writeModelFiles(`${temp.dir}/c`, p.bytes, p.metadata));
});
afterAll(async () => {
  await Promise.all([model.release(), multi.release(), policy.release()]);
  await cleanup();
});

describe('ClassifierSignal', () => {
  it('turns probabilities into targets with hysteresis on the engine position', async () => {
    const signal = new ClassifierSignal(model);
    let position: -1 | 0 | 1 = 0;
    const steps: [number, -1 | 0 | 1][] = [
      [0.53, 0], // below enterLong: stay flat
      [0.57, 1], // above enterLong: go long
      [0.52, 1], // between exit and entry: hold
      [0.51, 1],
      [0.48, 0], // below exitLong: close
      [0.53, 0], // not above entry again
    ];
    for (const [p, expected] of steps) {
      const decision = await signal.decide({ bar, features: row(logit(p)), featuresReady: true, position });
      expect([p, decision.target]).toEqual([p, expected]);
      if (decision.target === 1) expect(decision.probability).toBeCloseTo(p, 5);
      position = decision.target ?? position;
    }
    expect(signal.id).toBe('logistic@1');
    expect(signal.kind).toBe('classifier');
  });

  it('maps multi-class probabilities to targets through classTargets', async () => {
    const signal = new ClassifierSignal(multi);
    // x0 = 2: logits [2, 0, −2] → p(long) = e²/(e² + 1 + e⁻²) = 7.389056/8.524391 = 0.866813, allowShort on.
    const long = await signal.decide({ bar, features: row(2), featuresReady: true, position: 0 });
    expect([long.target, long.probability]).toEqual([1, expect.closeTo(0.866813, 5)]);
    const short = await signal.decide({ bar, features: row(-2), featuresReady: true, position: 0 });
    expect([short.target, short.probability]).toEqual([-1, expect.closeTo(0.866813, 5)]);
  });

  it.each([
    ['features warming up', row(1), false, /warming up/],
    ['a NaN feature', Float64Array.from([1, Number.NaN, 0, 0]), true, /not a finite number/],
    ['an infinite feature', Float64Array.from([1, 0, Number.POSITIVE_INFINITY, 0]), true, /not a finite number/],
  ])('gives target null without running the model on %s', async (_case, features, featuresReady, reason) => {
    const signal = new ClassifierSignal(model);
    const run = jest.spyOn(model.session, 'run');
    const decision = await signal.decide({ bar, features, featuresReady, position: 1 });
    expect(decision.target).toBeNull();
    expect(decision.reason).toMatch(reason);
    expect(run).not.toHaveBeenCalled();
    run.mockRestore();
  });

  it('rejects when the model fails, and keeps working afterwards', async () => {
    const signal = new ClassifierSignal(model);
    const run = jest.spyOn(model.session, 'run').mockRejectedValueOnce(new Error('boom'));
    await expect(signal.decide({ bar, features: row(1), featuresReady: true, position: 0 })).rejects.toThrow('boom');
    run.mockRestore();
    await expect(signal.decide({ bar, features: row(1), featuresReady: true, position: 0 })).resolves.toMatchObject({ target: 1 });
  });

  it('refuses overlapping calls, which would share its input buffer', async () => {
    const signal = new ClassifierSignal(model);
    const first = signal.decide({ bar, features: row(1), featuresReady: true, position: 0 });
    await expect(signal.decide({ bar, features: row(1), featuresReady: true, position: 0 })).rejects.toThrow(/still running/);
    await first;
  });

  it('refuses a policy model', () => {
    expect(() => new ClassifierSignal(policy)).toThrow(ModelValidationError);
  });
});
