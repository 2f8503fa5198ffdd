import { createHash } from 'node:crypto';
import type { FeatureSpec, FeatureSpecInput } from './FeatureSpecSchema.js';
import { parseFeatureSpec } from './parseFeatureSpec.js';

/** JSON with object keys sorted at every level, so equal specs serialize to equal bytes. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 (hex) of the validated spec's canonical JSON (defaults filled, keys sorted): two specs that
 * compute the same features hash the same, whatever their key order or omitted defaults. A model records
 * it so the engine can refuse a feature pipeline that differs from the one it was trained on.
 */
export function specHash(spec: FeatureSpecInput | FeatureSpec): string {
  return createHash('sha256').update(canonicalJson(parseFeatureSpec(spec))).digest('hex');
}
