import { readFile } from 'node:fs/promises';
import type { BarSeries } from './BarSeries.js';
import type { ParseBarsCsvOptions } from './csv.js';
import { parseBarsCsv } from './csv.js';

/** Reads a UTF-8 CSV file in the bar layout; see {@link parseBarsCsv}. */
export async function readBarsCsvFile(path: string, options?: ParseBarsCsvOptions): Promise<BarSeries> {
  return parseBarsCsv(await readFile(path, 'utf8'), options);
}
