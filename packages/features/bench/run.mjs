// Runs every other bench/*.mjs file in its own process (one JIT state per group), prints their
// JSON lines as they are, then a short table. Run `pnpm build` first.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_')).sort();
const records = [];
for (const file of files) {
  const out = execFileSync(process.execPath, [`${dir}${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  for (const line of out.split('\n')) {
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
