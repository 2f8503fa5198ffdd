import { readFileSync } from 'node:fs';
import { SimulatedExchange } from '@ares/connectors';
import { parseBarsCsv } from '@ares/features';
import { createRiskEngine } from '@ares/risk';
import { runBacktest, SmaCrossoverStrategy, TradingEngine } from '/work/main/packages/core-engine/dist/index.js';
const series = parseBarsCsv(readFileSync('/work/shared/data/btcusdt_binance_spot_1h.csv', 'utf8'));
const RISK = { limits: { maxDrawdown: 0.99, maxDailyLoss: 0.99 }, sizing: { method: 'fixed-fraction', fraction: 0.1 }, stops: { stopLoss: { type: 'percent', fraction: 0.02 }, takeProfit: { type: 'percent', fraction: 0.04 } } };
for (let rep = 0; rep < 5; rep++) {
  const e = new TradingEngine({ symbol: 'BTC/USDT', timeframe: '1h' }, { signal: new SmaCrossoverStrategy({ fast: 10, slow: 30 }), risk: createRiskEngine(RISK) });
  const x = new SimulatedExchange({ markets: [{ symbol: 'BTC/USDT', base: 'BTC', quote: 'USDT' }], initialBalances: { USDT: 100000 }, slippage: { kind: 'fixed-bps', bps: 2 } });
  const t0 = performance.now();
  const r = runBacktest({ engine: e, series, exchange: x, symbol: 'BTC/USDT' });
  const s = (performance.now() - t0) / 1000;
  console.log(series.length, 'bars', (series.length / s / 1e6).toFixed(2), 'M bars/s', r.orders.length, 'orders');
}
