import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../config/loadConfig.js';
import { PipelineConfigSchema } from '../config/PipelineConfigSchema.js';
import { listSecretValues, redactConfig } from '../config/redactConfig.js';
import { createLogStreams } from '../logging/createLogStreams.js';
import { closedPort, startSmtpServer } from '../notify/__fixtures__/smtpTestServer.js';
import { EmailNotifier } from '../notify/EmailNotifier.js';
import { Pipeline } from './Pipeline.js';

// The pieces together, as an app wires them: config from a file + environment, log streams that know
// the config's secrets, an email notifier, and a pipeline that logs and fails inside execute.
const SECRET = 'hunter2-smtp-S3cret';
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ares-integration-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

class LeakyPipeline extends Pipeline<number> {
  constructor(
    options: ConstructorParameters<typeof Pipeline>[0],
    private readonly config: unknown,
    private readonly fail: boolean,
  ) {
    super(options);
  }
  protected async initialize(): Promise<void> {
    this.logger.info({ config: this.config }, 'loaded config');
  }
  protected async execute(): Promise<number> {
    // A careless line that puts the secret into a message and a nested field.
    this.logger.warn({ smtp: { pass: SECRET, note: `pass=${SECRET}` } }, `connecting with ${SECRET}`);
    if (this.fail) throw new Error(`auth failed for password ${SECRET}`);
    return 42;
  }
  protected async cleanup(): Promise<void> {}
}

async function wire(smtpPort: number, fail: boolean) {
  const file = path.join(dir, 'pipeline.yaml');
  fs.writeFileSync(
    file,
    ['name: integration', 'email:', '  host: 127.0.0.1', `  port: ${smtpPort}`, '  from: ares@test.local', '  to: [ops@test.local]', '  user: ares', '  ignoreTLS: true', '  connectionTimeoutMs: 500', '  maxRetries: 1', '  retryDelayMs: 10'].join('\n'),
  );
  const config = loadConfig({ schema: PipelineConfigSchema, file, env: { ARES_EMAIL__PASSWORD: SECRET, ARES_LOGGING__CONSOLE: 'none' } });
  const logDir = path.join(dir, 'logs');
  const logs = await createLogStreams({ dir: logDir, name: 'integration', console: 'none', secrets: listSecretValues(config, PipelineConfigSchema) });
  const email = config.email;
  if (email === undefined) throw new Error('email config missing');
  const notifier = new EmailNotifier(email, { logger: logs.main, secrets: listSecretValues(config, PipelineConfigSchema) });
  const pipeline = new LeakyPipeline(
    { name: config.name, logger: logs.main, notifier, handleSignals: false, notificationFlushMs: 5_000 },
    redactConfig(config, PipelineConfigSchema),
    fail,
  );
  return { config, logs, logDir, notifier, pipeline };
}

function readLogDir(logDir: string): string {
  return fs
    .readdirSync(logDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

describe('pipeline + config + logs + email', () => {
  it('a secret from the environment never reaches any log file, and a dead SMTP server does not fail the run', async () => {
    const { config, logs, logDir, notifier, pipeline } = await wire(await closedPort(), false);
    expect(config.email?.password).toBe(SECRET);
    const result = await pipeline.run();
    await notifier.close();
    await logs.close();

    expect(result).toMatchObject({ ok: true, value: 42 });
    expect(notifier.stats.failed).toBeGreaterThan(0);
    const everything = readLogDir(logDir);
    expect(everything).toContain('loaded config');
    expect(everything).toContain('connecting with [redacted]');
    expect(everything).not.toContain(SECRET);
    const errors = fs.readFileSync(path.join(logDir, fs.readdirSync(logDir).find((f) => f.startsWith('errors')) ?? 'missing'), 'utf8');
    expect(errors).toMatch(/ECONNREFUSED|connect/i);
  });

  it('mails the start and the failure, with the stage and message, to a real SMTP server', async () => {
    // The server checks the credentials, so the password from the environment must reach SMTP intact.
    const logins: string[] = [];
    const smtp = await startSmtpServer({
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        logins.push(auth.username ?? '');
        if (auth.username === 'ares' && auth.password === SECRET) callback(null, { user: 'ares' });
        else callback(new Error('Invalid username or password'));
      },
    });
    try {
      const { logs, notifier, pipeline } = await wire(smtp.port, true);
      const result = await pipeline.run();
      await notifier.close();
      await logs.close();
      expect(result).toMatchObject({ ok: false, status: 'failed', failedStage: 'execute' });
      expect(logins).toContain('ares');
      const subjects = smtp.mails.map((m) => m.header('subject'));
      expect(subjects).toHaveLength(2);
      expect(subjects[0]).toContain('integration started');
      expect(subjects[1]).toContain('integration failed at execute');
      expect(smtp.mails.every((m) => m.to.includes('ops@test.local'))).toBe(true);
      const mailed = smtp.mails.map((m) => m.raw).join('\n');
      expect(mailed).toContain('auth failed for password [redacted]');
      expect(mailed).not.toContain(SECRET);
    } finally {
      await smtp.stop();
    }
  });
});
