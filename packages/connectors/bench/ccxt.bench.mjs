// ccxt against the local Binance-spot emulator over HTTP (127.0.0.1): createOrder round trip through
// the ccxt venue (median, p99) and fetchOHLCV paging through the ccxt feed (bars/s), each beside
// plain ccxt doing the same requests (the peer: the ratio is our wrapper's overhead).
import { performance } from 'node:perf_hooks';
import { BarSeries } from '@ares/features';
import ccxt from 'ccxt';
import { createCcxtFeed, createCcxtVenue } from '../dist/ccxt.js';
import { startExchangeEmulator } from '../dist/index.js';

const MINUTE = 60_000;
const START = Date.UTC(2024, 0, 1);
const BARS = 20_000;
const ORDERS = 400;
const RUNS = 5;

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const median = (values) => quantile(values, 0.5);

const series = BarSeries.fromRows(
  Array.from({ length: BARS }, (_, i) => ({ timestamp: START + i * MINUTE, open: 100 + (i % 50), high: 101 + (i % 50), low: 99 + (i % 50), close: 100.5 + (i % 50), volume: 1 })),
);
const emulator = await startExchangeEmulator({ series, timeframe: '1m', exchange: { initialBalances: { USDT: 1e9 } } });
emulator.advanceTo(START + BARS * MINUTE);
const env = { BINANCE_API_KEY: 'emulator-key', BINANCE_SECRET: 'emulator-secret' };

const raw = new ccxt.binance({ enableRateLimit: true, apiKey: env.BINANCE_API_KEY, secret: env.BINANCE_SECRET, ...emulator.ccxt.exchangeOptions });
for (const [key, url] of Object.entries(raw.urls.api)) raw.urls.api[key] = url.replace(/^https?:\/\/[^/]+/, emulator.url);
await raw.loadMarkets();
const venue = createCcxtVenue({ ...emulator.ccxt, env });
await venue.getMarketInfo('BTC/USDT');

// Resting limit buys far below the market: each order is one signed POST /api/v3/order.
let next = 0;
const orderLatencies = async (create) => {
  const ms = [];
  for (let i = 0; i < ORDERS; i++) {
    const start = performance.now();
    await create(`bench-${next++}`);
    ms.push(performance.now() - start);
  }
  return ms;
};
await orderLatencies((id) => venue.createOrder({ clientOrderId: id, symbol: 'BTC/USDT', side: 'buy', type: 'limit', quantity: 0.1, price: 60 })); // warm-up
const venueMs = await orderLatencies((id) => venue.createOrder({ clientOrderId: id, symbol: 'BTC/USDT', side: 'buy', type: 'limit', quantity: 0.1, price: 60 }));
const rawMs = await orderLatencies((id) => raw.createOrder('BTC/USDT', 'limit', 'buy', 0.1, 60, { clientOrderId: id }));

const feed = createCcxtFeed({ ...emulator.ccxt });
const rawFetchAll = async () => {
  let bars = 0;
  for (let since = START; ; ) {
    const page = await raw.fetchOHLCV('BTC/USDT', '1m', since, 1000);
    if (page.length === 0) break;
    bars += page.length;
    since = page[page.length - 1][0] + MINUTE;
  }
  return bars;
};
const barsPerSecond = async (fetchAll) => {
  const rates = [];
  for (let r = 0; r < RUNS + 1; r++) {
    const start = performance.now();
    const bars = await fetchAll();
    const seconds = (performance.now() - start) / 1000;
    if (r > 0) rates.push(bars / seconds); // the first run warms up
  }
  return median(rates);
};
const feedRate = await barsPerSecond(async () => (await feed.fetchBars('BTC/USDT', '1m', START, START + BARS * MINUTE)).length);
const rawRate = await barsPerSecond(rawFetchAll);
await emulator.close();

const results = [
  { name: 'ccxt-venue createOrder round trip (emulator)', unit: 'ms', median: median(venueMs), p99: quantile(venueMs, 0.99), samples: ORDERS, peer: 'plain ccxt createOrder', peerMedian: median(rawMs), peerP99: quantile(rawMs, 0.99), ratioVsPeer: median(venueMs) / median(rawMs) },
  { name: 'ccxt-feed fetchBars paging (emulator)', unit: 'bars/s', median: feedRate, bars: BARS, pageLimit: 1000, runs: RUNS, peer: 'plain ccxt fetchOHLCV loop', peerMedian: rawRate, ratioVsPeer: feedRate / rawRate },
];
for (const r of results) console.log(JSON.stringify(r));
console.log('\nbenchmark                                     median        p99   peer median  ratio');
for (const r of results) {
  const fmt = (v) => (v === undefined ? '-' : v >= 1000 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2));
  console.log(`${r.name.padEnd(45)} ${fmt(r.median).padStart(9)} ${fmt(r.p99).padStart(9)} ${fmt(r.peerMedian).padStart(12)}  ${r.ratioVsPeer.toFixed(2)}  ${r.unit}`);
}
