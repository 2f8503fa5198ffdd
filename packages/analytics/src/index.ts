export { InvalidArgumentError } from './InvalidArgumentError.js';
export { SeededRandom } from './SeededRandom.js';
export { canonicalJson, fingerprint } from './fingerprint.js';

// Performance metrics
export { type BacktestRecord, computeMetrics, MS_PER_YEAR, type PerformanceMetrics } from './metrics/computeMetrics.js';
export { type DrawdownStatistics, drawdownCurve, drawdownStatistics } from './metrics/drawdownStatistics.js';
export { exposureTime } from './metrics/exposureTime.js';
export { type MetricsOptions, MetricsOptionsSchema } from './metrics/MetricsOptionsSchema.js';
export { monthlyReturns, type YearReturns } from './metrics/monthlyReturns.js';
export { type AnnualizationOptions, annualizedVolatility, perBarRiskFreeRate, sharpeRatio, sortinoRatio } from './metrics/riskAdjustedReturns.js';
export { simpleReturns } from './metrics/simpleReturns.js';
export type { Trade } from './metrics/Trade.js';
export { type TradeStatistics, tradeStatistics } from './metrics/tradeStatistics.js';

// Monte Carlo
export { blockBootstrapReturns, sampleBlockIndices } from './montecarlo/blockBootstrapReturns.js';
export { bootstrapTrades } from './montecarlo/bootstrapTrades.js';
export {
  type BlockBootstrapOptions,
  BlockBootstrapOptionsSchema,
  type MonteCarloOptions,
  MonteCarloOptionsSchema,
  type TradeMonteCarloOptions,
  TradeMonteCarloOptionsSchema,
} from './montecarlo/MonteCarloOptionsSchema.js';
export { reshuffleTrades } from './montecarlo/reshuffleTrades.js';
export type { MonteCarloResult } from './montecarlo/simulatePaths.js';
export { type Distribution, PERCENTILES, summarizeDistribution } from './montecarlo/summarizeDistribution.js';

// Overfitting statistics
export {
  type DeflatedSharpeResult,
  deflatedSharpeRatio,
  expectedMaxSharpe,
  probabilisticSharpeRatio,
  type SharpeObservation,
  SharpeObservationSchema,
} from './overfitting/deflatedSharpeRatio.js';
export { inverseNormalCdf, normalCdf } from './overfitting/normalDistribution.js';
export { type PboOptions, PboOptionsSchema, type PboResult, probabilityOfBacktestOverfitting } from './overfitting/probabilityOfBacktestOverfitting.js';
export { type ReturnMoments, returnMoments } from './overfitting/returnMoments.js';

// Search spaces and walk-forward
export { type GridSearchOptions, GridSearchOptionsSchema, gridSearch } from './search/gridSearch.js';
export { latinHypercube } from './search/latinHypercube.js';
export {
  ChoiceParameterSchema,
  FloatParameterSchema,
  IntParameterSchema,
  type Parameter,
  type ParameterPoint,
  type ParameterSpace,
  type ParameterSpaceInput,
  ParameterSpaceSchema,
  type ParameterValue,
} from './search/ParameterSpaceSchema.js';
export { type ParameterStability, parameterStability } from './search/parameterStability.js';
export { type SamplingOptions, SamplingOptionsSchema, randomSearch } from './search/randomSearch.js';
export { type RefineOptions, RefineOptionsSchema, refineAround } from './search/refineAround.js';
export { type WalkForwardEfficiency, walkForwardEfficiency } from './search/walkForwardEfficiency.js';
export { type BarRange, type WalkForwardOptions, WalkForwardOptionsSchema, type WalkForwardWindow, walkForwardWindows } from './search/walkForwardWindows.js';
