// ONNX model benchmarks (JSON lines): engine.processTick latency with a 100-tree depth-4 classifier
// and with an MLP policy, raw single-row session.run for comparison, and batchPredict throughput.
// Data: Binance BTC/USDT 1h (../../shared/data) through the default feature spec (24 features).
// Models are built with the same builders as the test suite (dist/models/onnxBuilders, internal).
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compileBatch, DEFAULT_FEATURE_SPEC, parseBarsCsv } from '@ares/features';
import { createRandom } from '@ares/pipeline-kit';
import { Tensor } from 'onnxruntime-node';
import { batchPredict, ClassifierSignal, loadModel, PolicySignal, TradingEngine } from '../dist/index.js';
import { mlpPolicyModel, treeEnsembleModel } from '../dist/models/onnxBuilders/testModels.js';
import { writeModelFiles } from '../dist/models/onnxBuilders/writeModelFiles.js';

const REPETITIONS = 5;
const TICKS = 20_000;
const series = parseBarsCsv(readFileSync(new URL('../../../../shared/data/btcusdt_binance_spot_1h.csv', import.meta.url), 'utf8'));
const bars = Array.from({ length: Math.min(series.length, TICKS + 100) }, (_, i) => series.at(i));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const emit = (record) => console.log(JSON.stringify(record));
const quantile = (sorted, q) => sorted[Math.floor(sorted.length * q)];

const dir = await mkdtemp(path.join(os.tmpdir(), 'ares-models-bench-'));
const random = createRandom(2026);
const trees = treeEnsembleModel({ name: 'trees', featureSpec: DEFAULT_FEATURE_SPEC, random, trees: 100, depth: 4 });
const policy = mlpPolicyModel({ name: 'policy', featureSpec: DEFAULT_FEATURE_SPEC, random, hidden: 64, positionEncoding: 'one-hot' });
const treeModel = await loadModel(await writeModelFiles(path.join(dir, 'trees'), trees.bytes, trees.metadata));
const policyModel = await loadModel(await writeModelFiles(path.join(dir, 'policy'), policy.bytes, policy.metadata));

/** processTick latency (ns) per tick after the features' warm-up and a JIT warm-up, p50/p99 medians over repetitions. */
async function tickLatency(makeSource) {
  const p50s = [];
  const p99s = [];
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const engine = new TradingEngine({ symbol: 'BTC/USDT', timeframe: '1h', measureStages: false }, { signal: makeSource() });
    engine.syncPortfolio({ cash: 100_000 });
    const ns = [];
    for (let i = 0; i < bars.length; i++) {
      const t0 = performance.now();
      await engine.processTick(bars[i]);
      const elapsed = (performance.now() - t0) * 1e6;
      if (i >= 1000) ns.push(elapsed);
    }
    ns.sort((a, b) => a - b);
    p50s.push(quantile(ns, 0.5));
    p99s.push(quantile(ns, 0.99));
  }
  return { p50: median(p50s), p99: median(p99s), ticks: bars.length - 1000 };
}

/** Raw single-row session.run latency (ns) on a zero row, the floor under a model tick. */
async function runLatency(model) {
  const input = new Tensor('float32', new Float32Array(model.inputWidth), [1, model.inputWidth]);
  const feeds = { [model.inputName]: input };
  const fetches = [model.outputName];
  const p50s = [];
  const p99s = [];
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const ns = [];
    for (let i = 0; i < TICKS; i++) {
      const t0 = performance.now();
      await model.session.run(feeds, fetches);
      ns.push((performance.now() - t0) * 1e6);
    }
    ns.sort((a, b) => a - b);
    p50s.push(quantile(ns, 0.5));
    p99s.push(quantile(ns, 0.99));
  }
  return { p50: median(p50s), p99: median(p99s) };
}

const rawTrees = await runLatency(treeModel);
emit({ name: 'onnx.session.run.trees100x4', unit: 'ns', median: rawTrees.p50, p99: rawTrees.p99, repetitions: REPETITIONS, note: 'one row, 24 features, intraOpNumThreads 1' });
const treeTick = await tickLatency(() => new ClassifierSignal(treeModel));
emit({ name: 'engine.processTick.classifier.trees100x4', unit: 'ns', median: treeTick.p50, p99: treeTick.p99, p99OverP50: treeTick.p99 / treeTick.p50, ticks: treeTick.ticks, repetitions: REPETITIONS, peer: 'onnx.session.run.trees100x4', ratio: treeTick.p50 / rawTrees.p50, target: 'p50 <= 25000 ns, p99 <= 5x p50' });

const rawPolicy = await runLatency(policyModel);
emit({ name: 'onnx.session.run.mlp27x64x3', unit: 'ns', median: rawPolicy.p50, p99: rawPolicy.p99, repetitions: REPETITIONS, note: 'one row, 24 features + one-hot position' });
const policyTick = await tickLatency(() => new PolicySignal(policyModel));
emit({ name: 'engine.processTick.policy.mlp27x64x3', unit: 'ns', median: policyTick.p50, p99: policyTick.p99, p99OverP50: policyTick.p99 / policyTick.p50, ticks: policyTick.ticks, repetitions: REPETITIONS, peer: 'onnx.session.run.mlp27x64x3', ratio: policyTick.p50 / rawPolicy.p50 });

// --- batchPredict throughput over the whole history's feature matrix ---
{
  const matrix = compileBatch(DEFAULT_FEATURE_SPEC)(series);
  const rates = [];
  for (let rep = 0; rep < REPETITIONS; rep++) {
    const t0 = performance.now();
    await batchPredict(treeModel, matrix);
    rates.push(matrix.rows / ((performance.now() - t0) / 1000));
  }
  const perTickRate = 1e9 / treeTick.p50;
  emit({ name: 'batchPredict.trees100x4', unit: 'rows/s', median: median(rates), rows: matrix.rows, repetitions: REPETITIONS, peer: 'engine.processTick.classifier.trees100x4 (ticks/s)', ratio: median(rates) / perTickRate });
}

await treeModel.release();
await policyModel.release();
await rm(dir, { recursive: true, force: true });
