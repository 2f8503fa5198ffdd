#!/usr/bin/env node
// Runs the Binance-spot exchange emulator from the command line (on the built package: `pnpm build`).
//
//   node bin/exchange-emulator.mjs --csv /work/shared/data/btcusdt_binance_spot_1h.csv --port 8080 --speed 3600
//   node bin/exchange-emulator.mjs --synthetic --seed 7 --bars 20000 --timeframe 1m --speed 60
//
// The market replays the bars: it starts with --warmup bars closed and its clock then runs at
// --speed market ms per wall-clock ms (0 = frozen). Point ccxt at it as the README shows.
import { parseArgs } from 'node:util';
import { readBarsCsvFile } from '@ares/features';
import { generateSyntheticMarket, startExchangeEmulator } from '../dist/index.js';

const usage = `Usage: exchange-emulator (--csv FILE | --synthetic) [options]
  --csv FILE          bars as timestamp,open,high,low,close,volume (epoch ms)
  --synthetic         a seeded synthetic market instead (--seed, --bars)
  --seed N            synthetic seed (default 1)
  --bars N            synthetic bar count (default 10000)
  --timeframe TF      the bars' timeframe (default 1h)
  --symbol S          unified symbol (default BTC/USDT)
  --host H            (default 127.0.0.1)
  --port N            (default 8080; 0 = any free port)
  --speed X           market ms per wall ms (default 1 = real time; 0 = frozen)
  --warmup N          bars already closed at start (default 500)
  --balance ASSET=N   starting balance, repeatable (default USDT=100000)
  --api-key K / --secret S   credentials of signed requests (default emulator-key / emulator-secret)`;

const { values } = parseArgs({
  options: {
    csv: { type: 'string' },
    synthetic: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    bars: { type: 'string', default: '10000' },
    timeframe: { type: 'string', default: '1h' },
    symbol: { type: 'string', default: 'BTC/USDT' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8080' },
    speed: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '500' },
    balance: { type: 'string', multiple: true, default: [] },
    'api-key': { type: 'string', default: 'emulator-key' },
    secret: { type: 'string', default: 'emulator-secret' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help || (values.csv === undefined) === !values.synthetic) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const series = values.csv !== undefined
  ? await readBarsCsvFile(values.csv)
  : generateSyntheticMarket({ seed: Number(values.seed), bars: Number(values.bars), timeframe: values.timeframe }).series;
const quote = values.symbol.split('/')[1];
const initialBalances = Object.fromEntries(
  (values.balance.length > 0 ? values.balance : [`${quote}=100000`]).map((entry) => {
    const [asset, amount] = entry.split('=');
    return [asset, Number(amount)];
  }),
);
const emulator = await startExchangeEmulator({
  series,
  timeframe: values.timeframe,
  symbol: values.symbol,
  host: values.host,
  port: Number(values.port),
  apiKey: values['api-key'],
  secret: values.secret,
  exchange: { initialBalances },
});

const warmup = Math.min(series.length - 1, Math.max(0, Number(values.warmup)));
const marketStart = series.timestamp[warmup];
const marketEnd = series.timestamp[series.length - 1] + (series.timestamp[1] - series.timestamp[0] || 0);
const speed = Number(values.speed);
const wallStart = Date.now();
emulator.advanceTo(marketStart);
const tick = setInterval(() => {
  const market = Math.min(marketEnd, marketStart + (Date.now() - wallStart) * speed);
  if (market > emulator.now()) emulator.advanceTo(market);
}, 100);

console.log(JSON.stringify({ url: emulator.url, symbol: values.symbol, timeframe: values.timeframe, bars: series.length, marketStart, speed, ccxt: emulator.ccxt }));
console.error(`exchange emulator on ${emulator.url} (Binance spot REST); Ctrl-C stops it.`);

const stop = async () => {
  clearInterval(tick);
  await emulator.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
