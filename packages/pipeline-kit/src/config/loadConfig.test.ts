import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ConfigError, type ConfigIssue } from './ConfigError.js';
import { configJsonSchema } from './configJsonSchema.js';
import { loadConfig } from './loadConfig.js';
import { listSecretValues, redactConfig } from './redactConfig.js';
import { secret } from './secret.js';

const TestSchema = z.object({
  name: z.string().default('ares'),
  dryRun: z.boolean().default(true),
  risk: z
    .object({
      maxDrawdown: z.number().min(0).max(1).default(0.25),
      maxOrdersPerSecond: z.number().int().positive().default(10),
      symbols: z.array(z.string()).default(['BTC/USDT']),
    })
    .prefault({}),
  logging: z.object({ level: z.enum(['debug', 'info', 'warn', 'error']).default('info'), dir: z.string().default('logs') }).prefault({}),
  exchange: z.object({ id: z.string(), apiKey: secret(z.string().min(8)) }).optional(),
  smtp: z.object({ host: z.string().default('localhost'), port: z.number().int().default(25), password: secret(z.string()).optional() }).prefault({}),
});

const dir = mkdtempSync(path.join(tmpdir(), 'ares-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
function writeConfig(extension: string, text: string): string {
  const file = path.join(dir, `config-${++fileCount}${extension}`);
  writeFileSync(file, text);
  return file;
}

function issuesOf(run: () => unknown): readonly ConfigIssue[] {
  try {
    run();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const SCHEMA_DEFAULTS = {
  name: 'ares',
  dryRun: true,
  risk: { maxDrawdown: 0.25, maxOrdersPerSecond: 10, symbols: ['BTC/USDT'] },
  logging: { level: 'info', dir: 'logs' },
  smtp: { host: 'localhost', port: 25 },
};

describe('loadConfig layers', () => {
  it('gives the schema defaults when nothing else is set, deep-frozen', () => {
    const config = loadConfig({ schema: TestSchema, env: { PATH: '/usr/bin', HOME: '/root' } });
    expect(config).toEqual(SCHEMA_DEFAULTS);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.risk.symbols)).toBe(true);
    expect(() => {
      (config.risk as { maxDrawdown: number }).maxDrawdown = 0.9;
    }).toThrow(TypeError);
  });

  it.each([
    ['schema default only', false, false, false, 0.25],
    ['defaults beat the schema default', true, false, false, 0.3],
    ['the file beats defaults', true, true, false, 0.4],
    ['the environment beats the file', true, true, true, 0.2],
    ['the environment beats defaults without a file', true, false, true, 0.2],
  ])('precedence: %s', (_name, withDefaults, withFile, withEnv, expected) => {
    const config = loadConfig({
      schema: TestSchema,
      ...(withDefaults ? { defaults: { risk: { maxDrawdown: 0.3 } } } : {}),
      ...(withFile ? { file: writeConfig('.yaml', 'risk:\n  maxDrawdown: 0.4\n') } : {}),
      env: withEnv ? { ARES_RISK__MAX_DRAWDOWN: '0.2' } : {},
    });
    expect(config.risk.maxDrawdown).toBe(expected);
  });

  it('merges layers field by field: siblings from lower layers survive', () => {
    const config = loadConfig({
      schema: TestSchema,
      defaults: { name: 'from-defaults', logging: { dir: '/var/log/ares' } },
      file: writeConfig('.yaml', 'risk:\n  maxDrawdown: 0.4\nlogging:\n  level: warn\n'),
      env: { ARES_RISK__MAX_ORDERS_PER_SECOND: '3' },
    });
    expect(config).toEqual({
      ...SCHEMA_DEFAULTS,
      name: 'from-defaults',
      risk: { maxDrawdown: 0.4, maxOrdersPerSecond: 3, symbols: ['BTC/USDT'] },
      logging: { level: 'warn', dir: '/var/log/ares' },
    });
  });

  it('reads YAML and JSON files to the same config, and an empty YAML file as no settings', () => {
    const yaml = writeConfig('.yml', '# comment\nname: bot-1\nrisk:\n  symbols: [ETH/USDT, SOL/USDT]\n');
    const json = writeConfig('.json', '{ "name": "bot-1", "risk": { "symbols": ["ETH/USDT", "SOL/USDT"] } }');
    const fromYaml = loadConfig({ schema: TestSchema, file: yaml, env: {} });
    expect(fromYaml).toEqual({ ...SCHEMA_DEFAULTS, name: 'bot-1', risk: { ...SCHEMA_DEFAULTS.risk, symbols: ['ETH/USDT', 'SOL/USDT'] } });
    expect(loadConfig({ schema: TestSchema, file: json, env: {} })).toEqual(fromYaml);
    expect(loadConfig({ schema: TestSchema, file: writeConfig('.yaml', ''), env: {} })).toEqual(SCHEMA_DEFAULTS);
  });
});

describe('loadConfig environment mapping', () => {
  it.each([
    ['ARES_RISK__MAX_DRAWDOWN', '0.2', (c: Cfg) => c.risk.maxDrawdown, 0.2],
    ['ARES_RISK__MAX_DRAWDOWN', ' 1e-1 ', (c: Cfg) => c.risk.maxDrawdown, 0.1],
    ['ARES_RISK__MAX_ORDERS_PER_SECOND', '7', (c: Cfg) => c.risk.maxOrdersPerSecond, 7],
    ['ARES_DRY_RUN', 'false', (c: Cfg) => c.dryRun, false],
    ['ARES_DRY_RUN', 'TRUE', (c: Cfg) => c.dryRun, true],
    ['ARES_DRY_RUN', '1', (c: Cfg) => c.dryRun, true],
    ['ARES_DRY_RUN', '0', (c: Cfg) => c.dryRun, false],
    ['ARES_LOGGING__LEVEL', 'debug', (c: Cfg) => c.logging.level, 'debug'],
    ['ARES_NAME', '123', (c: Cfg) => c.name, '123'],
    ['ARES_RISK__SYMBOLS', '["ETH/USDT","SOL/USDT"]', (c: Cfg) => c.risk.symbols, ['ETH/USDT', 'SOL/USDT']],
    ['ARES_RISK', '{"maxDrawdown":0.15}', (c: Cfg) => c.risk, { maxDrawdown: 0.15, maxOrdersPerSecond: 10, symbols: ['BTC/USDT'] }],
  ])('coerces %s=%p by the schema type', (name, value, pick, expected) => {
    expect(pick(loadConfig({ schema: TestSchema, env: { [name]: value } }))).toEqual(expected);
  });

  it('applies a whole-section JSON variable first, then deeper variables over it', () => {
    const config = loadConfig({ schema: TestSchema, env: { ARES_RISK__MAX_DRAWDOWN: '0.05', ARES_RISK: '{"maxDrawdown":0.15,"maxOrdersPerSecond":2}' } });
    expect(config.risk).toEqual({ maxDrawdown: 0.05, maxOrdersPerSecond: 2, symbols: ['BTC/USDT'] });
  });

  it('honours another prefix and ignores variables without it', () => {
    const config = loadConfig({ schema: TestSchema, prefix: 'BOT_', env: { BOT_NAME: 'b', ARES_NAME: 'ignored', ARES_TYPO: 'x' } });
    expect(config.name).toBe('b');
  });

  it.each([
    ['ARES_RISK__MAX_DRAWDOWN', 'abc', 'risk.maxDrawdown', 'a number', '"abc"'],
    ['ARES_RISK__MAX_DRAWDOWN', '', 'risk.maxDrawdown', 'a number', '""'],
    ['ARES_RISK__MAX_ORDERS_PER_SECOND', '1.5', 'risk.maxOrdersPerSecond', 'an integer', '"1.5"'],
    ['ARES_DRY_RUN', 'yes', 'dryRun', 'a boolean: true, false, 1 or 0', '"yes"'],
    ['ARES_RISK__SYMBOLS', 'BTC/USDT', 'risk.symbols', 'an array as JSON', '"BTC/USDT"'],
    // These two coerce fine and then fail the schema, which sees the coerced value.
    ['ARES_LOGGING__LEVEL', 'loud', 'logging.level', 'one of "debug" | "info" | "warn" | "error"', '"loud"'],
    ['ARES_RISK__MAX_DRAWDOWN', '2', 'risk.maxDrawdown', 'number to be <=1', '2'],
  ])('reports %s=%p as a bad value with its variable', (name, value, path, expected, received) => {
    expect(issuesOf(() => loadConfig({ schema: TestSchema, env: { [name]: value } }))).toEqual([{ path, expected, received, source: `env ${name}` }]);
  });

  it.each([
    ['a typo', 'ARES_RISK__MAX_DRAWDON', 'risk.maxDrawdon', ' (did you mean ARES_RISK__MAX_DRAWDOWN?)'],
    ['a path below a leaf', 'ARES_RISK__MAX_DRAWDOWN__X', 'risk.maxDrawdown.x', ' (did you mean ARES_RISK__MAX_DRAWDOWN?)'],
    ['an unknown section', 'ARES_DATABASE__URL', 'database.url', ''],
    ['a single underscore for a level', 'ARES_RISK_MAX_DRAWDOWN', 'riskMaxDrawdown', ' (did you mean ARES_RISK__MAX_DRAWDOWN?)'],
  ])('refuses an ARES_ variable that matches no config path (%s), never showing its value', (_name, variable, path, hint) => {
    expect(issuesOf(() => loadConfig({ schema: TestSchema, env: { [variable]: 's3cr3t' } }))).toEqual([
      { path, expected: `a variable that names a config path${hint}`, received: '[redacted]', source: `env ${variable}` },
    ]);
  });
});

type Cfg = ReturnType<typeof loadConfig<typeof TestSchema>>;

describe('loadConfig errors', () => {
  it('lists every problem of every layer at once, with expected, received and source', () => {
    const file = writeConfig(
      '.yaml',
      ['risk:', '  maxDrawdown: 5', '  maxOrdersPerSecond: -1', 'logging:', '  level: loud', 'riks: {}', 'exchange:', '  id: 42', ''].join('\n'),
    );
    let error: unknown;
    try {
      loadConfig({ schema: TestSchema, file, env: { ARES_SMTP__PORT: 'abc' } });
    } catch (e) {
      error = e;
    }
    expect(ConfigError.isInstance(error)).toBe(true);
    const issues = (error as ConfigError).issues;
    const from = `file ${file}`;
    expect([...issues].sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'exchange.apiKey', expected: 'string', received: '[redacted]', source: 'not set; set it in ARES_EXCHANGE__API_KEY' },
      { path: 'exchange.id', expected: 'string', received: '42', source: from },
      { path: 'logging.level', expected: 'one of "debug" | "info" | "warn" | "error"', received: '"loud"', source: from },
      { path: 'riks', expected: 'no such key; known keys here: name, dryRun, risk, logging, exchange, smtp', received: 'key "riks"', source: from },
      { path: 'risk.maxDrawdown', expected: 'number to be <=1', received: '5', source: from },
      { path: 'risk.maxOrdersPerSecond', expected: 'number to be >0', received: '-1', source: from },
      { path: 'smtp.port', expected: 'an integer', received: '"abc"', source: 'env ARES_SMTP__PORT' },
    ]);
    expect((error as Error).message).toContain('Invalid config: 7 problems:\n  - ');
    expect((error as Error).message).toContain(`  - risk.maxDrawdown: expected number to be <=1, received 5 (${from})`);
  });

  it('refuses a secret in the file, naming the variable to use, and never prints its value', () => {
    const file = writeConfig('.yaml', 'smtp:\n  password: hunter2-secret\nexchange:\n  id: binance\n  apiKey: k3y-abcdefgh\n');
    let error: unknown;
    try {
      loadConfig({ schema: TestSchema, file, env: {} });
    } catch (e) {
      error = e;
    }
    const issues = (error as ConfigError).issues;
    expect(issues).toEqual([
      {
        path: 'exchange.apiKey',
        expected: 'no value in the file: it is a secret and must come from the environment variable ARES_EXCHANGE__API_KEY',
        received: '[redacted]',
        source: `file ${file}`,
      },
      {
        path: 'smtp.password',
        expected: 'no value in the file: it is a secret and must come from the environment variable ARES_SMTP__PASSWORD',
        received: '[redacted]',
        source: `file ${file}`,
      },
    ]);
    expect((error as Error).message).not.toContain('hunter2-secret');
    expect((error as Error).message).not.toContain('k3y-abcdefgh');
  });

  it('accepts secrets from the environment and redacts a bad one in the error', () => {
    const config = loadConfig({
      schema: TestSchema,
      file: writeConfig('.yaml', 'exchange:\n  id: binance\n'),
      env: { ARES_EXCHANGE__API_KEY: 'k3y-abcdefgh', ARES_SMTP__PASSWORD: 'hunter2' },
    });
    expect(config.exchange).toEqual({ id: 'binance', apiKey: 'k3y-abcdefgh' });
    expect(config.smtp.password).toBe('hunter2');

    const issues = issuesOf(() =>
      loadConfig({ schema: TestSchema, file: writeConfig('.yaml', 'exchange:\n  id: binance\n'), env: { ARES_EXCHANGE__API_KEY: 'abc123' } }),
    );
    expect(issues).toEqual([{ path: 'exchange.apiKey', expected: 'string to have >=8 characters', received: '[redacted]', source: 'env ARES_EXCHANGE__API_KEY' }]);
  });

  it.each([
    // The over-indented line continues the value of line 2, which the parser reports at its end.
    ['.yaml', 'risk:\n  maxDrawdown: 0.1\n   symbols: []\n', 'valid YAML', ':2:16'],
    ['.yaml', 'name: a\nname: b\n', 'valid YAML', ':2:1'],
    // '{"name": "a",}': the parser stops at the "}" at offset 13, line 1 column 14.
    ['.json', '{"name": "a",}', 'valid JSON', ':1:14'],
    // Missing comma: the parser stops at the quote of "risk", offset 16 of line 2, column 17.
    ['.json', '{"name": "a",\n "dryRun": true "risk": {}}', 'valid JSON', ':2:17'],
    ['.json', '{"name": ', 'valid JSON', ':1:10'],
  ])('names the file, line and column of a %s parse error', (extension, text, expected, where) => {
    const file = writeConfig(extension, text);
    const issues = issuesOf(() => loadConfig({ schema: TestSchema, file, env: {} }));
    expect(issues.map((i) => i.expected)).toEqual(issues.map(() => expected));
    expect(issues[0]?.source.startsWith(`file ${file}${where}`)).toBe(true);
  });

  it.each([
    ['.toml', 'name = "a"', 'a .yaml, .yml or .json file'],
    ['.yaml', '- a\n- b\n', 'a mapping of settings at the top level'],
  ])('refuses a %s file that cannot hold a config', (extension, text, expected) => {
    expect(issuesOf(() => loadConfig({ schema: TestSchema, file: writeConfig(extension, text), env: {} }))[0]?.expected).toBe(expected);
  });

  it('reports a missing file', () => {
    const file = path.join(dir, 'missing.yaml');
    expect(issuesOf(() => loadConfig({ schema: TestSchema, file, env: {} }))).toEqual([
      { path: '', expected: 'a readable config file', received: 'ENOENT', source: `file ${file}` },
    ]);
  });
});

