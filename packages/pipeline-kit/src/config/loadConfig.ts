import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from './ConfigError.js';
import { parseConfigFile } from './parseConfigFile.js';
import { type ConfigPath, envVarName, isUnder, objectShape, schemaAt, secretPaths, settablePaths, stripsUnknownKeys, toUpperSnake, unwrap, valuesAt } from './schemaPaths.js';
import { SECRET_CENSOR as REDACTED } from '../logging/scrubSecrets.js';

/** A readonly view of `T`, all the way down. */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer E)[]
    ? readonly DeepReadonly<E>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/** Any part of `T`, all the way down. */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** What {@link loadConfig} returns: the schema's output, deep-frozen. */
export type LoadedConfig<S extends z.ZodType> = DeepReadonly<z.output<S>>;

export interface LoadConfigOptions<S extends z.ZodType> {
  /** The composed config schema. Use `.prefault({})` (not `.default({})`) on nested sections so their field defaults apply. */
  schema: S;
  /** A `.yaml`, `.yml` or `.json` file; omit for defaults and environment only. */
  file?: string;
  /** Environment variables. Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Only variables starting with this are read, and every one of them must match a config path. Default `ARES_`. */
  prefix?: string;
  /** Values from code, above the schema's defaults and below the file. */
  defaults?: DeepPartial<z.input<S>>;
}


/**
 * Loads a config from layers, later ones winning: schema defaults < `defaults` < file < environment.
 * `ARES_RISK__MAX_DRAWDOWN=0.2` sets `risk.maxDrawdown` (`__` separates levels, each level is the key in
 * UPPER_SNAKE), the string coerced by the schema's type at that path. Secrets ({@link secret}) are
 * accepted only from the environment. Every problem is collected and thrown as one {@link ConfigError}.
 * @returns the validated config, deep-frozen
 */
