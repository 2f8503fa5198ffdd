// The public face of @ares/features. Each section is owned by one area of the package.

// --- market data, cleaning and validation ---
export type { Bar, BarColumn } from './market/Bar.js';
export { BAR_COLUMNS } from './market/Bar.js';
export type { BarColumns } from './market/BarSeries.js';
export { BarSeries } from './market/BarSeries.js';
export { BarSeriesError } from './market/BarSeriesError.js';
export { CsvParseError } from './market/CsvParseError.js';
export type { ParseBarsCsvOptions } from './market/csv.js';
export { BAR_CSV_HEADER, formatBarsCsv, parseBarsCsv } from './market/csv.js';
export { InvalidTimeframeError } from './market/InvalidTimeframeError.js';
export { readBarsCsvFile } from './market/readBarsCsvFile.js';
export type { ResampleOptions } from './market/resample.js';
export { resample } from './market/resample.js';
export { timeframeToMs } from './market/timeframe.js';
export type { BarIssue, BarRule } from './cleaning/BarIssue.js';
export { BAR_RULES } from './cleaning/BarIssue.js';
export { BarValidationError } from './cleaning/BarValidationError.js';
export { InvalidPolicyError } from './cleaning/InvalidPolicyError.js';
export type { OutlierFilterOptions } from './cleaning/OutlierFilter.js';
export { OutlierFilter } from './cleaning/OutlierFilter.js';
export type { ValidateBarOptions } from './cleaning/validateBar.js';
export { validateBar } from './cleaning/validateBar.js';
export type { ValidationEntry, ValidationReport, ValidationResult } from './cleaning/validateSeries.js';
export { validateSeries } from './cleaning/validateSeries.js';
export type { ValidationPolicy, ValidationPolicyInput } from './cleaning/ValidationPolicySchema.js';
export { parseValidationPolicy, ValidationPolicySchema } from './cleaning/ValidationPolicySchema.js';
// --- end market data ---

// --- indicators and feature specs ---
export type { ATRState } from './indicators/ATR.js';
export { ATR } from './indicators/ATR.js';
export type {
  BollingerBandsBatch,
  BollingerBandsOptions,
  BollingerBandsResult,
  BollingerBandsState,
  DeviationKind,
} from './indicators/BollingerBands.js';
export { BollingerBands } from './indicators/BollingerBands.js';
export type { CCIState } from './indicators/CCI.js';
export { CCI } from './indicators/CCI.js';
export type { CrossoverInput, CrossoverState } from './indicators/Crossover.js';
export { Crossover } from './indicators/Crossover.js';
export type { DEMAState } from './indicators/DEMA.js';
export { DEMA } from './indicators/DEMA.js';
export type { EMAState } from './indicators/EMA.js';
export { EMA } from './indicators/EMA.js';
export type { EwmaVolatilityOptions, EwmaVolatilityState } from './indicators/EwmaVolatility.js';
export { EwmaVolatility } from './indicators/EwmaVolatility.js';
export { Highest } from './indicators/Highest.js';
export type {
  HighLowClose,
  HighLowCloseColumns,
  HighLowCloseVolume,
  HighLowCloseVolumeColumns,
  Indicator,
  NumericIndicator,
} from './indicators/Indicator.js';
export { InvalidParameterError } from './indicators/InvalidParameterError.js';
export type { LagIndicatorState } from './indicators/LagIndicator.js';
export { LogReturn } from './indicators/LogReturn.js';
export { Lowest } from './indicators/Lowest.js';
export type { MACDBatch, MACDOptions, MACDResult, MACDState } from './indicators/MACD.js';
export { MACD } from './indicators/MACD.js';
export { Momentum } from './indicators/Momentum.js';
export { NotEnoughDataError } from './indicators/NotEnoughDataError.js';
export type { CloseVolume, OBVState } from './indicators/OBV.js';
export { OBV } from './indicators/OBV.js';
export { periodsPerYear } from './indicators/periodsPerYear.js';
export { RateOfChange } from './indicators/RateOfChange.js';
export type { RealizedVolatilityOptions, RealizedVolatilityState } from './indicators/RealizedVolatility.js';
export { RealizedVolatility } from './indicators/RealizedVolatility.js';
export type { RollingExtremeState } from './indicators/RollingExtreme.js';
export type { RollingStatisticState } from './indicators/RollingStatistic.js';
export type { RollingVWAPState } from './indicators/RollingVWAP.js';
export { RollingVWAP } from './indicators/RollingVWAP.js';
export type { RSIState } from './indicators/RSI.js';
export { RSI } from './indicators/RSI.js';
export { SimpleReturn } from './indicators/SimpleReturn.js';
export type { SMAState } from './indicators/SMA.js';
export { SMA } from './indicators/SMA.js';
export { StandardDeviation } from './indicators/StandardDeviation.js';
export type { StochasticBatch, StochasticOptions, StochasticResult, StochasticState } from './indicators/Stochastic.js';
export { Stochastic } from './indicators/Stochastic.js';
export type { TEMAState } from './indicators/TEMA.js';
export { TEMA } from './indicators/TEMA.js';
export type { TrueRangeState } from './indicators/TrueRange.js';
export { TrueRange, trueRange } from './indicators/TrueRange.js';
export { UnsupportedOperationError } from './indicators/UnsupportedOperationError.js';
export type { WilderSmoothingState } from './indicators/WilderSmoothing.js';
export { WilderSmoothing } from './indicators/WilderSmoothing.js';
export type { WilliamsRState } from './indicators/WilliamsR.js';
export { WilliamsR } from './indicators/WilliamsR.js';
export type { WMAState } from './indicators/WMA.js';
export { WMA } from './indicators/WMA.js';
export { ZScore } from './indicators/ZScore.js';
export type { FeatureColumns, FeatureMatrix } from './spec/compileBatch.js';
export { compileBatch } from './spec/compileBatch.js';
export type { FeatureBar, StreamingFeatureState, StreamingFeatureVector } from './spec/compileStreaming.js';
export { compileStreaming } from './spec/compileStreaming.js';
export { DEFAULT_FEATURE_SPEC } from './spec/defaultFeatureSpec.js';
export type { FeatureSpecIssue } from './spec/FeatureSpecError.js';
export { FeatureSpecError } from './spec/FeatureSpecError.js';
export type {
  BinaryTransformFeature,
  FeatureDefinition,
  FeatureDefinitionInput,
  FeatureInputColumn,
  FeatureSpec,
  FeatureSpecInput,
  IndicatorFeature,
  UnaryTransformFeature,
} from './spec/FeatureSpecSchema.js';
export { FEATURE_INPUT_COLUMNS, FeatureSpecSchema } from './spec/FeatureSpecSchema.js';
export { parseFeatureSpec } from './spec/parseFeatureSpec.js';
export { specHash } from './spec/specHash.js';
// --- end indicators ---
