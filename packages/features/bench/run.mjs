// Runs every other bench/*.mjs file in its own process (one JIT state per group), prints their
// JSON lines as they are, then a short table. Run `pnpm build` first.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_')).sort();
const records = [];
for (const file of files) {
  // A failing file is reported and the others still run; the exit code then says it failed.
  const child = spawnSync(process.execPath, [`${dir}${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  if (child.status !== 0) {
    console.error(`bench/${file} failed (exit ${child.status ?? child.signal}); its lines so far are kept.`);
    process.exitCode = 1;
  }
  for (const line of child.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    console.log(line);
    records.push(JSON.parse(line));
  }
}

const format = (x) => (typeof x !== 'number' ? '' : x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(2));
const table = records.map((r) => [r.name, r.unit, format(r.median), r.peer ? `${format(r.ratio)}x vs ${r.peer}` : '']);
const widths = [0, 1, 2, 3].map((c) => Math.max(...table.map((row) => row[c].length), ['name', 'unit', 'median', 'vs peer'][c].length));
const print = (row) => console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
console.log('');
print(['name', 'unit', 'median', 'vs peer']);
for (const row of table) print(row);
