import type { FeatureSpecInput } from './FeatureSpecSchema.js';

/**
 * The default feature set for hourly crypto bars: 24 scale-free features (returns, oscillators, prices
 * relative to averages, normalized volatility), so a model trained on one price level serves at another.
 * Hidden helpers (SMAs, ATR, MACD histogram, VWAP) are computed but only used through ratios.
 * Warm-up: 50 bars (the SMA(50)). See the package README for the list with formulas.
 */
export const DEFAULT_FEATURE_SPEC = {
  version: 1,
  features: [
    // Returns at several horizons and a lagged one-bar return.
    { name: 'log_return_1', indicator: 'logReturn', params: { period: 1 } },
    { name: 'log_return_4', indicator: 'logReturn', params: { period: 4 } },
    { name: 'log_return_24', indicator: 'logReturn', params: { period: 24 } },
    { name: 'log_return_1_lag_1', transform: 'lag', of: 'log_return_1', periods: 1 },
    { name: 'log_return_1_lag_2', transform: 'lag', of: 'log_return_1', periods: 2 },
    // Momentum oscillators.
    { name: 'rsi_14', indicator: 'rsi', params: { period: 14 } },
    { name: 'rsi_14_diff_1', transform: 'diff', of: 'rsi_14', periods: 1 },
    { name: 'macd_histogram', indicator: 'macd', params: { fastPeriod: 12, slowPeriod: 26, signalPeriod: 9 }, output: 'histogram', hidden: true },
    { name: 'macd_histogram_to_close', transform: 'ratio', a: 'macd_histogram', b: 'close' },
    { name: 'stochastic_k', indicator: 'stochastic', params: { period: 14, kSmoothing: 3, dPeriod: 3 }, output: 'k' },
    { name: 'stochastic_d', indicator: 'stochastic', params: { period: 14, kSmoothing: 3, dPeriod: 3 }, output: 'd' },
    { name: 'williams_r_14', indicator: 'williamsR', params: { period: 14 } },
    { name: 'cci_20', indicator: 'cci', params: { period: 20 } },
    { name: 'rate_of_change_10', indicator: 'rateOfChange', params: { period: 10 } },
    // Bands and trend: price relative to its averages.
    { name: 'bollinger_percent_b', indicator: 'bollingerBands', params: { period: 20, multiplier: 2 }, output: 'percentB' },
    { name: 'bollinger_bandwidth', indicator: 'bollingerBands', params: { period: 20, multiplier: 2 }, output: 'bandwidth' },
    { name: 'sma_20', indicator: 'sma', params: { period: 20 }, hidden: true },
    { name: 'sma_50', indicator: 'sma', params: { period: 50 }, hidden: true },
    { name: 'close_z_score_50', indicator: 'zScore', params: { period: 50 } },
    { name: 'close_to_sma_20', transform: 'relative', a: 'close', b: 'sma_20' },
    { name: 'close_to_sma_50', transform: 'relative', a: 'close', b: 'sma_50' },
    { name: 'sma_20_cross_sma_50', transform: 'crossover', a: 'sma_20', b: 'sma_50' },
    // Volatility, normalized or annualized.
    { name: 'atr_14', indicator: 'atr', params: { period: 14 }, hidden: true },
    { name: 'atr_14_to_close', transform: 'ratio', a: 'atr_14', b: 'close' },
    { name: 'realized_volatility_24', indicator: 'realizedVolatility', params: { period: 24, periodsPerYear: 8760 } },
    { name: 'ewma_volatility', indicator: 'ewmaVolatility', params: { lambda: 0.94, seedPeriod: 20, periodsPerYear: 8760 } },
    // Volume.
    { name: 'volume_z_score_20', indicator: 'zScore', params: { period: 20 }, input: 'volume' },
    { name: 'vwap_24', indicator: 'vwap', params: { period: 24 }, hidden: true },
    { name: 'close_to_vwap_24', transform: 'relative', a: 'close', b: 'vwap_24' },
  ],
} as const satisfies FeatureSpecInput;
