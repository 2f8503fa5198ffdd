// The public face of @ares/core-engine. Each section is owned by one area of the package.

// --- signal contract ---
export type { SignalContext, SignalDecision, SignalSource, SignalTarget } from './signal/SignalSource.js';
// --- end signal contract ---

// --- engine, rule strategies, runner ---
export type { PortfolioState } from './engine/EnginePortfolio.js';
export type { OrderIntent, StageOutcome, TickResult, TickStage } from './engine/TickResult.js';
export { copyTickResult, TICK_STAGES } from './engine/TickResult.js';
export type { EngineStatus, TradingEngineDependencies, TradingEngineState } from './engine/TradingEngine.js';
export { TradingEngine } from './engine/TradingEngine.js';
export type { ParsedTradingEngineConfig, TradingEngineConfig } from './engine/TradingEngineConfigSchema.js';
export { TradingEngineConfigSchema } from './engine/TradingEngineConfigSchema.js';
export { TradingEngineError } from './engine/TradingEngineError.js';
export type { RsiMeanReversionConfig } from './strategies/RsiMeanReversionStrategy.js';
export { RsiMeanReversionConfigSchema, RsiMeanReversionStrategy } from './strategies/RsiMeanReversionStrategy.js';
export type { SmaCrossoverConfig } from './strategies/SmaCrossoverStrategy.js';
export { SmaCrossoverConfigSchema, SmaCrossoverStrategy } from './strategies/SmaCrossoverStrategy.js';
export type { ReplayFeedOptions } from './runner/ReplayFeed.js';
export { ReplayFeed } from './runner/ReplayFeed.js';
export type { DecisionRecord, RunResult, SubmittedOrder } from './runner/RunResult.js';
export type { BacktestOptions, BacktestResult } from './runner/runBacktest.js';
export { runBacktest } from './runner/runBacktest.js';
export type { LiveOptions, RunnerLogger } from './runner/runLive.js';
export { runLive } from './runner/runLive.js';
// --- end engine ---

// --- models, registry, hot-swap ---
export type { BatchPredictOptions, ClassifierPredictions, FeatureRows } from './models/batchPredict.js';
export { batchPredict } from './models/batchPredict.js';
export { ClassifierSignal } from './models/ClassifierSignal.js';
export type { DirectionProbabilities } from './models/classifierDecision.js';
export { readDirectionProbabilities, thresholdTarget } from './models/classifierDecision.js';
export type { LoadedModel, LoadModelOptions } from './models/loadModel.js';
export { loadModel, metadataPathFor, sha256Hex } from './models/loadModel.js';
export type { ClassifierSpec, ClassifierThresholds, ModelMetadata, ModelMetadataInput, PolicySpec } from './models/ModelMetadataSchema.js';
export {
  ClassifierSpecSchema,
  ClassifierThresholdsSchema,
  ModelMetadataSchema,
  PolicySpecSchema,
  parseModelMetadata,
} from './models/ModelMetadataSchema.js';
export type { ModelValidationIssue } from './models/ModelValidationError.js';
export { ModelValidationError } from './models/ModelValidationError.js';
export { PolicySignal } from './models/PolicySignal.js';
export type { PrecomputedSignalOptions } from './models/PrecomputedSignal.js';
export { PrecomputedSignal } from './models/PrecomputedSignal.js';
export { writeObservation } from './models/writeObservation.js';
export type { ModelListing, ModelPointerName, ModelVersionDescription, RegisteredModel, RegisterMetadata } from './registry/ModelRegistry.js';
export { ModelRegistry } from './registry/ModelRegistry.js';
export type { ModelRegistryErrorReason } from './registry/ModelRegistryError.js';
export { ModelRegistryError } from './registry/ModelRegistryError.js';
export type { HotSwapOutcome, ModelHotSwapOptions, SignalSourceTarget } from './hotswap/ModelHotSwap.js';
export { ModelHotSwap } from './hotswap/ModelHotSwap.js';
// --- end models ---
