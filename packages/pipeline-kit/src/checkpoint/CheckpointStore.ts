import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Clock } from '../clock/Clock.js';
import { LiveClock } from '../clock/LiveClock.js';
import { CheckpointError } from './CheckpointError.js';

const FORMAT = 'ares-checkpoint';
const FORMAT_VERSION = 1;
// JSON.stringify keeps key order, so every checkpoint starts with exactly these bytes.
const FORMAT_PREFIX = `{"format":"${FORMAT}"`;
const MAX_LABEL_LENGTH = 1_000;
// Header plus label always fit in this many bytes, so listing never reads payloads.
const HEADER_READ_BYTES = 8_192;

/** Line 1 of a checkpoint file. `payloadBytes` and `sha256` describe the payload bytes that follow the newline. */
const CheckpointHeaderSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int(),
  kind: z.string(),
  schemaVersion: z.number().int().min(1),
  seq: z.number().int().min(1),
  createdAt: z.number(),
  label: z.string().optional(),
  payloadBytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
type CheckpointHeader = z.infer<typeof CheckpointHeaderSchema>;

/** What a checkpoint is, without its payload. */
export interface CheckpointInfo {
  /** `<kind>-<seq, 10 digits>`, the file name without `.ckpt`. */
  readonly id: string;
  /** 1, 2, 3, ... per store; the newest checkpoint has the highest. */
  readonly seq: number;
  readonly path: string;
  /** When it was saved, epoch ms from the store's clock. */
  readonly createdAt: number;
  readonly label?: string;
  /** The schema version the file was written with (before any migration). */
  readonly schemaVersion: number;
  readonly payloadBytes: number;
}

/** A loaded checkpoint: validated, migrated to the store's schema version. */
export interface Checkpoint<T> extends CheckpointInfo {
  readonly payload: T;
}

/** Upgrades a payload from schema version `from` to `from + 1`. */
export type CheckpointMigration = (payload: unknown) => unknown;

export interface CheckpointStoreOptions<T> {
  /** Folder holding the checkpoints; created on the first save. */
  dir: string;
  /** What the checkpoints hold (`engine-state`); letters, digits, `.`, `_`, `-`. Files of another kind are refused as foreign. */
  kind: string;
  /** Version of the payload's shape, an integer >= 1; bump it when the shape changes. */
  schemaVersion: number;
  /** Time source for `createdAt`. Default: a {@link LiveClock}. */
  clock?: Clock;
  /** Schema the payload must satisfy, on save and on load. */
  validate?: z.ZodType<T>;
  /** `migrations[v]` upgrades a version-v payload to v + 1; loading applies them step by step. */
  migrations?: Readonly<Record<number, CheckpointMigration>>;
}

/**
 * Versioned, checksummed checkpoints in one folder. A save writes a temp file, fsyncs it, renames it
 * into place and fsyncs the folder, so a crash leaves either the old set or the new one, never a half
 * file under a checkpoint's name. A load refuses anything it cannot trust with a {@link CheckpointError}.
 *
 * File format: line 1 is a JSON header `{format: "ares-checkpoint", formatVersion: 1, kind, schemaVersion,
 * seq, createdAt, label?, payloadBytes, sha256}`, then the payload as UTF-8 JSON; the checksum and length
 * cover the payload bytes. One process writes a store at a time (hold a PID file).
 */
