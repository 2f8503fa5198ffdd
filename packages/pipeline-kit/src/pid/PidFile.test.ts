import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { fixture } from '../../test/fixture.js';
import { SimClock } from '../clock/SimClock.js';
import { acquirePidFile } from './PidFile.js';
import { PidFileLockedError } from './PidFileLockedError.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ares-pid-'));
  file = path.join(dir, 'ares.pid');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the fixture that takes the PID file, resolves once it says so. */
function startHolder(mode: 'hold' | 'exit'): Promise<ChildProcess> {
  const child = spawn(process.execPath, [fixture('pid-holder.mjs'), file, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('acquired')) resolve(child);
    });
    child.on('exit', (code) => {
      if (mode === 'hold') reject(new Error(`holder exited with ${code}: ${stderr}`));
    });
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

describe('acquirePidFile', () => {
  it('writes {pid, startedAt, hostname} and removes the file on release', () => {
    const lock = acquirePidFile(file, { clock: new SimClock(1_700_000_000_000) });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ pid: process.pid, startedAt: 1_700_000_000_000, hostname: hostname() });
    expect(lock).toMatchObject({ path: file, pid: process.pid, startedAt: 1_700_000_000_000 });
    lock.release();
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a second acquire while the first holds, naming the pid, start time and path', () => {
    const first = acquirePidFile(file, { clock: new SimClock(Date.UTC(2026, 0, 2, 3, 4, 5)) });
    let error: unknown;
    try {
      acquirePidFile(file);
    } catch (e) {
      error = e;
    }
    expect(PidFileLockedError.isInstance(error)).toBe(true);
    expect((error as PidFileLockedError).pid).toBe(process.pid);
    expect((error as Error).message).toBe(
      `PID file "${file}" is held by running process ${process.pid} since 2026-01-02T03:04:05.000Z: another instance is running. Stop it first, or use another PID file path.`,
    );
    expect(existsSync(file)).toBe(true);
    first.release();
    acquirePidFile(file).release();
  });

  it('refuses while a real child process holds the lock', async () => {
    const child = await startHolder('hold');
    try {
      expect(() => acquirePidFile(file)).toThrow(`is held by running process ${child.pid} since`);
    } finally {
      child.kill('SIGKILL');
      await exitOf(child);
    }
  });

  it('lets a forced process.exit() in the holder remove the file through its exit listener', async () => {
    const child = await startHolder('exit');
    expect(await exitOf(child)).toEqual({ code: 3, signal: null });
    expect(existsSync(file)).toBe(false);
  });

  it('takes over a stale file from a dead process with a warning', () => {
    const dead = spawnSync(process.execPath, ['-e', '']);
    expect(dead.status).toBe(0);
    writeFileSync(file, JSON.stringify({ pid: dead.pid, startedAt: 1, hostname: hostname() }));
    const warnings: string[] = [];
    const lock = acquirePidFile(file, { onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([`Taking over stale PID file "${file}": process ${dead.pid} that wrote it is no longer running.`]);
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it.each([
    ['empty', '', 'not JSON: ""'],
    ['garbage', 'not a pid', 'not JSON: "not a pid"'],
    ['without a pid', '{"startedAt": 5}', 'no valid "pid" field'],
  ])('takes over an unreadable file (%s) with a warning', (_name, content, problem) => {
    writeFileSync(file, content);
    const warnings: string[] = [];
    acquirePidFile(file, { onWarning: (m) => warnings.push(m) }).release();
    expect(warnings).toEqual([`Taking over unreadable PID file "${file}" (${problem}).`]);
  });

  it('releases idempotently and never removes a file that another holder now owns', () => {
    const lock = acquirePidFile(file, { clock: new SimClock(1) });
    lock.release();
    const next = acquirePidFile(file, { clock: new SimClock(2) });
    lock.release();
    expect(JSON.parse(readFileSync(file, 'utf8')).startedAt).toBe(2);
    next.release();
    next.release();
    expect(existsSync(file)).toBe(false);
  });

  it('creates missing parent folders', () => {
    const nested = path.join(dir, 'run', 'bots', 'ares.pid');
    const lock = acquirePidFile(nested);
    expect(JSON.parse(readFileSync(nested, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(nested)).toBe(false);
  });

  it('leaves no exit listeners behind after 20 acquire/release cycles', () => {
    const before = process.listenerCount('exit');
    const held = acquirePidFile(file);
    expect(process.listenerCount('exit')).toBe(before + 1);
    held.release();
    for (let i = 0; i < 20; i++) acquirePidFile(file).release();
    expect(process.listenerCount('exit')).toBe(before);
  });
});
