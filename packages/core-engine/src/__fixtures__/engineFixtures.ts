import { readFileSync } from 'node:fs';
import { generateSyntheticMarket, SimulatedExchange, type SimulatedExchangeConfig } from '@ares/connectors';
import { type BarSeries, parseBarsCsv } from '@ares/features';
import { createRiskEngine, type RiskConfig } from '@ares/risk';
import type { SignalSource } from '../signal/SignalSource.js';
import { TradingEngine } from '../engine/TradingEngine.js';
import type { TradingEngineConfig } from '../engine/TradingEngineConfigSchema.js';

export const BTC_CSV = '/work/shared/data/btcusdt_binance_spot_1h.csv';
export const SYMBOL = 'BTC/USDT';

let btc: BarSeries | undefined;
/** The first `bars` hours of Binance BTC/USDT spot (from 2018-02-09). */
export function btcBars(bars: number): BarSeries {
  btc ??= parseBarsCsv(readFileSync(BTC_CSV, 'utf8'));
  return btc.slice(0, bars);
}

export function syntheticBars(bars: number, seed = 7): BarSeries {
  return generateSyntheticMarket({ seed, bars, timeframe: '1h', startPrice: 100 }).series;
}

/** Binance's BTC/USDT rules: lot 0.00001 BTC, tick 0.01 USDT. */
export const MARKET = { symbol: SYMBOL, base: 'BTC', quote: 'USDT', quantityStep: 0.00001, tickSize: 0.01, makerFee: 0.001, takerFee: 0.001 };

/** A spot exchange with 0.1 % fees, 2 bps slippage and 100 000 USDT. */
export function makeExchange(overrides: Partial<SimulatedExchangeConfig> = {}): SimulatedExchange {
  return new SimulatedExchange({
    markets: [MARKET],
    initialBalances: { USDT: 100_000 },
    slippage: { kind: 'fixed-bps', bps: 2 },
    ...overrides,
  });
}

/** Risk limits that never bind in these tests unless a test asks: 10 % of equity per entry. */
export const LOOSE_RISK: RiskConfig = {
  limits: { maxDrawdown: 0.99, maxDailyLoss: 0.99, lossCooldownMs: 0, maxOrdersPerWindow: 1000 },
  sizing: { method: 'fixed-fraction', fraction: 0.1 },
  market: { quantityStep: MARKET.quantityStep, priceTick: MARKET.tickSize },
};

export function makeEngine(signal: SignalSource, config: Partial<TradingEngineConfig> = {}, risk: RiskConfig = LOOSE_RISK): TradingEngine {
  return new TradingEngine({ symbol: SYMBOL, timeframe: '1h', ...config }, { signal, risk: createRiskEngine(risk) });
}
