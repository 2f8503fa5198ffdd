// Shared by the engine benchmarks: the BTC/USDT 1h bars repeated to any length, the SMA-crossover engine
// with fees and SL/TP, the simulated exchange, and JSON-lines output.
import { readFileSync } from 'node:fs';
import { SimulatedExchange } from '@ares/connectors';
import { BarSeries, parseBarsCsv } from '@ares/features';
import { createRiskEngine } from '@ares/risk';
import { SmaCrossoverStrategy, TradingEngine } from '../dist/index.js';

export const SYMBOL = 'BTC/USDT';
export const HOUR = 3_600_000;

const base = parseBarsCsv(readFileSync(new URL('../../../../shared/data/btcusdt_binance_spot_1h.csv', import.meta.url), 'utf8'));

/** `base` repeated until it has at least `min` bars, each copy continuing in time and price. */
export function repeated(min) {
  const n = base.length;
  const copies = Math.ceil(min / n);
  const columns = { timestamp: new Float64Array(n * copies), open: new Float64Array(n * copies), high: new Float64Array(n * copies), low: new Float64Array(n * copies), close: new Float64Array(n * copies), volume: new Float64Array(n * copies) };
  const span = base.timestamp[n - 1] - base.timestamp[0] + HOUR;
  let scale = 1;
  for (let c = 0; c < copies; c++) {
    for (let i = 0; i < n; i++) {
      const j = c * n + i;
      columns.timestamp[j] = base.timestamp[i] + c * span;
      columns.open[j] = base.open[i] * scale;
      columns.high[j] = base.high[i] * scale;
      columns.low[j] = base.low[i] * scale;
      columns.close[j] = base.close[i] * scale;
      columns.volume[j] = base.volume[i];
    }
    scale *= base.close[n - 1] / base.open[0];
  }
  return BarSeries.fromColumns(columns);
}

export const RISK = {
  limits: { maxDrawdown: 0.99, maxDailyLoss: 0.99 },
  sizing: { method: 'fixed-fraction', fraction: 0.1 },
  market: { quantityStep: 0.00001, priceTick: 0.01 },
  stops: { stopLoss: { type: 'percent', fraction: 0.02 }, takeProfit: { type: 'percent', fraction: 0.04 } },
};

export function engine(measureStages) {
  return new TradingEngine({ symbol: SYMBOL, timeframe: '1h', measureStages }, { signal: new SmaCrossoverStrategy({ fast: 10, slow: 30 }), risk: createRiskEngine(RISK) });
}

export function exchange() {
  return new SimulatedExchange({
    markets: [{ symbol: SYMBOL, base: 'BTC', quote: 'USDT', quantityStep: 0.00001, tickSize: 0.01, makerFee: 0.001, takerFee: 0.001 }],
    initialBalances: { USDT: 100_000 },
    slippage: { kind: 'fixed-bps', bps: 2 },
  });
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const emit = (record) => console.log(JSON.stringify(record));
