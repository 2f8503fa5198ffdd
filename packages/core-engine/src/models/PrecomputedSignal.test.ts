/** @jest-environment ./src/__fixtures__/onnxTestEnvironment.cjs */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { compileBatch, compileStreaming } from '@ares/features';
import { createRandom } from '@ares/pipeline-kit';
import { randomWalkBars, Z_SCORE_FEATURE_SPEC, tempDir, treeEnsembleModel, writeModelFiles } from '../__fixtures__/onnxModels.js';
import type { SignalDecision } from '../signal/SignalSource.js';
import { batchPredict } from './batchPredict.js';
import { ClassifierSignal } from './ClassifierSignal.js';
import { type LoadedModel, loadModel } from './loadModel.js';
import { ModelValidationError } from './ModelValidationError.js';
import { PrecomputedSignal } from './PrecomputedSignal.js';

let cleanup: () => Promise<void>;
let model: LoadedModel;
beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  const test = treeEnsembleModel({ featureSpec: Z_SCORE_FEATURE_SPEC, random: createRandom(9), trees: 100, depth: 4 });
  model = await loadModel(await writeModelFiles(temp.dir, test.bytes, test.metadata));
});
afterAll(async () => {
  await model.release();
  await cleanup();
});

const bars = randomWalkBars(createRandom(2026), 3000);
const columns = {
  open: Float64Array.from(bars, (b) => b.open),
  high: Float64Array.from(bars, (b) => b.high),
  low: Float64Array.from(bars, (b) => b.low),
  close: Float64Array.from(bars, (b) => b.close),
  volume: Float64Array.from(bars, (b) => b.volume),
};

type Decide = (context: Parameters<ClassifierSignal['decide']>[0]) => SignalDecision | Promise<SignalDecision>;

/** Runs a source over the bars with streaming features; the position follows each non-null target. */
async function decisions(decide: Decide): Promise<string[]> {
  const features = compileStreaming(Z_SCORE_FEATURE_SPEC);
  let position: -1 | 0 | 1 = 0;
  const out: string[] = [];
  for (const bar of bars) {
    const featuresReady = features.update(bar);
    const d = await decide({ bar, features: features.values, featuresReady, position });
    out.push(`${d.target}|${d.probability}|${d.reason}`);
    if (d.target !== null) position = d.target;
  }
  return out;
}

describe('batchPredict and PrecomputedSignal', () => {
  it('decide exactly like per-tick ClassifierSignal over 3000 bars', async () => {
    const perTick = new ClassifierSignal(model);
    const expected = await decisions((c) => perTick.decide(c));

    const matrix = compileBatch(Z_SCORE_FEATURE_SPEC)(columns);
    const predictions = await batchPredict(model, matrix, { chunkRows: 512 });
    const precomputed = new PrecomputedSignal({ model, predictions, timestamps: bars.map((b) => b.timestamp) });
    const actual = await decisions((c) => precomputed.decide(c));

    expect(actual).toEqual(expected);
    const targets = new Set(expected.map((d) => d.split('|')[0]));
    expect([...targets].sort()).toEqual(['-1', '0', '1', 'null']);
    expect(Number.isNaN(predictions.long[0])).toBe(true);
    expect(precomputed.id).toBe(perTick.id);
  });

  it('gives the same probabilities whatever the chunk size', async () => {
    const matrix = compileBatch(Z_SCORE_FEATURE_SPEC)(columns);
    const a = await batchPredict(model, matrix, { chunkRows: 1 });
    const b = await batchPredict(model, matrix, { chunkRows: 1000 });
    expect(b.long).toEqual(a.long);
    expect(b.short).toEqual(a.short);
  });

  it('refuses a matrix with other columns', async () => {
    const matrix = compileBatch(Z_SCORE_FEATURE_SPEC)(columns);
    const error = await batchPredict(model, { ...matrix, columns: ['a', 'b', 'c', 'd'] }).catch((e: unknown) => e);
    expect(ModelValidationError.isInstance(error) && error.field).toBe('matrix.columns');
  });

  it('answers target null for a bar it has no prediction for', () => {
    const predictions = { rows: 1, long: Float64Array.of(0.9), short: Float64Array.of(0.1) };
    const signal = new PrecomputedSignal({ model, predictions, timestamps: [bars[0]?.timestamp ?? 0] });
    const bar = bars[1] ?? bars[0];
    if (bar === undefined) throw new Error('no bars');
    const decision = signal.decide({ bar, features: new Float64Array(4), featuresReady: true, position: 0 });
    expect([decision.target, decision.reason]).toEqual([null, 'no precomputed prediction for this bar']);
  });
});
