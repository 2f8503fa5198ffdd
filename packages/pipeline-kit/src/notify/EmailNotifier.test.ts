import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { SimClock } from '../clock/SimClock.js';
import { createLogStreams } from '../logging/createLogStreams.js';
import { InvalidOptionError } from '../logging/InvalidOptionError.js';
import { closedPort, startSilentServer, startSmtpServer } from './__fixtures__/smtpTestServer.js';
import type { EmailConfig } from './EmailConfigSchema.js';
import { EmailNotifier } from './EmailNotifier.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function config(port: number, extra: Partial<EmailConfig> = {}): EmailConfig {
  return { host: '127.0.0.1', port, secure: false, ignoreTLS: true, from: 'ares@example.test', to: ['ops@example.test'], ...extra };
}

function notifierFor(port: number, extra: Partial<EmailConfig> = {}, clock = new SimClock(Date.UTC(2026, 0, 2, 3, 4, 5))) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ base: undefined, timestamp: false }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  const notifier = new EmailNotifier(config(port, extra), { clock, logger });
  cleanups.push(() => notifier.close());
  return { notifier, lines, clock };
}

async function smtp() {
  const server = await startSmtpServer();
  cleanups.push(server.stop);
  return server;
}

describe('EmailNotifier against a real SMTP server', () => {
  it('delivers a failure mail with the subject, a text and an HTML body', async () => {
    const server = await smtp();
    const { notifier } = notifierFor(server.port);
    notifier.notify({ type: 'pipeline-failed', pipeline: 'backtest', runId: 'r-7', stage: 'execute', error: 'exchange unreachable', durationMs: 1_500 });
    await notifier.flush();

    expect(notifier.stats).toEqual({ sent: 1, failed: 0, retried: 0, suppressed: 0, dropped: 0 });
    const [mail] = server.mails;
    expect(mail?.from).toBe('ares@example.test');
    expect(mail?.to).toEqual(['ops@example.test']);
    expect(mail?.header('subject')).toBe('[Ares] backtest failed at execute: exchange unreachable');
    const text = mail?.parts.find((p) => p.contentType === 'text/plain')?.body;
    expect(text).toBe(
      ['Pipeline: backtest', 'Run: r-7', 'Stage: execute', 'Error: exchange unreachable', 'Duration: 1.5 s', 'Time: 2026-01-02T03:04:05.000Z'].join('\n'),
    );
    const html = mail?.parts.find((p) => p.contentType === 'text/html')?.body;
    expect(html).toContain('<h2>[Ares] backtest failed at execute: exchange unreachable</h2>');
    expect(html).toContain('<tr><th align="left">Stage</th><td>execute</td></tr>');
  });

  it('attaches files to a summary and lists its metrics in order', async () => {
    const server = await smtp();
    const { notifier } = notifierFor(server.port);
    notifier.notify({
      type: 'summary',
      title: 'backtest BTC/USDT 2024',
      metrics: { 'Total return': '12.4%', Sharpe: 1.31, Trades: 84 },
      attachments: [{ filename: 'summary.csv', content: 'metric,value\nsharpe,1.31\n' }],
    });
    await notifier.flush();

    const mail = server.mails[0];
    expect(mail?.header('subject')).toBe('[Ares] backtest BTC/USDT 2024');
    expect(mail?.parts.find((p) => p.contentType === 'text/plain')?.body).toBe(
      'Total return: 12.4%\nSharpe: 1.31\nTrades: 84\nTime: 2026-01-02T03:04:05.000Z',
    );
    const attachment = mail?.parts.find((p) => p.filename === 'summary.csv');
    expect(attachment?.body).toBe('metric,value\nsharpe,1.31\n');
  });

  it('throttles per type and key on the clock, then reports the suppressed count in the next mail', async () => {
    const server = await smtp();
    const { notifier, clock } = notifierFor(server.port, { throttleMs: { trade: 60_000 } });
    const trade = { type: 'trade', side: 'buy', quantity: 1, price: 100, reason: 'signal' } as const;
    const start = clock.now();
    notifier.notify({ ...trade, symbol: 'BTC/USDT' });
    clock.advanceTo(start + 10_000);
    notifier.notify({ ...trade, symbol: 'BTC/USDT', price: 101 });
    notifier.notify({ ...trade, symbol: 'ETH/USDT' });
    clock.advanceTo(start + 59_999);
    notifier.notify({ ...trade, symbol: 'BTC/USDT', price: 102 });
    clock.advanceTo(start + 60_000);
    notifier.notify({ ...trade, symbol: 'BTC/USDT', price: 103 });
    await notifier.flush();

    expect(server.mails.map((m) => m.header('subject'))).toEqual([
      '[Ares] trade buy 1 BTC/USDT @ 100',
      '[Ares] trade buy 1 ETH/USDT @ 100',
      '[Ares] trade buy 1 BTC/USDT @ 103',
    ]);
    expect(server.mails[2]?.parts[0]?.body).toContain('2 similar notifications were suppressed (trade:BTC/USDT).');
    expect(notifier.stats).toMatchObject({ sent: 3, suppressed: 2 });
  });

  it('dedupes identical subjects within the window and lists pending suppressions in a summary', async () => {
    const server = await smtp();
    const { notifier, clock } = notifierFor(server.port, { dedupeMs: 600_000 });
    const failed = { type: 'pipeline-failed', pipeline: 'live', stage: 'execute', error: 'socket hang up' } as const;
    const start = clock.now();
    notifier.notify(failed);
    clock.advanceTo(start + 300_000);
    notifier.notify(failed);
    clock.advanceTo(start + 400_000);
    notifier.notify({ type: 'summary', title: 'daily', metrics: { pnl: 3 } });
    clock.advanceTo(start + 600_000);
    notifier.notify(failed);
    await notifier.flush();

    expect(server.mails.map((m) => m.header('subject'))).toEqual([
      '[Ares] live failed at execute: socket hang up',
      '[Ares] daily',
      '[Ares] live failed at execute: socket hang up',
    ]);
    expect(server.mails[1]?.parts[0]?.body).toBe('pnl: 3\nTime: 2026-01-02T03:10:45.000Z\n\n1 similar notification was suppressed (pipeline-failed:live).');
    expect(server.mails[2]?.parts[0]?.body).not.toContain('suppressed');
    expect(notifier.stats.suppressed).toBe(1);
  });

  it('mails only the configured event types', async () => {
    const server = await smtp();
    const { notifier } = notifierFor(server.port, { events: ['pipeline-failed', 'safe-mode'] });
    notifier.notify({ type: 'pipeline-started', pipeline: 'live' });
    notifier.notify({ type: 'safe-mode', state: 'entered', reason: 'ADWIN drift on rsi_14', symbol: 'BTC/USDT' });
    await notifier.flush();
    expect(server.mails.map((m) => m.header('subject'))).toEqual(['[Ares] safe mode entered on BTC/USDT: ADWIN drift on rsi_14']);
  });

  it('gives up on a permanent 5xx rejection without retrying, and logs it', async () => {
    const server = await startSmtpServer({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      },
    });
    cleanups.push(server.stop);
    const { notifier, lines } = notifierFor(server.port, { maxRetries: 3, retryDelayMs: 1 });
    notifier.notify({ type: 'error', message: 'feed stalled', source: 'connector' });
    await notifier.flush();
    expect(notifier.stats).toMatchObject({ sent: 0, failed: 1, retried: 0 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, subject: '[Ares] error in connector: feed stalled' });
    expect(String(lines[0]?.msg)).toContain('mailbox unavailable');
  });
});

