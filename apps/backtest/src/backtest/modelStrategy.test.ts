/** @jest-environment ./src/__fixtures__/onnxTestEnvironment.cjs */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SimulatedExchange } from '@ares/connectors';
import { ClassifierSignal, loadModel, ModelRegistry, ModelRegistryError, ModelValidationError, runBacktest, TradingEngine } from '@ares/core-engine';
import { mlpPolicyModel, treeEnsembleModel, writeModelFiles } from '@ares/core-engine/onnx-builders';
import { type FeatureSpecInput, specHash } from '@ares/features';
import { createRandom } from '@ares/pipeline-kit';
import { createRiskEngine } from '@ares/risk';
import { BacktestConfigError } from '../config/BacktestConfigError.js';
import { type BacktestConfigInput, BacktestConfigSchema } from '../config/BacktestConfigSchema.js';
import { loadMarketData, type MarketData } from './loadMarketData.js';
import { runStrategyBacktest } from './runStrategyBacktest.js';

/** Four z-scores (about N(0, 1)), so the random trees' thresholds in [-1, 1) split them. */
const FEATURES = {
  version: 1,
  features: [
    { name: 'close_z_10', indicator: 'zScore', params: { period: 10 } },
    { name: 'close_z_30', indicator: 'zScore', params: { period: 30 } },
    { name: 'volume_z_20', indicator: 'zScore', params: { period: 20 }, input: 'volume' },
    { name: 'high_z_5', indicator: 'zScore', params: { period: 5 }, input: 'high' },
  ],
} as const satisfies FeatureSpecInput;

const FEE = 0.001;
const SLIPPAGE_BPS = 2;
const FRACTION = 0.5;
const CASH = 10_000;

let dir: string;
let registryDir: string;
let data: MarketData;
const registry = (): ModelRegistry => new ModelRegistry(registryDir);

/** Writes a test model's files aside and registers them. */
async function register(name: string, model: { bytes: Uint8Array; metadata: Parameters<typeof writeModelFiles>[2] }): Promise<void> {
  const files = await writeModelFiles(join(dir, 'staging', `${name}-${model.metadata.version}`), model.bytes, model.metadata);
  await registry().register(name, files.onnxPath, files.metadata);
}

function trees(version: string, seed = 9) {
  return treeEnsembleModel({ name: 'trees', version, featureSpec: FEATURES, random: createRandom(seed), trees: 40, depth: 3 });
}

function modelConfig(model: NonNullable<NonNullable<BacktestConfigInput['strategy']>['model']>) {
  return BacktestConfigSchema.parse({
    strategy: { kind: 'model', model },
    exchange: { fee: FEE, slippageBps: SLIPPAGE_BPS, initialCash: CASH },
    sizing: { fraction: FRACTION },
    monteCarlo: { paths: 0 },
  });
}

async function failure(model: Parameters<typeof modelConfig>[0]): Promise<BacktestConfigError> {
  const error = await runStrategyBacktest(modelConfig(model), data).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!BacktestConfigError.isInstance(error)) throw new Error(`expected a BacktestConfigError, received ${String(error)}`);
  return error;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ares-model-strategy-'));
  registryDir = join(dir, 'registry');
  data = await loadMarketData({ source: 'synthetic', syntheticBars: 1500, seed: 5 });
  await register('trees', trees('1'));
  await registry().setChallenger('trees', '1');
  await registry().promote('trees');
  // Versions 2 and 3 get damaged below, each in its own way.
  await register('trees', trees('2', 10));
  await register('trees', trees('3', 11));
  await register('policy', mlpPolicyModel({ name: 'policy', version: '1', featureSpec: FEATURES, random: createRandom(4), hidden: 8 }));
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a registered model as the strategy', () => {
  it('backtests the champion classifier, names it as the strategy, and decides exactly like per-tick ClassifierSignal in core-engine', async () => {
    const outcome = await runStrategyBacktest(modelConfig({ registry: registryDir, name: 'trees', ref: 'champion' }), data);
    expect(outcome.strategyId).toBe('trees@1');
    expect(outcome.trades.length).toBeGreaterThan(5);

    // Reference: core-engine's own runner with the per-tick (awaited) ClassifierSignal, on the same bars and venue settings.
    const { onnxPath } = await registry().resolve('trees', 'champion');
    const model = await loadModel({ onnxPath });
    try {
      const allowShort = model.metadata.classifier?.thresholds.allowShort === true;
      const exchange = new SimulatedExchange({
        markets: [{ symbol: 'BTC/USDT', base: 'BTC', quote: 'USDT', makerFee: FEE, takerFee: FEE }],
        initialBalances: { USDT: CASH },
        slippage: { kind: 'fixed-bps', bps: SLIPPAGE_BPS },
        allowShort,
      });
      const risk = createRiskEngine({
        limits: { maxDrawdown: 1, maxDailyLoss: 1, lossCooldownMs: 0, maxPositionFraction: 1e9, maxLeverage: 1e9 },
        sizing: { method: 'fixed-fraction', fraction: FRACTION, basis: 'cash' },
      });
      const engine = new TradingEngine({ id: 'bt', symbol: 'BTC/USDT', timeframe: data.timeframe, measureStages: false }, { signal: new ClassifierSignal(model), risk });
      const reference = await runBacktest({ engine, series: data.series, exchange, symbol: 'BTC/USDT' });
      expect(reference.fills.length).toBe(outcome.fills.length);
      expect(outcome.fills).toEqual(reference.fills);
      expect(Array.from(outcome.equity)).toEqual(Array.from(reference.equity));
      // The model (allowShort: true in its thresholds) went short at least once: the venue allowed it.
      expect(outcome.position.some((p) => p < 0)).toBe(true);
    } finally {
      await model.release();
    }
  });

  it('resolves a version like the pointer naming it; the name may be left out only when the registry holds one model', async () => {
    const byVersion = await runStrategyBacktest(modelConfig({ registry: registryDir, name: 'trees', ref: '1' }), data);
    const byChampion = await runStrategyBacktest(modelConfig({ registry: registryDir, name: 'trees' }), data);
    expect(byVersion.fingerprint).toBe(byChampion.fingerprint);
    const single = join(dir, 'single');
    const files = await writeModelFiles(join(dir, 'staging', 'single'), trees('1').bytes, trees('1').metadata);
    await new ModelRegistry(single).register('trees', files.onnxPath, files.metadata);
    const unnamed = await runStrategyBacktest(modelConfig({ registry: single, ref: '1' }), data);
    expect(unnamed.fingerprint).toBe(byVersion.fingerprint);
    const error = await failure({ registry: registryDir });
    expect(error.argument).toBe('strategy.model.name');
    expect(error.message).toContain('2 models: policy, trees');
  });

  it('runs a policy model end to end, per tick, deterministically', async () => {
    const config = modelConfig({ registry: registryDir, name: 'policy', ref: '1' });
    const first = await runStrategyBacktest(config, data);
    expect(first.strategyId).toBe('policy@1');
    expect(first.trades.length).toBeGreaterThan(0);
    expect(first.equity.length).toBe(data.series.length);
    // Actions [short, flat, long]: the venue allows the shorts.
    expect(first.position.some((p) => p < 0)).toBe(true);
    const second = await runStrategyBacktest(config, data);
    expect(second.fingerprint).toBe(first.fingerprint);
  });
});

