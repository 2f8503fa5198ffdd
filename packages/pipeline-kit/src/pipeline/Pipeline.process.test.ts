import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { fixture as fixturePath } from '../../test/fixture.js';

// Real signals to a real child process running the built package (test/fixtures/signalPipeline.mjs).
const fixture = fixturePath('signalPipeline.mjs');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ares-pipeline-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function start(cleanupMs: number, graceMs: number): { child: ChildProcess; record: string; pidFile: string; executing: Promise<void>; exited: Promise<number | null> } {
  const record = path.join(dir, 'record.txt');
  const pidFile = path.join(dir, 'run.pid');
  const child = spawn(process.execPath, [fixture, record, pidFile, String(cleanupMs), String(graceMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const executing = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('executing')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before executing: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, record, pidFile, executing, exited };
}

const lines = (file: string): string[] => fs.readFileSync(file, 'utf8').trim().split('\n');

describe('Pipeline in a real process', () => {
  it('SIGTERM mid-execute: the step finishes, cleanup runs once, the PID file is gone, exit code 143', async () => {
    const run = start(50, 10_000);
    await run.executing;
    expect(JSON.parse(fs.readFileSync(run.pidFile, 'utf8')).pid).toBe(run.child.pid);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(143);
    expect(lines(run.record)).toEqual(['initialize', 'execute', 'stopped after some steps', 'cleanup-start', 'cleanup-end', 'result aborted execute']);
    expect(fs.existsSync(run.pidFile)).toBe(false);
  });

  it('SIGINT gives exit code 130', async () => {
    const run = start(0, 10_000);
    await run.executing;
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(lines(run.record).filter((l) => l === 'cleanup-end')).toHaveLength(1);
  });

  it('a second signal during a slow cleanup forces exit 143 at once and still removes the PID file', async () => {
    const run = start(60_000, 60_000);
    await run.executing;
    run.child.kill('SIGTERM');
    await waitFor(() => fs.readFileSync(run.record, 'utf8').includes('cleanup-start'));
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(143);
    expect(lines(run.record)).not.toContain('cleanup-end');
    expect(fs.existsSync(run.pidFile)).toBe(false);
  });

  it('the end of the grace period forces the exit', async () => {
    const run = start(60_000, 200);
    await run.executing;
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(lines(run.record)).not.toContain('cleanup-end');
    expect(fs.existsSync(run.pidFile)).toBe(false);
  });

  it('a second instance is refused while the first lives', async () => {
    const first = start(0, 10_000);
    await first.executing;
    const second = spawn(process.execPath, [fixture, path.join(dir, 'second.txt'), first.pidFile, '0', '1000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const secondCode = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(secondCode).toBe(1);
    expect(lines(path.join(dir, 'second.txt'))).toEqual(['cleanup-start', 'cleanup-end', 'result failed initialize']);
    expect(JSON.parse(fs.readFileSync(first.pidFile, 'utf8')).pid).toBe(first.child.pid);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(143);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
