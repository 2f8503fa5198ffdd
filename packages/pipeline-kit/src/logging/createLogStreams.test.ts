import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { SimClock } from '../clock/SimClock.js';
import { createLogStreams, type LogStreamsOptions } from './createLogStreams.js';
import { InvalidOptionError } from './InvalidOptionError.js';
import type { LogStreams } from './LogStreams.js';
import { MetricLineSchema, TradeLineSchema } from './logLines.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function open(options: Partial<LogStreamsOptions> = {}): Promise<{ dir: string; logs: LogStreams }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ares-logs-'));
  dirs.push(dir);
  const logs = await createLogStreams({ dir, console: 'none', clock: new SimClock(1_700_000_000_000), ...options });
  return { dir, logs };
}

/** Every JSON line of every file of one stream (`main`, `errors`, ...), in rotation order. */
async function linesOf(dir: string, stream: string): Promise<Record<string, unknown>[]> {
  const names = (await readdir(dir)).filter((f) => f.startsWith(`${stream}.`)).sort((a, b) => rotationIndex(a) - rotationIndex(b));
  const texts = await Promise.all(names.map((f) => readFile(path.join(dir, f), 'utf8')));
  return texts
    .join('')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function rotationIndex(file: string): number {
  return Number(file.split('.').at(-2));
}

describe('createLogStreams', () => {
  it('writes each stream to its own file and duplicates main lines >= error into errors.log', async () => {
    const { dir, logs } = await open({ level: 'debug' });
    logs.main.debug('details');
    logs.main.info('started');
    logs.main.error({ code: 7 }, 'exchange unreachable');
    logs.main.fatal('giving up');
    logs.trade({ symbol: 'BTC/USDT', side: 'buy', quantity: 0.5, price: 42_000, reason: 'p(up)=0.71 > 0.6', orderId: 'o-1' });
    logs.metric({ name: 'engine.tick.latency', value: 0.42, unit: 'ms', tags: { symbol: 'BTC/USDT' } });
    logs.drift({ stream: 'rsi_14', detector: 'ADWIN', detected: true, score: 3.2, action: 'safe-mode' });
    await logs.close();

    const main = await linesOf(dir, 'main');
    expect(main.map((l) => [l.level, l.msg])).toEqual([
      [20, 'details'],
      [30, 'started'],
      [50, 'exchange unreachable'],
      [60, 'giving up'],
      [40, 'drift detected on rsi_14 by ADWIN: safe-mode'],
    ]);
    expect((await linesOf(dir, 'errors')).map((l) => [l.level, l.msg, l.code])).toEqual([
      [50, 'exchange unreachable', 7],
      [60, 'giving up', undefined],
    ]);
    const trades = await linesOf(dir, 'trades');
    expect(trades).toHaveLength(1);
    expect(TradeLineSchema.parse(trades[0])).toMatchObject({ kind: 'trade', symbol: 'BTC/USDT', side: 'buy', quantity: 0.5, price: 42_000, orderId: 'o-1' });
    const metrics = await linesOf(dir, 'metrics');
    expect(metrics.map((l) => MetricLineSchema.parse(l))).toEqual([{ name: 'engine.tick.latency', value: 0.42, unit: 'ms', tags: { symbol: 'BTC/USDT' } }]);
  });

  it('drops lines below the level from main.log but still takes info trades', async () => {
    const { dir, logs } = await open({ level: 'warn' });
    logs.main.info('quiet');
    logs.main.warn('loud');
    logs.trade({ symbol: 'ETH/USDT', side: 'sell', quantity: 1, price: 2_000, reason: 'take-profit' });
    await logs.close();
    expect((await linesOf(dir, 'main')).map((l) => l.msg)).toEqual(['loud']);
    expect(await linesOf(dir, 'trades')).toHaveLength(1);
  });

  it('stamps lines with the SimClock time, the name and base bindings', async () => {
    const clock = new SimClock(1_000);
    const { dir, logs } = await open({ clock, name: 'backtest', base: { env: 'test' } });
    logs.main.info('first');
    clock.advanceTo(61_000);
    logs.metric({ name: 'equity', value: 10_250.5, unit: 'USDT' });
    await logs.close();
    expect((await linesOf(dir, 'main'))[0]).toMatchObject({ time: 1_000, name: 'backtest', env: 'test', pid: process.pid });
    expect((await linesOf(dir, 'metrics'))[0]).toMatchObject({ time: 61_000, name: 'equity' });
  });

  it('gives a child the bindings on all its loggers and leaves the parent unchanged', async () => {
    const { dir, logs } = await open();
    const child = logs.child({ pipeline: 'backtest', runId: 'r-42' }).child({ symbol: 'BTC/USDT' });
    child.main.error('boom');
    child.trade({ symbol: 'BTC/USDT', side: 'sell', quantity: 2, price: 41_000, reason: 'stop-loss' });
    child.metric({ name: 'fills', value: 1 });
    logs.main.info('parent');
    await child.close();
    const context = { pipeline: 'backtest', runId: 'r-42', symbol: 'BTC/USDT' };
    for (const stream of ['main', 'errors', 'trades', 'metrics']) expect((await linesOf(dir, stream))[0]).toMatchObject(context);
    expect((await linesOf(dir, 'main'))[1]).not.toHaveProperty('runId');
  });

  it('redacts the default secret keys at any depth, extra keys and extra paths', async () => {
    const { dir, logs } = await open({ redactKeys: ['passphrase'], redactPaths: ['order.clientTag'] });
    logs.main.info({
      password: 'p0',
      exchange: { apiKey: 'k1', apiSecret: 's1', passphrase: 'pp', options: { headers: { Authorization: 'Bearer t3', cookie: ['a', 'b'] } } },
      order: { clientTag: 'mine', id: 'keep-me' },
    });
    logs.child({ credentials: { token: 't0' } }).trade({ symbol: 'BTC/USDT', side: 'buy', quantity: 1, price: 1, reason: 'r', secret: { nested: 's' } });
    await logs.close();
    expect((await linesOf(dir, 'main'))[0]).toMatchObject({
      password: '[redacted]',
      exchange: {
        apiKey: '[redacted]',
        apiSecret: '[redacted]',
        passphrase: '[redacted]',
        options: { headers: { Authorization: '[redacted]', cookie: '[redacted]' } },
      },
      order: { clientTag: '[redacted]', id: 'keep-me' },
    });
    expect((await linesOf(dir, 'trades'))[0]).toMatchObject({ credentials: { token: '[redacted]' }, secret: '[redacted]', symbol: 'BTC/USDT' });
  });

  it('never writes a secret value to any file, in messages, errors, nested objects or strings', async () => {
    const secret = 'sk_live_"9f8e\\7d';
    const { dir, logs } = await open({ secrets: [secret, ''] });
    logs.main.error(new Error(`auth failed with key ${secret}`), 'login failed');
    logs.main.warn({ request: { query: { q: `x${secret}y` } }, note: secret }, `retrying with ${secret}`);
    logs.child({ credential: secret }).trade({ symbol: 'BTC/USDT', side: 'buy', quantity: 1, price: 1, reason: secret });
    logs.metric({ name: 'probe', value: 1, tags: { key: secret } });
    await logs.close();

    const files = await readdir(dir);
    expect(files).toHaveLength(4);
    const everything = (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('');
    expect(everything).not.toContain('sk_live');
    expect(everything).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(everything).toContain('auth failed with key [redacted]');
    expect((await linesOf(dir, 'main'))[1]).toMatchObject({ note: '[redacted]', request: { query: { q: 'x[redacted]y' } } });
  });

  it('rotates a file that reaches maxSize into a second numbered file', async () => {
    const { dir, logs } = await open({ maxSize: '1k' });
    // Two ~600-byte lines cross 1 KiB once: pino-roll switches files after the second.
    for (let i = 0; i < 2; i++) logs.main.info({ i, padding: 'x'.repeat(500) }, 'filler');
    await logs.flush();
    logs.main.info('after rotation');
    await logs.close();
    const mainFiles = (await readdir(dir)).filter((f) => f.startsWith('main.')).sort((a, b) => rotationIndex(a) - rotationIndex(b));
    expect(mainFiles).toHaveLength(2);
    expect(mainFiles[0]).toMatch(/^main\.\d{4}-\d{2}-\d{2}\.1\.log$/);
    const second = await readFile(path.join(dir, mainFiles[1] ?? ''), 'utf8');
    expect(JSON.parse(second.trim())).toMatchObject({ msg: 'after rotation' });
    expect((await linesOf(dir, 'main')).map((l) => l.i)).toEqual([0, 1, undefined]);
  });

  it('drops lines logged after close instead of throwing, and close is idempotent', async () => {
    const { dir, logs } = await open();
    logs.main.info('kept');
    await Promise.all([logs.close(), logs.close()]);
    expect(() => logs.main.info('late')).not.toThrow();
    expect((await linesOf(dir, 'main')).map((l) => l.msg)).toEqual(['kept']);
  });

  it('rejects invalid options, naming every bad one', async () => {
    const bad = { dir: '', level: 'loud', maxFiles: 0 } as unknown as LogStreamsOptions;
    const error = await createLogStreams(bad).catch((e: unknown) => e);
    expect(InvalidOptionError.isInstance(error)).toBe(true);
    expect(InvalidOptionError.isInstance(error) && error.options).toEqual(['dir', 'level', 'maxFiles']);
    expect((error as Error).message).toContain('Invalid "maxFiles" in createLogStreams options: Too small: expected number to be >=1, received "0".');
  });
});