describe('model strategy errors', () => {
  it('names strategy.model.registry when the folder does not exist', async () => {
    const error = await failure({ registry: join(dir, 'nowhere'), name: 'trees' });
    expect(error.argument).toBe('strategy.model.registry');
    expect(error.message).toContain(join(dir, 'nowhere'));
  });

  it('names strategy.model.ref for an unknown version, with the registry\'s message and error as the cause', async () => {
    const error = await failure({ registry: registryDir, name: 'trees', ref: '7' });
    expect(error.argument).toBe('strategy.model.ref');
    expect(error.message).toBe('Invalid "strategy.model.ref": Unknown version "7" of model "trees"; registered: 1, 2, 3.');
    expect(ModelRegistryError.isInstance(error.cause) && error.cause.reason).toBe('unknown-version');
  });

  it('names strategy.model.ref when the pointer is not set, and strategy.model.name for an unknown model', async () => {
    const noChallenger = await failure({ registry: registryDir, name: 'trees', ref: 'challenger' });
    expect([noChallenger.argument, noChallenger.message]).toEqual(['strategy.model.ref', 'Invalid "strategy.model.ref": Model "trees" has no challenger.']);
    const unknown = await failure({ registry: registryDir, name: 'forest' });
    expect(unknown.argument).toBe('strategy.model.name');
    expect(ModelRegistryError.isInstance(unknown.cause) && unknown.cause.reason).toBe('unknown-model');
  });

  it('refuses a corrupt ONNX file (sha256 mismatch) naming the model and the field', async () => {
    const { onnxPath } = await registry().resolveVersion('trees', '2');
    const bytes = await readFile(onnxPath);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] as number) ^ 0xff;
    await writeFile(onnxPath, bytes);
    const error = await failure({ registry: registryDir, name: 'trees', ref: '2' });
    expect(error.argument).toBe('strategy.model');
    expect(error.message).toContain('Invalid "strategy.model" (trees@2)');
    expect(ModelValidationError.isInstance(error.cause) && error.cause.field).toBe('sha256');
    expect(error.message).toContain('"sha256": expected');
  });

  it('refuses metadata whose feature spec no longer matches its hash, or no longer matches the graph', async () => {
    const { metadataPath } = await registry().resolveVersion('trees', '3');
    const original = JSON.parse(await readFile(metadataPath, 'utf8')) as { featureSpec: typeof FEATURES; specHash: string };
    // A period edited after registration: the recorded specHash gives it away.
    const edited = { ...FEATURES, features: FEATURES.features.map((f, i) => (i === 0 ? { ...f, params: { period: 12 } } : f)) };
    await writeFile(metadataPath, JSON.stringify({ ...original, featureSpec: edited }));
    const stale = await failure({ registry: registryDir, name: 'trees', ref: '3' });
    expect(ModelValidationError.isInstance(stale.cause) && stale.cause.field).toBe('specHash');

    // A feature dropped and the hash recomputed: three columns for a graph that reads four.
    const fewer = { ...FEATURES, features: FEATURES.features.slice(0, 3) };
    await writeFile(metadataPath, JSON.stringify({ ...original, featureSpec: fewer, specHash: specHash(fewer) }));
    const narrow = await failure({ registry: registryDir, name: 'trees', ref: '3' });
    expect(narrow.argument).toBe('strategy.model');
    expect(ModelValidationError.isInstance(narrow.cause) && narrow.cause.field).toBe('input.shape');
    expect(narrow.message).toContain('3 features');
  });
});
