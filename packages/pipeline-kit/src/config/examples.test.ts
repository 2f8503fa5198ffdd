import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError } from './ConfigError.js';
import { configJsonSchema } from './configJsonSchema.js';
import { loadConfig } from './loadConfig.js';
import { PipelineConfigSchema } from './PipelineConfigSchema.js';
import { listSecretValues, redactConfig } from './redactConfig.js';

const example = path.resolve(__dirname, '../../../../config/examples/pipeline.example.yaml');

describe('config/examples/pipeline.example.yaml', () => {
  it('loads with PipelineConfigSchema, the password from the environment', () => {
    const config = loadConfig({ schema: PipelineConfigSchema, file: example, env: { ARES_EMAIL__PASSWORD: 'smtp-pw', ARES_LOGGING__LEVEL: 'debug' } });
    expect(config).toMatchObject({
      name: 'backtest-btc',
      pidFile: 'run/backtest-btc.pid',
      graceMs: 15_000,
      checkpoints: { dir: 'state/checkpoints', keep: 3 },
      logging: { dir: 'logs/backtest-btc', level: 'debug', console: 'auto', maxSize: '10m', maxFiles: 14 },
      email: {
        host: 'smtp.example.com',
        port: 587,
        to: ['ops@example.com'],
        user: 'ares',
        password: 'smtp-pw',
        events: ['pipeline-failed', 'safe-mode', 'error', 'summary'],
        throttleMs: { error: 600_000 },
        // Not in the file: the schema default.
        connectionTimeoutMs: 10_000,
      },
    });
    expect(redactConfig(config, PipelineConfigSchema).email?.password).toBe('[redacted]');
    expect(listSecretValues(config, PipelineConfigSchema)).toEqual(['smtp-pw']);
  });

  it('refuses the example with the SMTP password written into it, naming ARES_EMAIL__PASSWORD', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ares-example-'));
    try {
      const file = path.join(dir, 'with-password.yaml');
      writeFileSync(file, readFileSync(example, 'utf8').replace('  user: ares\n', '  user: ares\n  password: in-the-file\n'));
      let error: unknown;
      try {
        loadConfig({ schema: PipelineConfigSchema, file, env: {} });
      } catch (e) {
        error = e;
      }
      expect(ConfigError.isInstance(error) && error.issues.map((i) => [i.path, i.expected])).toEqual([
        ['email.password', 'no value in the file: it is a secret and must come from the environment variable ARES_EMAIL__PASSWORD'],
      ]);
      expect((error as Error).message).not.toContain('in-the-file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('documents every setting with a comment on the line above', () => {
    const lines = readFileSync(example, 'utf8').split('\n');
    const undocumented = lines.flatMap((line, i) => {
      if (!/^\s*[A-Za-z][A-Za-z0-9]*:/.test(line)) return [];
      const above = lines[i - 1]?.trim() ?? '';
      return above.startsWith('#') ? [] : [`line ${i + 1}: ${line.trim()}`];
    });
    expect(undocumented).toEqual([]);
  });

  it('exports a JSON Schema for editors with the secret marked write-only', () => {
    const json = configJsonSchema(PipelineConfigSchema) as { required: string[]; properties: Record<string, { properties?: Record<string, { writeOnly?: boolean }> }> };
    expect(json.required).toEqual(['name']);
    expect(Object.keys(json.properties)).toEqual(['name', 'pidFile', 'graceMs', 'checkpoints', 'logging', 'email']);
    expect(json.properties.email?.properties?.password?.writeOnly).toBe(true);
  });
});
