import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import type { Clock } from '../clock/Clock.js';
import { LiveClock } from '../clock/LiveClock.js';
import { PidFileLockedError } from './PidFileLockedError.js';

/** The JSON a PID file holds. */
export interface PidFileContent {
  readonly pid: number;
  /** When the lock was taken, epoch ms. */
  readonly startedAt: number;
  readonly hostname: string;
}

/** A held PID file. */
export interface PidFileHandle extends PidFileContent {
  readonly path: string;
  /** Removes the file if it still holds this lock. Safe to call more than once. */
  release(): void;
}

export interface AcquirePidFileOptions {
  /** Time source for `startedAt`. Default: a {@link LiveClock}. */
  clock?: Clock;
  /** Told when a stale or unreadable PID file is taken over. */
  onWarning?: (message: string) => void;
}

/**
 * Takes the PID file at `file` for this process, so that two instances never run on one account.
 * The file is created exclusively (a fully written temp file hard-linked into place). If it exists and its process is alive, this throws
 * {@link PidFileLockedError}; if that process is gone or the file is unreadable, the file is taken
 * over with a warning. Missing parent folders are created. The file is removed by `release()` or, failing that, when the process exits.
 */
export function acquirePidFile(file: string, options: AcquirePidFileOptions = {}): PidFileHandle {
  const absolute = path.resolve(file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  const content: PidFileContent = { pid: process.pid, startedAt: (options.clock ?? new LiveClock()).now(), hostname: hostname() };
  if (!tryCreate(absolute, content)) {
    const holder = readHolder(absolute);
    if (holder.kind === 'gone') {
      if (!tryCreate(absolute, content)) throwLocked(absolute);
    } else {
      if (holder.kind === 'alive') throw new PidFileLockedError({ path: absolute, pid: holder.pid, startedAt: holder.startedAt });
      options.onWarning?.(
        holder.kind === 'unreadable'
          ? `Taking over unreadable PID file "${absolute}" (${holder.problem}).`
          : `Taking over stale PID file "${absolute}": process ${holder.pid} that wrote it is no longer running.`,
      );
      // Remove only the file that was judged; a narrow window remains if two processes take over at once.
      if (readText(absolute) === holder.text) removeQuietly(absolute);
      // One retry: if another process recreated the file in between, it won the race.
      if (!tryCreate(absolute, content)) throwLocked(absolute);
    }
  }

  let released = false;
  const removeIfOurs = (): void => {
    const now = readHolder(absolute);
    if (now.kind !== 'gone' && now.kind !== 'unreadable' && now.pid === content.pid && now.startedAt === content.startedAt) removeQuietly(absolute);
  };
  // A forced process.exit() skips finally blocks; 'exit' listeners still run (synchronously).
  const onExit = (): void => removeIfOurs();
  process.on('exit', onExit);
  return {
    ...content,
    path: absolute,
    release(): void {
      if (released) return;
      released = true;
      process.off('exit', onExit);
      removeIfOurs();
    },
  };
}

type Holder =
  | { kind: 'alive' | 'dead'; text: string; pid: number; startedAt: number | undefined }
  | { kind: 'unreadable'; text: string | undefined; problem: string }
  | { kind: 'gone' };

/**
 * Exclusive create, published whole: the content goes to a temp file named after this process, which is then
 * hard-linked to the PID file's name. `link` fails with EEXIST when the name is taken, like `wx`, and
 * no other process can ever read a half-written PID file and mistake it for an unreadable one.
 */
function tryCreate(file: string, content: PidFileContent): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o644);
  try {
    try {
      writeSync(fd, `${JSON.stringify(content)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(temp, file);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  } finally {
    removeQuietly(temp);
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function readHolder(file: string): Holder {
  let text: string | undefined;
  try {
    text = readText(file);
  } catch (error) {
    return { kind: 'unreadable', text: undefined, problem: `cannot read it: ${codeOf(error) ?? String(error)}` };
  }
  if (text === undefined) return { kind: 'gone' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', text, problem: `not JSON: "${text.slice(0, 40)}"` };
  }
  const pid = (parsed as { pid?: unknown } | null)?.pid;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return { kind: 'unreadable', text, problem: 'no valid "pid" field' };
  const startedAt = (parsed as { startedAt?: unknown }).startedAt;
  return { kind: isAlive(pid) ? 'alive' : 'dead', text, pid, startedAt: typeof startedAt === 'number' ? startedAt : undefined };
}

/** Signal 0 checks existence only: ESRCH means no such process, EPERM means it exists under another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

function throwLocked(file: string): never {
  const holder = readHolder(file);
  const pid = holder.kind === 'alive' || holder.kind === 'dead' ? holder.pid : 0;
  throw new PidFileLockedError({ path: file, pid, startedAt: holder.kind === 'alive' || holder.kind === 'dead' ? holder.startedAt : undefined });
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
}

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
