import { createHash } from 'node:crypto';
import type { Trade } from './metrics/Trade.js';

function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '"NaN"';
  if (!Number.isFinite(x)) return x > 0 ? '"Infinity"' : '"-Infinity"';
  if (x === 0) return '0'; // also folds −0
  return x.toExponential(11); // 12 significant digits: immune to last-bit noise, sensitive to real changes
}

/**
 * Canonical text of a value: object keys sorted, `undefined` members dropped, numbers with 12 significant
 * digits in exponent form (`1.00000000000e+2`), NaN and ±Infinity as strings, typed arrays as arrays.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return `[${Array.from(value as ArrayLike<unknown>, canonicalJson).join(',')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return 'null';
}

/**
 * A short stable hash of a backtest's outcome: the first 16 hex digits of SHA-256 over
 * `canonicalJson({ trades, metrics })`. Same data, config and seed → same fingerprint on every run and
 * platform, so a changed number is visible at a glance.
 */
export function fingerprint(trades: readonly Trade[], metrics: object): string {
  return createHash('sha256').update(canonicalJson({ trades, metrics })).digest('hex').slice(0, 16);
}