describe('EmailNotifier when delivery fails', () => {
  it('survives a server that is down: notify returns, flush resolves, retries and the failure are logged and counted', async () => {
    const { notifier, lines } = notifierFor(await closedPort(), { maxRetries: 2, retryDelayMs: 1 });
    expect(() => notifier.notify({ type: 'pipeline-started', pipeline: 'backtest' })).not.toThrow();
    await expect(notifier.flush()).resolves.toBeUndefined();
    expect(notifier.stats).toMatchObject({ sent: 0, failed: 1, retried: 2 });
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, 'notification email failed, retrying'],
      [40, 'notification email failed, retrying'],
      [50, expect.stringContaining('ECONNREFUSED')],
    ]);
  });

  it('times out on a server that accepts the connection but never greets', async () => {
    const silent = await startSilentServer();
    cleanups.push(silent.stop);
    const { notifier, lines } = notifierFor(silent.port, { greetingTimeoutMs: 200, maxRetries: 0 });
    notifier.notify({ type: 'pipeline-started', pipeline: 'live' });
    await notifier.flush();
    expect(notifier.stats).toMatchObject({ sent: 0, failed: 1 });
    expect(lines.at(-1)).toMatchObject({ level: 50, err: { code: 'ETIMEDOUT' } });
    expect(String(lines.at(-1)?.msg)).toContain('Greeting never received');
  });

  it('returns from flush(timeoutMs) while a send still hangs', async () => {
    const silent = await startSilentServer();
    const { notifier } = notifierFor(silent.port, { greetingTimeoutMs: 20_000, maxRetries: 0 });
    notifier.notify({ type: 'pipeline-started', pipeline: 'live' });
    await notifier.flush(50);
    expect(notifier.stats).toMatchObject({ sent: 0, failed: 0 });
    await silent.stop();
    await notifier.flush();
    expect(notifier.stats.failed).toBe(1);
  });

  it('drops mails beyond the queue bound and counts them', async () => {
    const silent = await startSilentServer();
    const { notifier, lines } = notifierFor(silent.port, { maxQueue: 1, maxRetries: 0 });
    for (const pipeline of ['a', 'b', 'c']) notifier.notify({ type: 'pipeline-started', pipeline });
    expect(notifier.stats.dropped).toBe(2);
    expect(lines.map((l) => l.msg)).toEqual(['notification queue full: mail dropped', 'notification queue full: mail dropped']);
    await silent.stop();
    await notifier.flush();
  });

  it('ignores events after close, and close is idempotent', async () => {
    const server = await smtp();
    const { notifier } = notifierFor(server.port);
    await Promise.all([notifier.close(), notifier.close()]);
    notifier.notify({ type: 'pipeline-started', pipeline: 'late' });
    await notifier.flush();
    expect(server.mails).toHaveLength(0);
  });

  it('rejects an invalid config, naming every bad field', () => {
    const bad = { host: '', port: 70_000, from: 'a@b', to: [], events: ['pipeline-exploded'] } as unknown as EmailConfig;
    let error: unknown;
    try {
      new EmailNotifier(bad);
    } catch (e) {
      error = e;
    }
    expect(InvalidOptionError.isInstance(error) && error.options).toEqual(['host', 'port', 'to', 'events.0']);
  });
});

describe('EmailNotifier with LogStreams', () => {
  it('logs a delivery failure to errors.log without the SMTP password', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ares-notify-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const password = 'smtp-pa55-word';
    const logs = await createLogStreams({ dir, console: 'none', secrets: [password] });
    const notifier = new EmailNotifier(config(await closedPort(), { user: 'ares', password, maxRetries: 0 }), { logger: logs.main });
    notifier.notify({ type: 'pipeline-succeeded', pipeline: 'backtest', durationMs: 10 });
    await notifier.close();
    await logs.close();
    const files = await readdir(dir);
    const errors = await readFile(path.join(dir, files.find((f) => f.startsWith('errors.')) ?? ''), 'utf8');
    expect(errors).toContain('notification email not sent');
    expect(errors).toContain('[Ares] backtest succeeded');
    const everything = (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('');
    expect(everything).not.toContain(password);
  });
});
