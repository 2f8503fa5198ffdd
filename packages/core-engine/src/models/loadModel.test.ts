/** @jest-environment ./src/__fixtures__/onnxTestEnvironment.cjs */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { specHash } from '@ares/features';
import { createRandom } from '@ares/pipeline-kit';
import { Tensor } from 'onnxruntime-node';
import {
  buildMlpPolicy,
  logisticRegressionModel,
  mlpPolicyModel,
  OTHER_FEATURE_SPEC,
  SMALL_FEATURE_SPEC,
  softmaxClassifierModel,
  tempDir,
  treeEnsembleModel,
  treeEnsembleProbability,
  writeModelFiles,
} from '../__fixtures__/onnxModels.js';
import { type LoadedModel, loadModel, sha256Hex } from './loadModel.js';
import { ModelValidationError } from './ModelValidationError.js';
import type { TestModel } from './onnxBuilders/testModels.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

let counter = 0;
async function write(model: TestModel): Promise<{ onnxPath: string; metadataPath: string }> {
  return writeModelFiles(path.join(dir, `m${counter++}`), model.bytes, model.metadata);
}

async function runRow(model: LoadedModel, row: readonly number[]): Promise<Float32Array> {
  const input = new Tensor('float32', Float32Array.from(row), [1, row.length]);
  const out = await model.session.run({ [model.inputName]: input }, [model.outputName]);
  return out[model.outputName]?.data as Float32Array;
}

const logistic = () => logisticRegressionModel({ featureSpec: SMALL_FEATURE_SPEC, weights: [0.4, -0.3, 0.2, 1.0], bias: -0.1 });

