import type { BarSeries, ValidationPolicyInput, ValidationReport } from '@ares/features';
import { readBarsCsvFile, validateSeries } from '@ares/features';
import type { BarStore, ReadRange } from './BarStore.js';

/** Where bars come from: the local store, or a CSV file of the layout `timestamp,open,high,low,close,volume`. */
export type BarSource = ({ readonly store: BarStore; readonly symbol: string; readonly timeframe: string } & ReadRange) | { readonly csvFile: string };

export interface LoadBarsOptions {
  /**
   * The features package's validation policy (default: reject bad values, duplicates and disorder;
   * report gaps). For a store source the policy's `timeframe` defaults to the stored timeframe.
   */
  readonly validate?: ValidationPolicyInput;
}

export interface LoadedBars {
  /** The validated (and, where the policy repairs or drops, cleaned) series. */
  readonly series: BarSeries;
  /** What validation found and did, e.g. one `gap` entry per run of missing bars. */
  readonly report: ValidationReport;
}

/**
 * Loads bars from the store or a CSV file into a `BarSeries` and validates them with `validateSeries`.
 * @throws BarValidationError at the first issue whose policy is `reject`; BarStoreError, CsvParseError
 *   when the source cannot be read.
 */
export async function loadBars(source: BarSource, options: LoadBarsOptions = {}): Promise<LoadedBars> {
  if ('csvFile' in source) {
    return validateSeries(await readBarsCsvFile(source.csvFile), options.validate);
  }
  const series = source.store.read(source.symbol, source.timeframe, source);
  return validateSeries(series, { timeframe: source.timeframe, ...options.validate });
}
