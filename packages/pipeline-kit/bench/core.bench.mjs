// Clock, retry, checkpoints, PID file and config: per-call costs, each against a plain-Node peer where one exists.
// Prints one JSON object per line, then a table. Each figure is the median over REPS repetitions.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { acquirePidFile, CheckpointStore, createRandom, loadConfig, PipelineConfigSchema, retry, SimClock } from '../dist/index.js';

const REPS = 7;
const here = path.dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'ares-bench-'));
const results = [];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median over REPS of the mean time per operation, in the given unit. */
async function measure(run, operations, unit) {
  const scale = unit === 'ns/op' ? 1e6 : unit === 'µs/op' ? 1e3 : 1;
  const samples = [];
  await run(); // warm-up
  for (let rep = 0; rep < REPS; rep++) {
    const start = performance.now();
    await run();
    samples.push(((performance.now() - start) / operations) * scale);
  }
  return median(samples);
}

function report(name, unit, value, peer) {
  const line = { name, unit, median: Number(value.toPrecision(4)) };
  if (peer !== undefined) Object.assign(line, { peer: peer.name, peerMedian: Number(peer.value.toPrecision(4)), ratioVsPeer: Number((value / peer.value).toFixed(2)) });
  results.push(line);
  console.log(JSON.stringify(line));
}

// Seeded PRNG draws. (No Math.random peer: the workspace's determinism rule bans it from package code.)
{
  const n = 2_000_000;
  let sink = 0;
  const random = createRandom(1);
  const ours = await measure(() => {
    for (let i = 0; i < n; i++) sink += random();
  }, n, 'ns/op');
  report('createRandom draw', 'ns/op', ours);
  if (sink < 0) console.log(sink);
}

// retry() around a call that succeeds at once vs calling it directly: the wrapper's overhead.
{
  const n = 100_000;
  const clock = new SimClock(0);
  const fn = async () => 1;
  const ours = await measure(async () => {
    for (let i = 0; i < n; i++) await retry(fn, { clock });
  }, n, 'ns/op');
  const peer = await measure(async () => {
    for (let i = 0; i < n; i++) await fn();
  }, n, 'ns/op');
  report('retry, first attempt succeeds', 'ns/op', ours, { name: 'direct await', value: peer });
}

// Checkpoint save (temp file, fsync, rename, fsync dir) and verified load vs a plain writeFile/readFile.
for (const size of [100, 140_000]) {
  const payload = { values: Array.from({ length: size }, (_, i) => i * 1.5) };
  const bytes = Buffer.byteLength(JSON.stringify(payload));
  const label = bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(2)} MB`;
  const dir = path.join(work, `ckpt-${size}`);
  const store = new CheckpointStore({ dir, kind: 'bench', schemaVersion: 1, validate: z.object({ values: z.array(z.number()) }) });
  const saves = 10;
  const save = await measure(async () => {
    for (let i = 0; i < saves; i++) await store.save(payload);
    await store.prune({ keep: 1 });
  }, saves, 'ms/op');
  const plainFile = path.join(dir, 'plain.json');
  const peerSave = await measure(async () => {
    for (let i = 0; i < saves; i++) {
      await writeFile(`${plainFile}.tmp`, JSON.stringify(payload));
      await rename(`${plainFile}.tmp`, plainFile);
    }
  }, saves, 'ms/op');
  report(`checkpoint save ${label}`, 'ms/op', save, { name: 'writeFile+rename, no fsync', value: peerSave });
  const loads = 20;
  const load = await measure(async () => {
    for (let i = 0; i < loads; i++) await store.latest();
  }, loads, 'ms/op');
  const peerLoad = await measure(async () => {
    for (let i = 0; i < loads; i++) JSON.parse(await readFile(plainFile, 'utf8'));
  }, loads, 'ms/op');
  report(`checkpoint load ${label}`, 'ms/op', load, { name: 'readFile+JSON.parse', value: peerLoad });
}

// PID file acquire + release.
{
  const n = 200;
  const file = path.join(work, 'bench.pid');
  const ours = await measure(() => {
    for (let i = 0; i < n; i++) acquirePidFile(file).release();
  }, n, 'µs/op');
  report('PID file acquire+release', 'µs/op', ours);
}

// Loading the documented example config (YAML parse, env mapping, validation, freeze).
{
  const n = 200;
  const file = path.resolve(here, '../../../config/examples/pipeline.example.yaml');
  const env = { ARES_EMAIL__PASSWORD: 'x', ARES_LOGGING__LEVEL: 'debug' };
  const ours = await measure(() => {
    for (let i = 0; i < n; i++) loadConfig({ schema: PipelineConfigSchema, file, env });
  }, n, 'µs/op');
  report('loadConfig example YAML', 'µs/op', ours);
}

rmSync(work, { recursive: true, force: true });

console.log('');
console.log(`${'benchmark'.padEnd(34)} ${'median'.padStart(10)}  unit    vs peer`);
for (const r of results) {
  const versus = r.peer === undefined ? '' : `${r.ratioVsPeer}x ${r.peer} (${r.peerMedian})`;
  console.log(`${r.name.padEnd(34)} ${String(r.median).padStart(10)}  ${r.unit.padEnd(6)}  ${versus}`);
}
