// Logging, notifications, progress and metrics: per-call costs of the hot-path calls, and SMTP delivery.
// Prints one JSON object per line (name, unit, median, reps, peer and ratio where a peer exists), then a table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { createLogStreams, createProgress, createRandom, EmailNotifier, Histogram, MemoryNotifier, MetricsRegistry, SimClock } from '../dist/index.js';

const REPS = 7;

/** Median over REPS repetitions of `fn(iterations)`'s time per iteration, ns. */
async function perOp(iterations, fn) {
  const times = [];
  await fn(Math.min(iterations, 1_000)); // warm-up
  for (let r = 0; r < REPS; r++) {
    const start = performance.now();
    await fn(iterations);
    times.push(((performance.now() - start) * 1e6) / iterations);
  }
  return median(times);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function row(name, unit, value, peer) {
  const out = { name, unit, median: round(value), reps: REPS };
  if (peer !== undefined) Object.assign(out, { peer: peer.name, peerMedian: round(peer.value), ratio: Number((value / peer.value).toPrecision(3)) });
  return out;
}

function round(x) {
  return Math.round(x * 1000) / 1000;
}

async function* measure() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ares-bench-'));
  try {
    // Logging: a main line through redaction (44 paths), secret scrubbing and the main+errors multistream,
    // against plain pino writing synchronously to one file.
    const logs = await createLogStreams({ dir: path.join(dir, 'logs'), console: 'none', secrets: ['sk_live_0123456789'], clock: new SimClock(0) });
    const line = { symbol: 'BTC/USDT', bar: 12345, features: { rsi: 55.2, atr: 120.5 } };
    const plain = pino({}, pino.destination({ dest: path.join(dir, 'plain.log'), sync: true }));
    const plainNs = await perOp(20_000, (n) => { for (let i = 0; i < n; i++) plain.info(line, 'tick processed'); });
    const mainNs = await perOp(20_000, (n) => { for (let i = 0; i < n; i++) logs.main.info(line, 'tick processed'); });
    yield row('logs.main.info (redact + scrub, sync file)', 'ns/op', mainNs, { name: 'pino sync file, no redaction', value: plainNs });
    const tradeNs = await perOp(20_000, (n) => {
      for (let i = 0; i < n; i++) logs.trade({ symbol: 'BTC/USDT', side: 'buy', quantity: 0.01, price: 42_000 + i, reason: 'p(up)=0.71' });
    });
    yield row('logs.trade', 'ns/op', tradeNs, { name: 'pino sync file, no redaction', value: plainNs });
    await logs.close();

    // Metrics: histogram record against pushing into an array (the exact-quantile peer).
    const random = createRandom(1);
    const values = Float64Array.from({ length: 100_000 }, () => 0.05 + random() * 5);
    const histogram = new Histogram('tick', 'ms');
    const recordNs = await perOp(values.length, (n) => { for (let i = 0; i < n; i++) histogram.record(values[i]); });
    const pushNs = await perOp(values.length, (n) => { const a = []; for (let i = 0; i < n; i++) a.push(values[i]); });
    yield row('Histogram.record', 'ns/op', recordNs, { name: 'Array.push', value: pushNs });
    const percentileNs = await perOp(200, (n) => { for (let i = 0; i < n; i++) histogram.stats(); });
    const sortNs = await perOp(5, (n) => { for (let i = 0; i < n; i++) Float64Array.from(values).sort(); });
    yield row('Histogram.stats (p50/p90/p99, 100k values)', 'ns/op', percentileNs, { name: 'sort 100k values', value: sortNs });
    const counter = new MetricsRegistry().counter('c');
    yield row('Counter.inc', 'ns/op', await perOp(1_000_000, (n) => { for (let i = 0; i < n; i++) counter.inc(); }));

    // Notifications on the caller's side: a throttled trade event is the common hot-path case.
    const email = new EmailNotifier({ host: '127.0.0.1', port: 1, from: 'a@b', to: ['c@d'], maxRetries: 0 }, { clock: new SimClock(0) });
    email.notify({ type: 'trade', symbol: 'BTC/USDT', side: 'buy', quantity: 1, price: 1, reason: 'r' });
    const memory = new MemoryNotifier();
    const throttledNs = await perOp(100_000, (n) => {
      for (let i = 0; i < n; i++) email.notify({ type: 'trade', symbol: 'BTC/USDT', side: 'buy', quantity: 1, price: i, reason: 'r' });
    });
    const memoryNs = await perOp(100_000, (n) => {
      for (let i = 0; i < n; i++) memory.notify({ type: 'trade', symbol: 'BTC/USDT', side: 'buy', quantity: 1, price: i, reason: 'r' });
    });
    yield row('EmailNotifier.notify (throttled)', 'ns/op', throttledNs, { name: 'MemoryNotifier.notify', value: memoryNs });
    await email.close();

    // Progress without a TTY, between two log lines.
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    const progress = createProgress({ label: 'bench', total: 1e9, clock: new SimClock(0), stream: sink });
    yield row('Progress.increment (no line due)', 'ns/op', await perOp(1_000_000, (n) => { for (let i = 0; i < n; i++) progress.increment(); }));
    progress.stop();

    // SMTP delivery to a local smtp-server: time from notify to the server's acceptance, per mail.
    const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], disableReverseLookup: true, logger: false, onData: (s, _x, cb) => { s.resume(); s.on('end', () => cb()); } });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = server.server.address().port;
    const sender = new EmailNotifier({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, from: 'a@b', to: ['c@d'], dedupeMs: 0 });
    const mailMs = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      sender.notify({ type: 'error', message: `m${i}`, source: `s${i}` });
      await sender.flush();
      mailMs.push(performance.now() - start);
    }
    await sender.close();
    await new Promise((resolve) => server.close(resolve));
    yield { ...row('EmailNotifier delivery to local smtp-server', 'ms/mail', median(mailMs)), reps: mailMs.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = [];
for await (const r of measure()) {
  console.log(JSON.stringify(r));
  rows.push(r);
}
console.log('');
for (const r of rows) {
  const ratio = r.ratio === undefined ? '' : `${r.ratio}x ${r.peer} (${formatNumber(r.peerMedian)})`;
  console.log(`${r.name.padEnd(50)} ${formatNumber(r.median).padStart(10)}  ${r.unit.padEnd(8)} ${ratio}`);
}

function formatNumber(x) {
  return x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(3);
}
