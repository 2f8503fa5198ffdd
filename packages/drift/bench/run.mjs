// Benchmarks of the built package (run `pnpm build` first): ns per item, median of several repetitions.
// One JSON object per line, then a short table. No peer figures: river (Python) is not installed here.
// Each case runs in its own node process, so one detector's call-site feedback cannot slow another's.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ADWIN, DDM, DriftMonitor, EDDM, KSDetector, KSWIN, PageHinkley, PSIDetector, SeededRandom } from '../dist/index.js';

const REPETITIONS = 5;
const random = new SeededRandom(2026);
const POOL = 1 << 20; // 1M pre-drawn items, cycled, so the timing excludes the generator
const uniform = Float64Array.from({ length: POOL }, () => random.next());
const gaussian = Float64Array.from({ length: POOL }, () => random.nextGaussian());
const bernoulli = Float64Array.from({ length: POOL }, () => random.nextBernoulli(0.2));
const reference = Array.from({ length: 5_000 }, () => random.nextGaussian());

/** Feeds `items` values to a fresh detector; returns ns per item and the number of drifts (kept live). */
function time(create, data, items) {
  const detector = create();
  const mask = POOL - 1;
  let drifts = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < items; i++) if (detector.update(data[i & mask]).drift) drifts++;
  return { ns: Number(process.hrtime.bigint() - start) / items, drifts };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const cases = [
  ['adwin (delta 0.002, clock 32, M 5)', () => new ADWIN(), uniform, 10_000_000],
  ['page-hinkley (up)', () => new PageHinkley({ delta: 0.25 }), gaussian, 10_000_000],
  ['page-hinkley (both)', () => new PageHinkley({ delta: 0.25, direction: 'both' }), gaussian, 10_000_000],
  ['ddm', () => new DDM(), bernoulli, 10_000_000],
  ['eddm', () => new EDDM(), bernoulli, 10_000_000],
  ['kswin (window 100, stat 30)', () => new KSWIN(), gaussian, 500_000],
  ['psi (10 bins, window 500)', () => new PSIDetector({ reference: { values: reference } }), gaussian, 2_000_000],
  ['ks (window 500, reference 5000)', () => new KSDetector({ reference: { values: reference } }), gaussian, 100_000],
];

function measureCase(index) {
  const [name, create, data, items] = cases[index];
  time(create, data, Math.min(items, 200_000)); // warm-up
  const runs = Array.from({ length: REPETITIONS }, () => time(create, data, items));
  const ns = runs.map((r) => r.ns);
  return { name, unit: 'ns/item', ns, items, drifts: runs[0].drifts };
}

function measureMonitor() {
  // a monitor with 3 streams and 5 detectors, per tick
  const config = {
    streams: {
      loss: [{ type: 'adwin' }, { type: 'page-hinkley', config: { delta: 0.25 } }],
      error: [{ type: 'ddm' }, { type: 'eddm', role: 'warning' }],
      feature: [{ type: 'psi', config: { reference: { values: reference } } }],
    },
  };
  const ticks = 500_000;
  const run = () => {
    const monitor = new DriftMonitor(config);
    const start = process.hrtime.bigint();
    for (let i = 0; i < ticks; i++) {
      const j = i & (POOL - 1);
      monitor.update({ loss: uniform[j], error: bernoulli[j], feature: gaussian[j] });
    }
    return Number(process.hrtime.bigint() - start) / ticks;
  };
  run();
  const ns = Array.from({ length: REPETITIONS }, run);
  return { name: 'drift-monitor (3 streams, 5 detectors)', unit: 'ns/tick', ns, items: ticks };
}

const child = process.argv[2];
if (child !== undefined) {
  const index = Number(child);
  process.stdout.write(JSON.stringify(index < cases.length ? measureCase(index) : measureMonitor()));
} else {
  const rows = [];
  for (let index = 0; index <= cases.length; index++) {
    const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), String(index)], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`benchmark ${index} failed: ${out.stderr}`);
    const { ns, ...rest } = JSON.parse(out.stdout);
    const row = {
      name: rest.name,
      unit: rest.unit,
      median: Number(median(ns).toFixed(1)),
      min: Number(Math.min(...ns).toFixed(1)),
      max: Number(Math.max(...ns).toFixed(1)),
      items: rest.items,
      repetitions: REPETITIONS,
      ...(rest.drifts === undefined ? {} : { drifts: rest.drifts }),
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  console.log('');
  console.log(`${'benchmark'.padEnd(42)}${'median'.padStart(12)}${'min'.padStart(10)}${'max'.padStart(10)}  unit`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(42)}${String(r.median).padStart(12)}${String(r.min).padStart(10)}${String(r.max).padStart(10)}  ${r.unit}`);
  }
  console.log(`\nnode ${process.version}, ${REPETITIONS} repetitions each, one process per benchmark; ADWIN target <= 100 ns/item`);
}