describe('loadModel: output conventions', () => {
  it('loads a Gemm+Sigmoid logistic regression whose [N,1] output is σ(x·w + b), computed by hand', async () => {
    const model = await loadModel({ ...(await write(logistic())), expectedFeatureSpec: SMALL_FEATURE_SPEC });
    // z = 0.4·0.5 − 0.3·(−1) + 0.2·2 + 1.0·0.25 − 0.1 = 0.2 + 0.3 + 0.4 + 0.25 − 0.1 = 1.05
    // σ(1.05) = 1 / (1 + e^−1.05) = 1 / 1.3499377 = 0.7407749
    const [p] = await runRow(model, [0.5, -1, 2, 0.25]);
    expect(p).toBeCloseTo(0.7407749, 6);
    expect(model.id).toBe('logistic@1');
    expect(model.featureColumns).toEqual(['log_return_1', 'rsi_14', 'close_to_sma_20', 'close_z_score_20']);
    expect(model.outputWidth).toBe(1);
    await model.release();
  });

  it('loads a 100-tree depth-4 TreeEnsembleClassifier that matches a plain TypeScript evaluation to 1e-6', async () => {
    const random = createRandom(42);
    const test = treeEnsembleModel({ featureSpec: SMALL_FEATURE_SPEC, random, trees: 100, depth: 4 });
    const model = await loadModel(await write(test));
    expect(model.metadata.outputs).toEqual(['label', 'probabilities']);
    for (let i = 0; i < 200; i++) {
      const row = [random() * 2 - 1, random() * 2 - 1, random() * 2 - 1, random() * 2 - 1];
      const expected = treeEnsembleProbability(test.ensemble, row);
      const out = await runRow(model, row);
      expect(out[1]).toBeCloseTo(expected, 6);
      expect(out[0]).toBeCloseTo(1 - expected, 6);
    }
    await model.release();
  });

  it('loads a converter-style graph with label, probability tensor and ZipMap outputs, fetching only the tensor', async () => {
    const model = await loadModel(await write(treeEnsembleModel({ featureSpec: SMALL_FEATURE_SPEC, random: createRandom(1), zipMap: 'extra' })));
    expect(model.session.outputNames).toEqual(['label', 'probabilities', 'output_probability']);
    const out = await runRow(model, [0.1, 0.2, 0.3, 0.4]);
    expect((out[0] as number) + (out[1] as number)).toBeCloseTo(1, 6);
    await model.release();
  });

  it('loads a multi-class softmax classifier with [N,K] probabilities summing to 1, matching a hand softmax', async () => {
    // 4 features × 3 classes; logits for x = [1, 0, 0, 0] are row 0 of W plus b: [0.5, 0, −0.5] + [0, 0.1, 0].
    const weights = [0.5, 0, -0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const model = await loadModel(await write(softmaxClassifierModel({ featureSpec: SMALL_FEATURE_SPEC, weights, bias: [0, 0.1, 0], classTargets: [1, 0, -1] })));
    const out = await runRow(model, [1, 0, 0, 0]);
    // softmax([0.5, 0.1, −0.5]): e^0.5 = 1.6487213, e^0.1 = 1.1051709, e^−0.5 = 0.6065307, sum 3.3604229
    expect(out[0]).toBeCloseTo(1.6487213 / 3.3604229, 6);
    expect(out[1]).toBeCloseTo(1.1051709 / 3.3604229, 6);
    expect(out[2]).toBeCloseTo(0.6065307 / 3.3604229, 6);
    await model.release();
  });

  it.each(['logits', 'q-values'] as const)('loads an SB3-style MLP policy (%s) that matches a plain forward pass', async (output) => {
    const test = mlpPolicyModel({ featureSpec: SMALL_FEATURE_SPEC, random: createRandom(7), output, positionEncoding: 'one-hot', hidden: 8 });
    const model = await loadModel({ ...(await write(test)), expectedKind: 'policy' });
    expect(model.inputWidth).toBe(7);
    expect(model.session.inputNames).toEqual(['obs']);
    const obs = [0.1, -0.2, 0.3, 0.05, 0, 0, 1];
    const { hiddenWeights, hiddenBias, outputWeights, outputBias } = test.weights;
    const h = hiddenBias.map((b, j) => Math.tanh(obs.reduce((s, x, i) => s + Math.fround(x) * Math.fround(hiddenWeights[i * 8 + j] as number), Math.fround(b))));
    const expected = outputBias.map((b, a) => h.reduce((s, x, j) => s + x * Math.fround(outputWeights[j * 3 + a] as number), Math.fround(b)));
    const out = await runRow(model, obs);
    for (const [a, value] of expected.entries()) expect(out[a]).toBeCloseTo(value, 5);
    await model.release();
  });
  it('loads a ZipMap-only converter export with classifier.unwrapZipMap, reading the tensor the ZipMap zips', async () => {
    const random = createRandom(21);
    const test = treeEnsembleModel({ featureSpec: SMALL_FEATURE_SPEC, random, trees: 20, depth: 3, zipMap: 'only' });
    const classifier = { ...(test.metadata.classifier as object), unwrapZipMap: true } as typeof test.metadata.classifier;
    const model = await loadModel(await write({ ...test, metadata: { ...test.metadata, classifier } }));
    expect(model.outputName).toBe('probabilities');
    expect(model.session.outputNames).toEqual(['label', 'probabilities']);
    const row = [0.3, -0.4, 0.1, 0.9];
    const out = await runRow(model, row);
    expect(out[1]).toBeCloseTo(treeEnsembleProbability(test.ensemble, row), 6);
    await model.release();
  });

  it('reads input and output names from the session when the metadata leaves them out (SB3 exports vary)', async () => {
    const test = mlpPolicyModel({ featureSpec: SMALL_FEATURE_SPEC, random: createRandom(8), positionEncoding: 'none', hidden: 4 });
    const bytes = buildMlpPolicy({ ...test.weights, inputName: 'input', outputName: 'output' });
    const policy = test.metadata.policy as Record<string, unknown>;
    const { actionOutput: _, ...withoutOutput } = policy;
    const metadata = { ...test.metadata, input: { shape: ['N', 4] as [string, number] }, outputs: [], policy: withoutOutput as typeof test.metadata.policy };
    const model = await loadModel(await writeModelFiles(path.join(dir, `m${counter++}`), bytes, metadata));
    expect([model.inputName, model.outputName, model.outputWidth]).toEqual(['input', 'output', 3]);
    await model.release();
  });
});

describe('loadModel: refusals', () => {
  async function refusal(prepare: (files: { onnxPath: string; metadataPath: string }) => Promise<void>, options: { expectedKind?: 'policy' } = {}, test = logistic()) {
    const files = await write(test);
    await prepare(files);
    const error = await loadModel({ ...files, ...options, expectedFeatureSpec: SMALL_FEATURE_SPEC }).catch((e: unknown) => e);
    expect(ModelValidationError.isInstance(error)).toBe(true);
    return error as ModelValidationError;
  }
  const editMetadata = (edit: (m: Record<string, unknown>) => void) => async (files: { metadataPath: string }) => {
    const metadata = JSON.parse(await readFile(files.metadataPath, 'utf8')) as Record<string, unknown>;
    edit(metadata);
    await writeFile(files.metadataPath, JSON.stringify(metadata));
  };

  it('refuses a file whose bytes changed after the metadata was written (sha256 mismatch)', async () => {
    const error = await refusal(async ({ onnxPath }) => {
      const bytes = await readFile(onnxPath);
      bytes[bytes.length - 5] = (bytes[bytes.length - 5] as number) ^ 0xff;
      await writeFile(onnxPath, bytes);
    });
    expect(error.field).toBe('sha256');
    expect(error.message).toMatch(/corrupt or was altered/);
  });

  it('refuses a truncated ONNX file even when its hash was updated to match', async () => {
    const error = await refusal(async ({ onnxPath, metadataPath }) => {
      const bytes = (await readFile(onnxPath)).subarray(0, 40);
      await writeFile(onnxPath, bytes);
      await editMetadata((m) => {
        m.sha256 = sha256Hex(bytes);
      })({ metadataPath });
    });
    expect(error.field).toBe('onnx');
    expect(error.expected).toBe('a valid ONNX model');
  });

  it('refuses a model trained on another feature spec, naming both hashes', async () => {
    const error = await refusal(async () => {}, {}, logisticRegressionModel({ featureSpec: OTHER_FEATURE_SPEC, weights: [1, 1, 1, 1, 1], bias: 0 }));
    expect(error.field).toBe('specHash');
    expect(error.expected).toContain(specHash(SMALL_FEATURE_SPEC));
    expect(error.found).toContain(specHash(OTHER_FEATURE_SPEC));
  });

  it('refuses a specHash that does not match the metadata\'s own feature spec', async () => {
    const error = await refusal(editMetadata((m) => {
      m.specHash = 'a'.repeat(64);
    }));
    expect(error.field).toBe('specHash');
  });

  it.each([
    ['input.name', (m: Record<string, unknown>) => {
      m.input = { name: 'features', shape: ['N', 4] };
    }],
    ['input.shape', (m: Record<string, unknown>) => {
      m.input = { name: 'input', shape: ['N', 5] };
    }],
    ['outputs', (m: Record<string, unknown>) => {
      m.outputs = ['probabilities', 'label'];
    }],
  ])('refuses metadata that does not describe the graph: %s', async (field, edit) => {
    const error = await refusal(editMetadata(edit));
    expect(error.field).toBe(field);
  });

  it('refuses a ZipMap-only probability output and says to export with zipmap disabled', async () => {
    const error = await refusal(async () => {}, {}, treeEnsembleModel({ featureSpec: SMALL_FEATURE_SPEC, random: createRandom(3), trees: 2, zipMap: 'only' }));
    expect(error.field).toBe('classifier.probabilityOutput');
    expect(error.message).toMatch(/zipmap disabled/);
    expect(error.message).toMatch(/unwrapZipMap/);
  });

  it('refuses the wrong kind', async () => {
    const error = await refusal(async () => {}, { expectedKind: 'policy' });
    expect([error.field, error.expected, error.found]).toEqual(['kind', '"policy"', '"classifier"']);
  });

  it('refuses a classifier whose output width does not match its layout', async () => {
    const error = await refusal(editMetadata((m) => {
      m.classifier = { probabilityOutput: 'probabilities', layout: 'two-class' };
    }));
    expect(error.field).toBe('classifier.output');
    expect(error.expected).toMatch(/\[N, 2\]/);
  });

  it.each([
    ['thresholds out of order', (m: Record<string, unknown>) => {
      m.classifier = { probabilityOutput: 'probabilities', layout: 'positive-class', thresholds: { enterLong: 0.5, exitLong: 0.6 } };
    }, 'classifier.thresholds.exitLong'],
    ['a missing classifier section', (m: Record<string, unknown>) => {
      delete m.classifier;
    }, 'classifier'],
    ['a bad sha256', (m: Record<string, unknown>) => {
      m.sha256 = 'xyz';
    }, 'sha256'],
  ])('refuses invalid metadata: %s', async (_case, edit, field) => {
    const error = await refusal(editMetadata(edit));
    expect(error.field).toBe(field);
    expect(error.message).toContain(`"${field}"`);
  });

  it('refuses a missing metadata file', async () => {
    const error = await loadModel({ onnxPath: path.join(dir, 'nowhere', 'model.onnx') }).catch((e: unknown) => e);
    expect(ModelValidationError.isInstance(error) && error.field).toBe('metadataPath');
  });
});