describe('secrets, redaction and JSON Schema', () => {
  const AccountsSchema = z.object({
    accounts: z.array(z.object({ name: z.string(), apiKey: secret(z.string()), apiSecret: secret(z.string()).optional() })).default([]),
    smtp: z.object({ password: secret(z.string()).optional() }).prefault({}),
  });

  it('redacts every secret, inside arrays too, and leaves the loaded config untouched', () => {
    const config = loadConfig({
      schema: AccountsSchema,
      env: { ARES_ACCOUNTS: '[{"name":"main","apiKey":"AK1","apiSecret":"AS1"},{"name":"hedge","apiKey":"AK2"}]', ARES_SMTP__PASSWORD: 'pw' },
    });
    expect(redactConfig(config, AccountsSchema)).toEqual({
      accounts: [
        { name: 'main', apiKey: '[redacted]', apiSecret: '[redacted]' },
        { name: 'hedge', apiKey: '[redacted]' },
      ],
      smtp: { password: '[redacted]' },
    });
    expect(config.accounts[0]?.apiKey).toBe('AK1');
    expect(listSecretValues(config, AccountsSchema).sort()).toEqual(['AK1', 'AK2', 'AS1', 'pw']);
  });

  it('refuses a secret inside a file array, with its index', () => {
    const file = writeConfig('.yaml', 'accounts:\n  - name: main\n    apiKey: AK1\n');
    expect(issuesOf(() => loadConfig({ schema: AccountsSchema, file, env: {} }))).toEqual([
      {
        path: 'accounts.0.apiKey',
        expected: 'no value in the file: it is a secret and must come from the environment variable ARES_ACCOUNTS',
        received: '[redacted]',
        source: `file ${file}`,
      },
    ]);
  });

  it('exports a JSON Schema with every field, its constraints and defaults, and secrets marked write-only', () => {
    const json = configJsonSchema(TestSchema) as {
      $schema: string;
      properties: Record<string, { properties?: Record<string, Record<string, unknown>> }>;
    };
    expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(json.properties)).toEqual(['name', 'dryRun', 'risk', 'logging', 'exchange', 'smtp']);
    expect(json.properties.risk?.properties?.maxDrawdown).toEqual({ type: 'number', minimum: 0, maximum: 1, default: 0.25 });
    expect(json.properties.logging?.properties?.level).toMatchObject({ enum: ['debug', 'info', 'warn', 'error'], default: 'info' });
    expect(json.properties.exchange?.properties?.apiKey).toMatchObject({ type: 'string', minLength: 8, writeOnly: true });
    expect(String(json.properties.smtp?.properties?.password?.description)).toContain('Secret');
  });
});
