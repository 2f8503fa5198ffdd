// `pnpm bench`: runs every bench/*.bench.mjs in turn against the built dist/ (run `pnpm build` first).
// Each file prints one JSON object per line (name, unit, median, peer ratios), then its own table.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const file of readdirSync(here).filter((name) => name.endsWith('.bench.mjs')).sort()) {
  console.log(`# ${file}`);
  await import(pathToFileURL(path.join(here, file)).href);
  console.log('');
}
