// The public face of @ares/risk: limits, kill switch, sizing and stops on plain numbers.

// --- engine ---
export type { RiskEngine, RiskEngineOptions } from './engine/createRiskEngine.js';
export { createRiskEngine } from './engine/createRiskEngine.js';
export { OrderTimestampWindow } from './engine/OrderTimestampWindow.js';
export type { PortfolioSnapshot } from './engine/PortfolioSnapshot.type.js';
export type { OrderIntent, OrderProposal, OrderSide } from './engine/OrderProposal.type.js';
export type { AdjustmentCode, ReasonCode, RiskDecision } from './engine/RiskDecision.js';
export { copyDecision } from './engine/RiskDecision.js';

// --- config ---
export type { ParsedRiskConfig, RiskConfig } from './config/RiskConfigSchema.js';
export { RiskConfigSchema } from './config/RiskConfigSchema.js';
export type { RiskLimits } from './config/RiskLimitsSchema.js';
export { RiskLimitsSchema } from './config/RiskLimitsSchema.js';
export type { SizingConfig } from './config/SizingConfigSchema.js';
export { SizingConfigSchema } from './config/SizingConfigSchema.js';
export type { ParsedStopConfig, StopConfig, StopSpec, StopSpecInput } from './config/StopConfigSchema.js';
export { BreakEvenSchema, StopConfigSchema, StopSpecSchema } from './config/StopConfigSchema.js';
export type { MarketConstraints } from './config/MarketConstraintsSchema.js';
export { MarketConstraintsSchema } from './config/MarketConstraintsSchema.js';
export { parseRiskConfig } from './config/parseRiskConfig.js';

// --- errors ---
export { InvalidArgumentError } from './InvalidArgumentError.js';
export { RiskConfigError } from './RiskConfigError.js';

// --- kill switch ---
export { KillSwitch } from './killswitch/KillSwitch.js';
export type { KillSwitchSource } from './killswitch/KillSwitchSource.type.js';
export { environmentKillSwitchSource, fileFlagKillSwitchSource } from './killswitch/nodeKillSwitchSources.js';

// --- sizing ---
export { EwmaVolatility } from './sizing/EwmaVolatility.js';
export { fixedFractionQuantity } from './sizing/fixedFractionQuantity.js';
export { fractionalKelly, kellyFraction } from './sizing/kellyFraction.js';
export { riskPerTradeQuantity } from './sizing/riskPerTradeQuantity.js';
export { annualizeVolatility, targetVolatilityLeverage } from './sizing/targetVolatilityLeverage.js';

// --- stops ---
export type { BreakEvenInput } from './stops/breakEvenStop.js';
export { breakEvenStop } from './stops/breakEvenStop.js';
export type { PositionStop } from './stops/nextStopPrice.js';
export { nextStopPrice } from './stops/nextStopPrice.js';
export { rMultiple } from './stops/rMultiple.js';
export { stopDistance } from './stops/stopDistance.js';
export { stopLossPrice, takeProfitPrice } from './stops/stopPrices.js';
export { trailStop } from './stops/trailStop.js';

// --- exchange constraints ---
export { roundDownToStep, roundPriceToTick, stepDecimals } from './market/roundToStep.js';
