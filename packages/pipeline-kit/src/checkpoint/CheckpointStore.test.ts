import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { fixture } from '../../test/fixture.js';
import { SimClock } from '../clock/SimClock.js';
import { CheckpointError } from './CheckpointError.js';
import { CheckpointStore } from './CheckpointStore.js';

const StateSchema = z.object({ equity: z.number(), positions: z.array(z.string()) });
type State = z.infer<typeof StateSchema>;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ares-ckpt-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function store(options: Partial<ConstructorParameters<typeof CheckpointStore<State>>[0]> = {}): CheckpointStore<State> {
  return new CheckpointStore<State>({ dir, kind: 'engine-state', schemaVersion: 1, clock: new SimClock(1_700_000_000_000), validate: StateSchema, ...options });
}

async function refusal(run: Promise<unknown>): Promise<CheckpointError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!CheckpointError.isInstance(error)) throw new Error(`expected a CheckpointError, received ${String(error)}`);
  return error;
}

describe('CheckpointStore', () => {
  it('round-trips a payload and writes the documented format (header line, then payload with its sha256 and length)', async () => {
    const s = store();
    const state = { equity: 10_250.5, positions: ['BTC/USDT', 'ETH/USDT'] };
    const info = await s.save(state, { label: 'after bar 42' });
    expect(info).toEqual({
      id: 'engine-state-0000000001',
      seq: 1,
      path: path.join(dir, 'engine-state-0000000001.ckpt'),
      createdAt: 1_700_000_000_000,
      label: 'after bar 42',
      schemaVersion: 1,
      payloadBytes: Buffer.byteLength(JSON.stringify(state)),
    });
    const text = readFileSync(info.path, 'utf8');
    const [headerLine, payloadText] = [text.slice(0, text.indexOf('\n')), text.slice(text.indexOf('\n') + 1)];
    expect(JSON.parse(headerLine)).toEqual({
      format: 'ares-checkpoint',
      formatVersion: 1,
      kind: 'engine-state',
      schemaVersion: 1,
      seq: 1,
      createdAt: 1_700_000_000_000,
      label: 'after bar 42',
      payloadBytes: Buffer.byteLength(payloadText),
      sha256: createHash('sha256').update(payloadText).digest('hex'),
    });
    expect(JSON.parse(payloadText)).toEqual(state);
    await expect(s.load(info.id)).resolves.toEqual({ ...info, payload: state });
    await expect(s.latest()).resolves.toEqual({ ...info, payload: state });
  });

  it('numbers saves 1, 2, 3 even when started together, lists them oldest first and returns the newest as latest', async () => {
    const s = store();
    const saved = await Promise.all([0, 1, 2].map((i) => s.save({ equity: i, positions: [] })));
    expect(saved.map((c) => c.seq)).toEqual([1, 2, 3]);
    expect((await s.list()).map((c) => [c.seq, c.id])).toEqual([
      [1, 'engine-state-0000000001'],
      [2, 'engine-state-0000000002'],
      [3, 'engine-state-0000000003'],
    ]);
    expect((await s.latest())?.payload).toEqual({ equity: 2, positions: [] });
    // A new store on the same folder continues the sequence.
    expect((await store().save({ equity: 9, positions: [] })).seq).toBe(4);
  });

  it('returns undefined from latest() and [] from list() when there is nothing yet (even no folder)', async () => {
    const s = store({ dir: path.join(dir, 'not-created') });
    await expect(s.latest()).resolves.toBeUndefined();
    await expect(s.list()).resolves.toEqual([]);
  });

  it('refuses a flipped payload byte as corrupt, naming the file and the checksum mismatch', async () => {
    const s = store();
    const info = await s.save({ equity: 100, positions: ['BTC/USDT'] });
    const bytes = readFileSync(info.path);
    const at = bytes.indexOf('100');
    bytes[at] = '7'.charCodeAt(0); // 100 -> 700: still valid JSON, still the same length
    writeFileSync(info.path, bytes);
    const error = await refusal(s.load(info.id));
    expect(error.reason).toBe('corrupt');
    expect(error.path).toBe(info.path);
    expect(error.message).toMatch(/^Checkpoint ".*engine-state-0000000001\.ckpt" refused \(corrupt\): sha256 mismatch: the header says [0-9a-f]{64}, the payload hashes to [0-9a-f]{64}\.$/);
    // latest() throws too instead of falling back to nothing.
    expect((await refusal(s.latest())).reason).toBe('corrupt');
  });

  it('refuses the newest checkpoint when it is corrupt, even though an older one is fine', async () => {
    const s = store();
    await s.save({ equity: 1, positions: [] });
    const newest = await s.save({ equity: 2, positions: [] });
    writeFileSync(newest.path, readFileSync(newest.path, 'utf8').replace('"equity":2', '"equity":3'));
    expect((await refusal(s.latest())).path).toBe(newest.path);
  });

  it.each([
    ['inside the payload', (text: string) => text.slice(0, -5), 'truncated', /the payload has \d+ of the \d+ bytes the header announces/],
    ['right after the header', (text: string) => text.slice(0, text.indexOf('\n') + 1), 'truncated', /the payload has 0 of the \d+ bytes/],
    ['before the newline', (text: string) => text.slice(0, text.indexOf('\n')), 'truncated', /the file ends after the header/],
    ['inside the header', (text: string) => text.slice(0, 40), 'truncated', /the file ends inside the header line/],
    ['to nothing', () => '', 'truncated', /the file is empty/],
    ['with bytes appended', (text: string) => `${text} `, 'corrupt', /the payload has \d+ bytes but the header announces \d+/],
    ['with a broken header', (text: string) => text.replace('"seq":1', '"seq":"one"'), 'corrupt', /the header is malformed: seq: /],
  ])('refuses a file cut %s', async (_name, cut, reason, detail) => {
    const s = store();
    const info = await s.save({ equity: 5, positions: ['x'] });
    writeFileSync(info.path, cut(readFileSync(info.path, 'utf8')));
    const error = await refusal(s.load(info.id));
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(detail);
    expect(error.message).toContain(info.path);
  });

  it.each([
    ['random JSON', '{"equity": 5, "positions": []}\n'],
    ['text', 'hello world\nsecond line\n'],
    ['JSON with another format', '{"format":"something-else","seq":1}\n{}'],
  ])('refuses a foreign file (%s) under a checkpoint name', async (_name, content) => {
    writeFileSync(path.join(dir, 'engine-state-0000000001.ckpt'), content);
    const error = await refusal(store().load('engine-state-0000000001'));
    expect(error.reason).toBe('foreign');
    expect(error.message).toContain('it is not an Ares checkpoint');
  });

  it('refuses a checkpoint of another kind as foreign', async () => {
    const other = await store({ kind: 'model-state' }).save({ equity: 1, positions: [] });
    // Put the other kind's file under this kind's name.
    const target = path.join(dir, 'engine-state-0000000001.ckpt');
    writeFileSync(target, readFileSync(other.path));
    const error = await refusal(store().load('engine-state-0000000001'));
    expect(error.reason).toBe('foreign');
    expect(error.message).toContain('it holds kind "model-state", this store reads kind "engine-state"');
  });

  it('refuses a newer schema version and a newer file format', async () => {
    const info = await store({ schemaVersion: 3 }).save({ equity: 1, positions: [] });
    const error = await refusal(store({ schemaVersion: 2 }).load(info.id));
    expect(error.reason).toBe('newer-version');
    expect(error.message).toContain("it has schema version 3, newer than this store's 2");

    writeFileSync(info.path, readFileSync(info.path, 'utf8').replace('"formatVersion":1', '"formatVersion":2'));
    const format = await refusal(store({ schemaVersion: 3 }).load(info.id));
    expect(format.reason).toBe('newer-version');
    expect(format.message).toContain('file format version 2');
  });

  it('migrates an older payload step by step, and refuses it when a step is missing', async () => {
    const v1 = new CheckpointStore({ dir, kind: 'engine-state', schemaVersion: 1 });
    const info = await v1.save({ cash: 100 });
    const migrations = {
      1: (p: unknown) => ({ equity: (p as { cash: number }).cash }),
      2: (p: unknown) => ({ ...(p as object), positions: ['migrated'] }),
    };
    const loaded = await store({ schemaVersion: 3, migrations }).load(info.id);
    expect(loaded.payload).toEqual({ equity: 100, positions: ['migrated'] });
    expect(loaded.schemaVersion).toBe(1);

    const error = await refusal(store({ schemaVersion: 3, migrations: { 1: migrations[1] } }).load(info.id));
    expect(error.reason).toBe('older-version');
    expect(error.message).toContain('no migration from version 2 to 3');
  });

  it('refuses a payload that fails the schema, on load and on save', async () => {
    const loose = new CheckpointStore({ dir, kind: 'engine-state', schemaVersion: 1 });
    const info = await loose.save({ equity: 'lots', positions: [] });
    const error = await refusal(store().load(info.id));
    expect(error.reason).toBe('invalid');
    expect(error.message).toContain('equity: Invalid input: expected number, received string');

    const bad = { equity: 1, positions: 'BTC' } as unknown as State;
    expect((await refusal(store().save(bad))).reason).toBe('invalid');
  });

  it('reports a missing id as not-found', async () => {
    const s = store();
    expect((await refusal(s.load('engine-state-0000000007'))).reason).toBe('not-found');
    expect((await refusal(s.load('../etc/passwd'))).reason).toBe('not-found');
  });

  it('prunes all but the newest checkpoints and removes leftover temp files', async () => {
    const s = store();
    for (let i = 1; i <= 5; i++) await s.save({ equity: i, positions: [] });
    writeFileSync(path.join(dir, '.engine-state-0000000006.ckpt.4242.tmp'), '{"format":"ares-che');
    writeFileSync(path.join(dir, 'unrelated.txt'), 'keep me');
    const removed = await s.prune({ keep: 2 });
    expect(removed.map((p) => path.basename(p)).sort()).toEqual([
      '.engine-state-0000000006.ckpt.4242.tmp',
      'engine-state-0000000001.ckpt',
      'engine-state-0000000002.ckpt',
      'engine-state-0000000003.ckpt',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['engine-state-0000000004.ckpt', 'engine-state-0000000005.ckpt', 'unrelated.txt']);
    expect((await s.latest())?.payload.equity).toBe(5);
    await expect(s.prune({ keep: 0 })).rejects.toThrow('Invalid "keep": expected an integer >= 1, received "0".');
  });

  it.each([
    [{ kind: '../x' }, 'Invalid "kind": expected letters, digits'],
    [{ schemaVersion: 0 }, 'Invalid "schemaVersion": expected an integer >= 1, received "0".'],
    [{ dir: '' }, 'Invalid "dir": expected a non-empty path, received "".'],
  ])('rejects the options %p', (options, message) => {
    expect(() => store(options)).toThrow(message);
  });

  it('survives a SIGKILL mid-save: the newest complete checkpoint loads, temp files are ignored and pruned', async () => {
    const size = 400_000; // about 1 MB of JSON per save, so the kill usually lands inside a write or fsync
    let leftTemp = false;
    for (let run = 0; run < 5 && !leftTemp; run++) {
      const child = spawn(process.execPath, [fixture('checkpoint-writer.mjs'), dir, String(size)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      let saved = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        saved += chunk.toString().split('\n').filter((line) => line.startsWith('saved')).length;
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      // After at least two saves in this run, kill as soon as a temp file is on disk (a save in flight).
      for (let polls = 0; polls < 20_000; polls++) {
        if (child.exitCode !== null) throw new Error(`writer exited early: ${stderr}`);
        if (saved >= 2 && readdirSync(dir).some((name) => name.endsWith('.tmp'))) break;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      leftTemp = readdirSync(dir).some((name) => name.endsWith('.tmp'));
    }
    expect(leftTemp).toBe(true);

    const s = new CheckpointStore<{ n: number; values: number[] }>({
      dir,
      kind: 'crash',
      schemaVersion: 1,
      validate: z.object({ n: z.number().int(), values: z.array(z.number()) }),
    });
    const infos = await s.list();
    const latest = await s.latest();
    expect(latest?.seq).toBe(infos.at(-1)?.seq);
    expect(latest?.payload.values).toHaveLength(size);
    expect(latest?.payload.values.every((v) => v === latest.payload.n)).toBe(true);
    const removed = await s.prune({ keep: 1 });
    expect(removed.filter((p) => p.endsWith('.tmp')).length).toBeGreaterThanOrEqual(1);
    expect(readdirSync(dir)).toEqual([path.basename(latest?.path ?? '')]);
  });
});
