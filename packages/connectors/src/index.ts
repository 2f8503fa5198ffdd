// The public face of @ares/connectors. Each section is owned by one area of the package.

// --- interfaces and types ---
export type { ExchangeErrorKind } from './errors/ExchangeError.js';
export { ExchangeError } from './errors/ExchangeError.js';
export type { MarketDataFeed, Ticker } from './feed/MarketDataFeed.js';
export type { ExecutionVenue } from './venue/ExecutionVenue.js';
export type {
  Balance,
  Fill,
  MarketInfo,
  Order,
  OrderRequest,
  OrderSide,
  OrderStatus,
  OrderType,
  Position,
  TimeInForce,
} from './venue/orders.type.js';
// --- end interfaces ---

// --- ccxt venue and feed, exchange emulator ---
// --- end ccxt ---

// --- simulated exchange, synthetic market, historical data ---
export type { SimulatedPosition } from './simulated/SimulatedExchange.js';
export { SimulatedExchange } from './simulated/SimulatedExchange.js';
export type { ResolvedSimulatedExchangeConfig, SimulatedExchangeConfig, SlippageModel } from './simulated/SimulatedExchangeConfigSchema.js';
export { MarketInfoSchema, SimulatedExchangeConfigSchema, SlippageSchema } from './simulated/SimulatedExchangeConfigSchema.js';
export type { OrderState, SimulatedExchangeState } from './simulated/SimulatedExchangeState.js';
export { SimulatedExchangeStateSchema } from './simulated/SimulatedExchangeState.js';
export { SimulatedVenue } from './simulated/SimulatedVenue.js';
export { SimulationInputError } from './simulated/SimulationInputError.js';
// --- end simulated ---
