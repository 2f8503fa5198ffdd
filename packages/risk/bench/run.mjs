// Benchmark of @ares/risk's per-tick call: ns per `evaluate` (all limits + sizing + rounding).
// Run `pnpm build` first; prints one JSON object per line, then a short table.
import { createRiskEngine, RiskConfigSchema } from '../dist/index.js';

const REPETITIONS = 9;
const CALLS = 200_000;
const WORLDS = 1024;
const NOON = Date.UTC(2026, 10, 22, 12);

/** Deterministic inputs (mulberry32) so every run measures the same work. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seededRandom(42);
const snapshots = Array.from({ length: WORLDS }, () => ({
  timestamp: NOON,
  equity: 10_000 + random() * 1_000,
  peakEquity: 11_000,
  dayStartEquity: 10_500,
  dayStartTimestamp: Date.UTC(2026, 10, 22),
  cash: 8_000,
  positionQuantity: random() * 0.1,
  otherExposure: 2_000,
  openOrderCount: 2,
  recentOrderTimestamps: [NOON - 5_000, NOON - 900, NOON - 300],
  recentTradeResults: [12, -4, 7, -3, -2],
  lastTradeTimestamp: NOON - 600_000,
  lastStopOutTimestamp: Number.NaN,
}));
const prices = Array.from({ length: WORLDS }, () => 30_000 + random() * 1_000);

const market = { quantityStep: 0.0001, priceTick: 0.01, minNotional: 5, minQuantity: 0.0001 };
const scenarios = [
  {
    name: 'evaluate.entry.fixed-fraction',
    config: { market },
    proposal: (i) => ({ side: 'buy', intent: 'entry', price: prices[i] }),
  },
  {
    name: 'evaluate.entry.kelly',
    config: { market, sizing: { method: 'kelly', payoffRatio: 1.5 } },
    proposal: (i) => ({ side: 'buy', intent: 'entry', price: prices[i], probability: 0.55 + (i % 10) / 100 }),
  },
  {
    name: 'evaluate.entry.target-volatility',
    config: { market, limits: { maxLeverage: 3, maxPositionFraction: 3 }, sizing: { method: 'target-volatility' } },
    proposal: (i) => ({ side: 'sell', intent: 'entry', price: prices[i], volatility: 0.004 + (i % 7) / 1000 }),
  },
  {
    name: 'evaluate.entry.risk-per-trade+stops',
    config: { market, sizing: { method: 'risk-per-trade' }, stops: { stopLoss: { type: 'atr', multiple: 2 }, takeProfit: { type: 'atr', multiple: 3 } } },
    proposal: (i) => ({ side: 'buy', intent: 'entry', price: prices[i], atr: 150 + (i % 13) }),
  },
  {
    name: 'evaluate.exit',
    config: { market },
    proposal: (i) => ({ side: 'sell', intent: 'exit', price: prices[i] }),
  },
  {
    name: 'evaluate.entry.denied-kill-switch',
    config: { market },
    killed: true,
    proposal: (i) => ({ side: 'buy', intent: 'entry', price: prices[i] }),
  },
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(engine, proposals) {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) {
    const k = i & (WORLDS - 1);
    sink += engine.evaluate(snapshots[k], proposals[k]).quantity;
  }
  const ns = Number(process.hrtime.bigint() - start) / CALLS;
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the loop alive');
  return ns;
}

const rows = [];
for (const scenario of scenarios) {
  const engine = createRiskEngine(scenario.config);
  if (scenario.killed) engine.killSwitch.trip();
  const proposals = Array.from({ length: WORLDS }, (_, i) => scenario.proposal(i));
  const approved = proposals.filter((p, i) => engine.evaluate(snapshots[i], p).approved).length / WORLDS;
  measure(engine, proposals); // warm-up: let the JIT settle
  const runs = Array.from({ length: REPETITIONS }, () => measure(engine, proposals));
  rows.push({ name: scenario.name, unit: 'ns/call', median: Number(median(runs).toFixed(1)), min: Number(Math.min(...runs).toFixed(1)), approvedShare: approved, repetitions: REPETITIONS, calls: CALLS, target: 200 });
}

// What per-call config parsing would cost, the reason the engine parses once in its factory.
{
  const input = scenarios[1].config;
  const runs = Array.from({ length: REPETITIONS }, () => {
    const n = 20_000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) RiskConfigSchema.parse(input);
    return Number(process.hrtime.bigint() - start) / n;
  });
  const parse = median(runs);
  const evaluate = rows[1].median;
  rows.push({ name: 'RiskConfigSchema.parse (per-call parsing, avoided)', unit: 'ns/call', median: Number(parse.toFixed(1)), ratioVsEvaluateKelly: Number((parse / evaluate).toFixed(1)), repetitions: REPETITIONS });
}

for (const row of rows) console.log(JSON.stringify(row));
console.log('');
console.log('scenario                                            median ns/call');
for (const row of rows) console.log(`${row.name.padEnd(52)}${String(row.median).padStart(10)}`);
