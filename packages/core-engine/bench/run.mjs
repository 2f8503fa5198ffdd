// Runs each bench/*.bench.mjs in a fresh node process (separate JIT state), passes its JSON lines
// through, then prints a short table. Build first: `pnpm build && pnpm bench`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const records = [];
for (const file of readdirSync(here).filter((name) => name.endsWith('.bench.mjs')).sort()) {
  const child = spawnSync(process.execPath, [`${here}${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  if (child.status !== 0) {
    console.error(`bench/${file} exited with ${child.status ?? child.signal}`);
    process.exitCode = 1;
  }
  for (const line of child.stdout.split('\n').filter((l) => l.startsWith('{'))) {
    console.log(line);
    records.push(JSON.parse(line));
  }
}

const show = (x) => (typeof x !== 'number' ? '' : x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(1));
const rows = [['name', 'unit', 'median', 'p99', 'vs peer'], ...records.map((r) => [r.name, r.unit, show(r.median), show(r.p99), r.peer ? `${r.ratio.toFixed(2)}x ${r.peer}` : ''])];
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
console.log('');
for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
