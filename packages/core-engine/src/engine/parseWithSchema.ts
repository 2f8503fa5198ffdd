import type { z } from 'zod';
import { TradingEngineError } from './TradingEngineError.js';

/**
 * Parses `value` with `schema`; on failure throws one `TradingEngineError` listing every bad path:
 * `Invalid "config.fast": expected an integer >= 1, received "0".`
 */
export function parseWithSchema<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const path = [name, ...issue.path.map(String)].join('.');
    const received = issue.path.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined), value);
    return `Invalid "${path}": ${issue.message}, received "${String(received)}".`;
  });
  throw new TradingEngineError({ argument: name, message: lines.join('\n'), cause: result.error });
}