export function loadConfig<S extends z.ZodType>(options: LoadConfigOptions<S>): LoadedConfig<S> {
  const { schema, file } = options;
  const prefix = options.prefix ?? 'ARES_';
  if (typeof prefix !== 'string' || prefix === '') throw new TypeError(`Invalid "prefix": expected a non-empty string, received "${String(prefix)}".`);
  const env = options.env ?? process.env;
  const secrets = secretPaths(schema);
  const isSecret = (path: readonly string[]): boolean => secrets.some((pattern) => isUnder(path, pattern));
  const issues: ConfigIssue[] = [];
  // Which layer supplied each value, by dotted path, to say where a bad value came from.
  const provenance = new Map<string, string>();
  let merged: unknown = {};

  if (options.defaults !== undefined) {
    reportUnknownKeys(schema, options.defaults, [], 'defaults', issues);
    recordSources(options.defaults, [], 'defaults', provenance);
    merged = merge(merged, options.defaults);
  }

  if (file !== undefined) {
    const parsed = parseConfigFile(file);
    const source = `file ${file}`;
    if (!parsed.ok) issues.push(...parsed.issues);
    else if (parsed.value !== null && parsed.value !== undefined && !isPlainObject(parsed.value))
      issues.push({ path: '', expected: 'a mapping of settings at the top level', received: describe(parsed.value), source });
    else {
      const content = parsed.value ?? {};
      for (const pattern of secrets)
        for (const found of valuesAt(content, pattern))
          issues.push({
            path: found.path.join('.'),
            expected: `no value in the file: it is a secret and must come from the environment variable ${envVarName(pattern, prefix)}`,
            received: REDACTED,
            source,
          });
      reportUnknownKeys(schema, content, [], source, issues);
      recordSources(content, [], source, provenance);
      merged = merge(merged, content);
    }
  }

  // Whole sections (`ARES_RISK='{…}'`) first, so a deeper variable can override one field of them.
  const names = Object.keys(env)
    .filter((name) => name.startsWith(prefix) && env[name] !== undefined)
    .sort((a, b) => a.split('__').length - b.split('__').length || a.localeCompare(b));
  let fromEnv: unknown = {};
  for (const name of names) {
    const raw = env[name] ?? '';
    const source = `env ${name}`;
    const segments = name.slice(prefix.length).split('__');
    const path = resolveEnvPath(schema, segments);
    if (path === undefined) {
      const suggestion = suggest(name, settablePaths(schema).map((p) => envVarName(p, prefix)));
      issues.push({
        path: segments.map(camelCase).join('.'),
        expected: `a variable that names a config path${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}`,
        received: REDACTED,
        source,
      });
      continue;
    }
    const target = schemaAt(schema, path);
    const coerced = target === undefined ? { ok: false as const, expected: 'a known setting' } : coerce(raw, target);
    if (!coerced.ok) {
      issues.push({ path: path.join('.'), expected: coerced.expected, received: isSecret(path) ? REDACTED : JSON.stringify(raw), source });
      continue;
    }
    fromEnv = merge(fromEnv, nest(path, coerced.value));
    recordSources(coerced.value, path, source, provenance);
  }
  merged = merge(merged, fromEnv);

  const result = schema.safeParse(merged, { reportInput: true });
  if (!result.success) {
    const reported = new Set(issues.map((i) => i.path));
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      if (reported.has(path.join('.'))) continue;
      const source = issue.input === undefined ? notSet(path, isSecret(path), prefix) : sourceOf(path, provenance);
      issues.push(...fromZodIssue(issue, path, isSecret(path), source));
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return deepFreeze(result.data) as LoadedConfig<S>;
}

/** Maps `RISK`, `MAX_DRAWDOWN` to `['risk', 'maxDrawdown']` by the schema's own keys; undefined when any level has no such key. */
function resolveEnvPath(schema: z.ZodType, segments: readonly string[]): string[] | undefined {
  const path: string[] = [];
  let current: z.ZodType | undefined = schema;
  for (const segment of segments) {
    const shape: Record<string, z.ZodType> | undefined = current === undefined ? undefined : objectShape(current);
    const key: string | undefined = shape === undefined ? undefined : Object.keys(shape).find((k) => toUpperSnake(k) === segment);
    if (shape === undefined || key === undefined || segment === '') return undefined;
    path.push(key);
    current = shape[key];
  }
  return path.length === 0 ? undefined : path;
}

type Coerced = { ok: true; value: unknown } | { ok: false; expected: string };

/** Turns an environment string into the schema's type at that path. */
function coerce(raw: string, schema: z.ZodType): Coerced {
  const { core, type } = unwrap(schema);
  const asNumber = (integer: boolean): Coerced => {
    const n = Number(raw.trim());
    if (raw.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) return { ok: false, expected: integer ? 'an integer' : 'a number' };
    return { ok: true, value: n };
  };
  const asBoolean = (): Coerced => {
    const v = raw.trim().toLowerCase();
    if (v === 'true' || v === '1') return { ok: true, value: true };
    if (v === 'false' || v === '0') return { ok: true, value: false };
    return { ok: false, expected: 'a boolean: true, false, 1 or 0' };
  };
  const asJson = (what: string): Coerced => {
    try {
      return { ok: true, value: JSON.parse(raw) };
    } catch {
      return { ok: false, expected: `${what} as JSON` };
    }
  };
  switch (type) {
    case 'number':
      return asNumber(((core as { format?: unknown }).format ?? '').toString().includes('int'));
    case 'boolean':
      return asBoolean();
    case 'string':
    case 'enum':
    case 'template_literal':
      return { ok: true, value: raw };
    case 'literal': {
      const first = (core._zod.def as { values?: unknown[] }).values?.[0];
      if (typeof first === 'number') return asNumber(false);
      if (typeof first === 'boolean') return asBoolean();
      return { ok: true, value: raw };
    }
    case 'array':
    case 'tuple':
      return asJson('an array');
    case 'object':
    case 'record':
      return asJson('an object');
    default: {
      // Unions and the like: JSON when it parses, the plain string otherwise.
      const json = asJson('a value');
      return json.ok ? json : { ok: true, value: raw };
    }
  }
}

function fromZodIssue(issue: z.core.$ZodIssue, path: string[], secret: boolean, source: string): ConfigIssue[] {
  const at = path.join('.');
  const received = secret ? REDACTED : describe(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return [{ path: at, expected: issue.expected === 'int' ? 'an integer' : issue.expected, received, source }];
    case 'invalid_value':
      return [{ path: at, expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}`, received, source }];
    case 'invalid_format':
      return [{ path: at, expected: `a valid ${issue.format}`, received, source }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key].join('.'), expected: 'no such key (not in the schema)', received: `key ${JSON.stringify(key)}`, source }));
    default: {
      // Zod phrases the rest as "Too small: expected number to be >=1"; keep what follows "expected".
      const expected = /expected (.*)$/.exec(issue.message)?.[1] ?? issue.message;
      return [{ path: at, expected, received, source }];
    }
  }
}

/** The layer that set `path`, or its nearest parent. */
function sourceOf(path: readonly string[], provenance: ReadonlyMap<string, string>): string {
  for (let length = path.length; length >= 0; length--) {
    const source = provenance.get(path.slice(0, length).join('.'));
    if (source !== undefined) return source;
  }
  return 'schema';
}

/** Where a missing value can be set. */
function notSet(path: readonly string[], secret: boolean, prefix: string): string {
  // An array element is set through the whole array's variable.
  const variable = envVarName(
    path.map((key) => (/^\d+$/.test(key) ? '*' : key)),
    prefix,
  );
  return secret ? `not set; set it in ${variable}` : `not set; set it in the file or in ${variable}`;
}

/** Reports keys that a plain `z.object` would drop silently: a typo in the file must not go unnoticed. */
function reportUnknownKeys(schema: z.ZodType, value: unknown, at: string[], source: string, issues: ConfigIssue[]): void {
  const shape = objectShape(schema);
  if (shape === undefined || !isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const childSchema = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (childSchema !== undefined) reportUnknownKeys(childSchema, child, [...at, key], source, issues);
    else if (stripsUnknownKeys(schema))
      issues.push({ path: [...at, key].join('.'), expected: `no such key; known keys here: ${Object.keys(shape).join(', ')}`, received: `key ${JSON.stringify(key)}`, source });
  }
}

function recordSources(value: unknown, at: readonly string[], source: string, provenance: Map<string, string>): void {
  provenance.set(at.join('.'), source);
  if (isPlainObject(value)) for (const [key, child] of Object.entries(value)) recordSources(child, [...at, key], source, provenance);
}

function merge(base: unknown, overlay: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(overlay)) return overlay === undefined ? base : overlay;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) out[key] = merge(base[key], value);
  return out;
}

function nest(path: ConfigPath, value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function camelCase(segment: string): string {
  return segment.toLowerCase().replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** The closest known variable name within a few edits, for typos. */
function suggest(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance <= 3 && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length] ?? 0;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
