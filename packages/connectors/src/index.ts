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

// --- exchange connectivity without ccxt itself (the ccxt venue and feed: `@ares/connectors/ccxt`), exchange emulator ---
export { ConnectorOptionError } from './ccxt/ConnectorOptionError.js';
export type { RequestBudgetOptions } from './ccxt/RequestBudget.js';
export { RequestBudget } from './ccxt/RequestBudget.js';
export type { BarGap, DownloadBarsOptions, DownloadReport, DownloadStore } from './download/downloadBars.js';
export { downloadBars, findGaps } from './download/downloadBars.js';
export type { EmulatorFault, FaultScope } from './emulator/EmulatorFaults.js';
export { EmulatorFaults } from './emulator/EmulatorFaults.js';
export type { ExchangeEmulator, ExchangeEmulatorOptions } from './emulator/startExchangeEmulator.js';
export { startExchangeEmulator } from './emulator/startExchangeEmulator.js';
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
export type { SyntheticMarket } from './synthetic/generateSyntheticMarket.js';
export { generateSyntheticMarket } from './synthetic/generateSyntheticMarket.js';
export type { Regime, SyntheticMarketOptions } from './synthetic/SyntheticMarketOptionsSchema.js';
export { GarchSchema, JumpsSchema, RegimeSchema, SyntheticMarketOptionsSchema } from './synthetic/SyntheticMarketOptionsSchema.js';
export type { ReadRange, StoredSeries } from './store/BarStore.js';
export { BarStore } from './store/BarStore.js';
export { BarStoreError } from './store/BarStoreError.js';
export type { BarSource, LoadBarsOptions, LoadedBars } from './store/loadBars.js';
export { loadBars } from './store/loadBars.js';
// --- end simulated ---