export class CheckpointStore<T = unknown> {
  readonly #dir: string;
  readonly #kind: string;
  readonly #schemaVersion: number;
  readonly #clock: Clock;
  readonly #schema: z.ZodType<T> | undefined;
  readonly #migrations: Readonly<Record<number, CheckpointMigration>>;
  readonly #names: RegExp;
  readonly #tempNames: RegExp;
  // Saves and prunes run one at a time so sequence numbers never collide.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: CheckpointStoreOptions<T>) {
    if (typeof options.dir !== 'string' || options.dir === '')
      throw new TypeError(`Invalid "dir": expected a non-empty path, received "${String(options.dir)}".`);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(options.kind))
      throw new TypeError(`Invalid "kind": expected letters, digits, ".", "_" or "-" (starting with a letter or digit), received "${options.kind}".`);
    if (!Number.isInteger(options.schemaVersion) || options.schemaVersion < 1)
      throw new RangeError(`Invalid "schemaVersion": expected an integer >= 1, received "${options.schemaVersion}".`);
    this.#dir = path.resolve(options.dir);
    this.#kind = options.kind;
    this.#schemaVersion = options.schemaVersion;
    this.#clock = options.clock ?? new LiveClock();
    this.#schema = options.validate;
    this.#migrations = options.migrations ?? {};
    const kind = options.kind.replace(/[.]/g, '\\.');
    this.#names = new RegExp(`^${kind}-(\\d{10})\\.ckpt$`);
    this.#tempNames = new RegExp(`^\\.${kind}-\\d{10}\\.ckpt\\.\\d+\\.tmp$`);
  }

  /** Writes a new checkpoint atomically and returns what was written. */
  save(payload: T, options: { label?: string } = {}): Promise<CheckpointInfo> {
    return this.#enqueue(() => this.#save(payload, options.label));
  }

  /** Loads, verifies, migrates and validates one checkpoint by id. */
  async load(id: string): Promise<Checkpoint<T>> {
    const seq = this.#seqOf(`${id}.ckpt`);
    const file = path.join(this.#dir, `${id}.ckpt`);
    if (seq === undefined) throw new CheckpointError({ reason: 'not-found', path: file, detail: `"${id}" is not a checkpoint id of kind "${this.#kind}"` });
    return this.#load(file, seq);
  }

  /** The newest checkpoint, or undefined when there is none. If the newest is unusable this throws: it never falls back to an older one silently. */
  async latest(): Promise<Checkpoint<T> | undefined> {
    const { checkpoints } = await this.#scan();
    const newest = checkpoints.at(-1);
    return newest === undefined ? undefined : this.#load(newest.path, newest.seq);
  }

  /** Every checkpoint's header, oldest first. A file whose header is unusable throws. */
  async list(): Promise<CheckpointInfo[]> {
    const { checkpoints } = await this.#scan();
    const infos: CheckpointInfo[] = [];
    for (const { path: file, seq } of checkpoints) {
      const handle = await open(file, 'r');
      try {
        const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(HEADER_READ_BYTES), position: 0 });
        const bytes = buffer.subarray(0, bytesRead);
        const newline = bytes.indexOf(0x0a);
        infos.push(this.#info(file, this.#parseHeader(file, bytes, newline), seq));
      } finally {
        await handle.close();
      }
    }
    return infos;
  }

  /** Deletes all but the newest `keep` checkpoints, and any temp files left by interrupted saves. Returns the removed paths. */
  prune(options: { keep: number }): Promise<string[]> {
    if (!Number.isInteger(options.keep) || options.keep < 1)
      return Promise.reject(new RangeError(`Invalid "keep": expected an integer >= 1, received "${options.keep}".`));
    return this.#enqueue(async () => {
      const { checkpoints, temps } = await this.#scan();
      const doomed = [...checkpoints.slice(0, Math.max(0, checkpoints.length - options.keep)).map((c) => c.path), ...temps];
      for (const file of doomed) await unlink(file).catch(ignoreMissing);
      return doomed;
    });
  }

  async #save(payload: T, label: string | undefined): Promise<CheckpointInfo> {
    if (label !== undefined && (typeof label !== 'string' || label.length > MAX_LABEL_LENGTH))
      throw new RangeError(`Invalid "label": expected a string of at most ${MAX_LABEL_LENGTH} characters, received ${typeof label === 'string' ? `${label.length} characters` : `"${String(label)}"`}.`);
    if (this.#schema !== undefined) {
      const result = this.#schema.safeParse(payload);
      if (!result.success) throw new CheckpointError({ reason: 'invalid', path: this.#dir, detail: `the payload to save fails the schema: ${describeIssues(result.error)}` });
    }
    const json = JSON.stringify(payload);
    if (json === undefined) throw new TypeError(`Invalid checkpoint payload: expected a JSON-serialisable value, received "${typeof payload}".`);
    const bytes = Buffer.from(json, 'utf8');

    await mkdir(this.#dir, { recursive: true });
    const { checkpoints } = await this.#scan();
    const seq = (checkpoints.at(-1)?.seq ?? 0) + 1;
    const header: CheckpointHeader = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      kind: this.#kind,
      schemaVersion: this.#schemaVersion,
      seq,
      createdAt: this.#clock.now(),
      ...(label === undefined ? {} : { label }),
      payloadBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    const id = this.#idOf(seq);
    const file = path.join(this.#dir, `${id}.ckpt`);
    const temp = path.join(this.#dir, `.${id}.ckpt.${process.pid}.tmp`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), bytes]));
      await handle.sync();
      await handle.close();
      await rename(temp, file);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(temp).catch(ignoreMissing);
      throw error;
    }
    await syncDirectory(this.#dir);
    return this.#info(file, header, seq);
  }

  async #load(file: string, seq: number): Promise<Checkpoint<T>> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if (isCode(error, 'ENOENT')) throw new CheckpointError({ reason: 'not-found', path: file, detail: 'no such file', cause: error });
      throw error;
    }
    const newline = bytes.indexOf(0x0a);
    const header = this.#parseHeader(file, bytes, newline);
    const refuse = (reason: CheckpointError['reason'], detail: string, cause?: unknown): CheckpointError =>
      new CheckpointError({ reason, path: file, detail, cause });

    if (header.seq !== seq) throw refuse('corrupt', `the header says seq ${header.seq} but the file name says ${seq}`);
    if (newline === -1) throw refuse('truncated', `the file ends after the header; the ${header.payloadBytes}-byte payload is missing`);
    const payloadBytes = bytes.subarray(newline + 1);
    if (payloadBytes.length < header.payloadBytes)
      throw refuse('truncated', `the payload has ${payloadBytes.length} of the ${header.payloadBytes} bytes the header announces`);
    if (payloadBytes.length > header.payloadBytes)
      throw refuse('corrupt', `the payload has ${payloadBytes.length} bytes but the header announces ${header.payloadBytes}`);
    const sha256 = createHash('sha256').update(payloadBytes).digest('hex');
    if (sha256 !== header.sha256) throw refuse('corrupt', `sha256 mismatch: the header says ${header.sha256}, the payload hashes to ${sha256}`);
    if (header.schemaVersion > this.#schemaVersion)
      throw refuse('newer-version', `it has schema version ${header.schemaVersion}, newer than this store's ${this.#schemaVersion}; upgrade the code that reads it`);

    let payload: unknown;
    try {
      payload = JSON.parse(payloadBytes.toString('utf8'));
    } catch (error) {
      throw refuse('corrupt', 'the payload is not valid JSON', error);
    }
    for (let version = header.schemaVersion; version < this.#schemaVersion; version++) {
      const migrate = this.#migrations[version];
      if (migrate === undefined)
        throw refuse('older-version', `it has schema version ${header.schemaVersion} and there is no migration from version ${version} to ${version + 1} (store is at ${this.#schemaVersion})`);
      payload = migrate(payload);
    }
    if (this.#schema !== undefined) {
      const result = this.#schema.safeParse(payload);
      if (!result.success) throw refuse('invalid', `the payload fails the schema: ${describeIssues(result.error)}`, result.error);
      payload = result.data;
    }
    return { ...this.#info(file, header, seq), payload: payload as T };
  }

  /** Reads line 1 (or the whole of `bytes` when there is no newline) and checks it is a header of this store's kind. */
  #parseHeader(file: string, bytes: Buffer, newline: number): CheckpointHeader {
    const refuse = (reason: CheckpointError['reason'], detail: string): CheckpointError => new CheckpointError({ reason, path: file, detail });
    if (bytes.length === 0) throw refuse('truncated', 'the file is empty');
    const text = bytes.subarray(0, newline === -1 ? bytes.length : newline).toString('utf8');
    const looksOurs = text.startsWith(FORMAT_PREFIX) || FORMAT_PREFIX.startsWith(text);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      if (!looksOurs) throw refuse('foreign', 'it is not an Ares checkpoint (line 1 is not an "ares-checkpoint" header)');
      throw newline === -1 ? refuse('truncated', 'the file ends inside the header line') : refuse('corrupt', 'the header line is not valid JSON');
    }
    if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== FORMAT)
      throw refuse('foreign', 'it is not an Ares checkpoint (line 1 is not an "ares-checkpoint" header)');
    const formatVersion = (raw as { formatVersion?: unknown }).formatVersion;
    if (typeof formatVersion === 'number' && formatVersion > FORMAT_VERSION)
      throw refuse('newer-version', `it has file format version ${formatVersion}; this library reads version ${FORMAT_VERSION}`);
    const parsed = CheckpointHeaderSchema.safeParse(raw);
    if (!parsed.success) throw refuse('corrupt', `the header is malformed: ${describeIssues(parsed.error)}`);
    if (parsed.data.kind !== this.#kind) throw refuse('foreign', `it holds kind "${parsed.data.kind}", this store reads kind "${this.#kind}"`);
    return parsed.data;
  }

  #info(file: string, header: CheckpointHeader, seq: number): CheckpointInfo {
    return {
      id: this.#idOf(seq),
      seq,
      path: file,
      createdAt: header.createdAt,
      ...(header.label === undefined ? {} : { label: header.label }),
      schemaVersion: header.schemaVersion,
      payloadBytes: header.payloadBytes,
    };
  }

  #idOf(seq: number): string {
    return `${this.#kind}-${String(seq).padStart(10, '0')}`;
  }

  #seqOf(name: string): number | undefined {
    const digits = this.#names.exec(name)?.[1];
    return digits === undefined ? undefined : Number(digits);
  }

  async #scan(): Promise<{ checkpoints: { path: string; seq: number }[]; temps: string[] }> {
    let names: string[];
    try {
      names = await readdir(this.#dir);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return { checkpoints: [], temps: [] };
      throw error;
    }
    const checkpoints: { path: string; seq: number }[] = [];
    const temps: string[] = [];
    for (const name of names) {
      const seq = this.#seqOf(name);
      if (seq !== undefined) checkpoints.push({ path: path.join(this.#dir, name), seq });
      else if (this.#tempNames.test(name)) temps.push(path.join(this.#dir, name));
    }
    checkpoints.sort((a, b) => a.seq - b.seq);
    return { checkpoints, temps };
  }

  #enqueue<R>(task: () => Promise<R>): Promise<R> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** Makes the rename durable: on POSIX a rename is only on disk once its directory is fsynced. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic there.
    if (!isCode(error, 'EISDIR') && !isCode(error, 'EPERM') && !isCode(error, 'EINVAL')) throw error;
  } finally {
    await handle.close();
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`).join('; ');
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function ignoreMissing(error: unknown): void {
  if (!isCode(error, 'ENOENT')) throw error;
}
