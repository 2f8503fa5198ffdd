import { stat } from 'node:fs/promises';
import {
  batchPredict,
  type LoadedModel,
  loadModel,
  ModelRegistry,
  ModelRegistryError,
  ModelValidationError,
  PolicySignal,
  PrecomputedSignal,
  type RegisteredModel,
  RsiMeanReversionStrategy,
  type SignalSource,
  SmaCrossoverStrategy,
} from '@ares/core-engine';
import { type BarSeries, compileBatch } from '@ares/features';
import type { DeepReadonly } from '@ares/pipeline-kit';
import { BacktestConfigError } from '../config/BacktestConfigError.js';
import type { BacktestConfig } from '../config/BacktestConfigSchema.js';

type StrategyConfig = DeepReadonly<BacktestConfig['strategy']>;
type ModelStrategyConfig = NonNullable<StrategyConfig['model']>;

/** The run's signal source and what the venue and the caller need to know about it. */
export interface BacktestSignalSource {
  readonly signal: SignalSource;
  /** Whether the source can ask for a short position: the simulated venue allows shorts only then. */
  readonly allowShort: boolean;
  /** Frees what the source holds (a policy's onnxruntime session); call once the run is over. */
  release(): Promise<void>;
}

/** A rule strategy's signal source. */
function createRuleStrategy(strategy: StrategyConfig & { readonly kind: 'sma-crossover' | 'rsi-mean-reversion' }): SignalSource {
  return strategy.kind === 'sma-crossover'
    ? new SmaCrossoverStrategy({ fast: strategy.fast, slow: strategy.slow, mode: strategy.mode })
    : new RsiMeanReversionStrategy({ period: strategy.rsiPeriod, lower: strategy.rsiLower, upper: strategy.rsiUpper, mode: strategy.mode });
}

/**
 * The configured strategy as a signal source over `series`. A rule strategy is built from its
 * parameters. A model comes from the registry; its metadata's feature spec becomes the engine's
 * features. A classifier is run once over the whole feature matrix (`batchPredict`) and replayed by a
 * `PrecomputedSignal`, which decides exactly like per-tick `ClassifierSignal`, without per-bar inference;
 * a policy's observation depends on the position, so it runs per tick (`PolicySignal`).
 * @throws BacktestConfigError naming the `strategy.model` setting, its `cause` the registry's or the model's own error.
 */
export async function createSignalSource(strategy: StrategyConfig, series: BarSeries): Promise<BacktestSignalSource> {
  if (strategy.kind !== 'model') {
    return { signal: createRuleStrategy({ ...strategy, kind: strategy.kind }), allowShort: strategy.mode === 'long-short', release: () => Promise.resolve() };
  }
  if (strategy.model === undefined) {
    // The schema refuses this; a config built by hand may still arrive here.
    throw new BacktestConfigError({ argument: 'strategy.model', message: 'Invalid "strategy.model": expected a model section (registry, ref) when "strategy.kind" is "model", received none.' });
  }
  const model = await loadRegisteredModel(strategy.model);
  if (model.metadata.kind === 'policy') {
    return { signal: new PolicySignal(model), allowShort: model.metadata.policy?.actionTargets.includes(-1) === true, release: () => model.release() };
  }
  try {
    const predictions = await batchPredict(model, compileBatch(model.metadata.featureSpec)(series));
    const signal = new PrecomputedSignal({ model, predictions, timestamps: series.timestamp });
    return { signal, allowShort: model.metadata.classifier?.thresholds.allowShort === true, release: () => Promise.resolve() };
  } catch (error) {
    throw modelError(model.id, error);
  } finally {
    // The predictions are all the signal needs: the session goes now.
    await model.release();
  }
}

/** Resolves `registry` / `name` / `ref` to a version and loads it (metadata, sha256, graph checked, warmed up). */
async function loadRegisteredModel(settings: ModelStrategyConfig): Promise<LoadedModel> {
  const registered = await resolveModel(settings);
  try {
    return await loadModel({ onnxPath: registered.onnxPath, metadataPath: registered.metadataPath });
  } catch (error) {
    throw modelError(`${registered.name}@${registered.version}`, error);
  }
}

async function resolveModel(settings: ModelStrategyConfig): Promise<RegisteredModel> {
  const isFolder = await stat(settings.registry).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isFolder) {
    throw new BacktestConfigError({ argument: 'strategy.model.registry', message: `Invalid "strategy.model.registry": expected a model registry folder, received "${settings.registry}" (no such folder).` });
  }
  const registry = new ModelRegistry(settings.registry);
  try {
    const name = settings.name ?? (await onlyModel(registry));
    const { ref } = settings;
    return ref === 'champion' || ref === 'challenger' ? await registry.resolve(name, ref) : await registry.resolveVersion(name, ref);
  } catch (error) {
    if (!ModelRegistryError.isInstance(error)) throw error;
    const argument = error.reason === 'unknown-model' || (error.reason === 'invalid-name' && error.message.includes('"name"')) ? 'strategy.model.name' : 'strategy.model.ref';
    throw new BacktestConfigError({ argument, message: `Invalid "${argument}": ${error.message}`, cause: error });
  }
}

/** The registry's model when it holds exactly one (so `name` may be left out). */
async function onlyModel(registry: ModelRegistry): Promise<string> {
  const names = (await registry.list()).map((m) => m.name);
  if (names.length === 1) return names[0] as string;
  throw new BacktestConfigError({
    argument: 'strategy.model.name',
    message: `Invalid "strategy.model.name": expected the model's name (registry "${registry.root}" holds ${names.length === 0 ? 'no model' : `${names.length} models: ${names.join(', ')}`}), received none.`,
  });
}

function modelError(id: string, error: unknown): unknown {
  if (!ModelValidationError.isInstance(error)) return error;
  return new BacktestConfigError({ argument: 'strategy.model', message: `Invalid "strategy.model" (${id}): ${error.message}`, cause: error });
}
