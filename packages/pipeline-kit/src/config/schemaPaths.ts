import type { z } from 'zod';
import { isSecretSchema } from './secret.js';

/** A config path: object keys, and `*` for "every element" of an array. */
export type ConfigPath = readonly string[];

interface LooseDef {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: z.ZodType;
  readonly element?: z.ZodType;
  readonly getter?: () => z.ZodType;
}

// Recursive (lazy) schemas are walked this deep at most.
const MAX_DEPTH = 24;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'success']);

function defOf(schema: z.ZodType): LooseDef {
  return schema._zod.def as unknown as LooseDef;
}

/** The schema under optional/default/pipe/lazy wrappers, and whether any layer is marked secret. */
export function unwrap(schema: z.ZodType): { core: z.ZodType; type: string; secret: boolean } {
  let current = schema;
  let secret = false;
  for (let depth = 0; ; depth++) {
    if (isSecretSchema(current)) secret = true;
    const def = defOf(current);
    const next = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : def.type === 'lazy' ? def.getter?.() : undefined;
    if (next === undefined || depth > MAX_DEPTH) return { core: current, type: def.type, secret };
    current = next;
  }
}

/** The fields of an object schema (after unwrapping), or undefined for anything else. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const { core, type } = unwrap(schema);
  return type === 'object' ? defOf(core).shape : undefined;
}

/** Whether an object schema drops unknown keys silently (plain `z.object`), so the loader should report them. */
export function stripsUnknownKeys(schema: z.ZodType): boolean {
  const { core, type } = unwrap(schema);
  return type === 'object' && defOf(core).catchall === undefined;
}

/** Every path to a secret, through objects and arrays (`*`). */
export function secretPaths(schema: z.ZodType): ConfigPath[] {
  const found: ConfigPath[] = [];
  const walk = (node: z.ZodType, at: string[], depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const { core, type, secret } = unwrap(node);
    if (secret) {
      found.push(at);
      return;
    }
    if (type === 'object') for (const [key, child] of Object.entries(defOf(core).shape ?? {})) walk(child, [...at, key], depth + 1);
    else if (type === 'array') {
      const element = defOf(core).element;
      if (element !== undefined) walk(element, [...at, '*'], depth + 1);
    }
  };
  walk(schema, [], 0);
  return found;
}

/** Every path an environment variable can set: each object field, leaves and nested objects alike. */
export function settablePaths(schema: z.ZodType): ConfigPath[] {
  const found: ConfigPath[] = [];
  const walk = (node: z.ZodType, at: string[], depth: number): void => {
    const shape = depth > MAX_DEPTH ? undefined : objectShape(node);
    if (at.length > 0) found.push(at);
    for (const [key, child] of Object.entries(shape ?? {})) walk(child, [...at, key], depth + 1);
  };
  walk(schema, [], 0);
  return found;
}

/** The schema at a path of object keys, or undefined when the path leaves the schema. */
export function schemaAt(schema: z.ZodType, path: ConfigPath): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    const shape: Record<string, z.ZodType> | undefined = current === undefined ? undefined : objectShape(current);
    current = shape !== undefined && Object.hasOwn(shape, key) ? shape[key] : undefined;
  }
  return current;
}

/** A value found in a config object, with where it sits so it can be replaced. */
export interface FoundValue {
  /** The concrete path, array indices included. */
  readonly path: readonly string[];
  readonly value: unknown;
  readonly container: Record<string, unknown> | unknown[];
  readonly key: string | number;
}

/** Every defined value at `path` inside `value`, expanding `*` over array elements. */
export function valuesAt(value: unknown, path: ConfigPath, at: readonly string[] = []): FoundValue[] {
  const [head, ...rest] = path;
  if (head === undefined || typeof value !== 'object' || value === null) return [];
  if (head === '*') {
    if (!Array.isArray(value)) return [];
    return value.flatMap((element: unknown, index) =>
      rest.length === 0
        ? element === undefined
          ? []
          : [{ path: [...at, String(index)], value: element, container: value, key: index }]
        : valuesAt(element, rest, [...at, String(index)]),
    );
  }
  if (Array.isArray(value) || !Object.hasOwn(value, head)) return [];
  const record = value as Record<string, unknown>;
  if (rest.length > 0) return valuesAt(record[head], rest, [...at, head]);
  return record[head] === undefined ? [] : [{ path: [...at, head], value: record[head], container: record, key: head }];
}

/** Whether a concrete path (array indices as digits) lies at or under a path with `*` wildcards. */
export function isUnder(concrete: readonly string[], pattern: ConfigPath): boolean {
  if (concrete.length < pattern.length) return false;
  return pattern.every((key, i) => key === concrete[i] || (key === '*' && /^\d+$/.test(concrete[i] ?? '')));
}

/** `maxDrawdown` -> `MAX_DRAWDOWN`. */
export function toUpperSnake(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** The environment variable that sets `path`: `['risk', 'maxDrawdown']` -> `ARES_RISK__MAX_DRAWDOWN`. Stops before a `*`. */
export function envVarName(path: ConfigPath, prefix: string): string {
  const keys = path.includes('*') ? path.slice(0, path.indexOf('*')) : path;
  return `${prefix}${keys.map(toUpperSnake).join('__')}`;
}
