import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { BAR_COLUMNS, BarSeries, timeframeToMs } from '@ares/features';
import { BarStoreError } from './BarStoreError.js';

/**
 * File layout, little-endian. A 64-byte header, then one Float64 block per column (timestamp, open,
 * high, low, close, volume), each `capacity` rows long, of which the first `rows` are data:
 *
 * | offset | size | field |
 * |---|---|---|
 * | 0 | 8 | magic `ARESBARS` |
 * | 8 | 4 | format version (1) |
 * | 12 | 4 | column count (6) |
 * | 16 | 4 | rows |
 * | 20 | 4 | capacity (rows of room per column) |
 * | 24 | 8 | timeframe in ms (Float64) |
 * | 32 | 24 | CRC-32 of each column's first `rows` values |
 * | 56 | 4 | CRC-32 of bytes 0–55 |
 * | 60 | 4 | zero |
 */
const MAGIC = 'ARESBARS';
const VERSION = 1;
const HEADER_BYTES = 64;
const COLUMNS = BAR_COLUMNS.length;
const MIN_CAPACITY = 1_024;
const EXTENSION = '.bars';

interface Header {
  rows: number;
  capacity: number;
  timeframeMs: number;
  crcs: number[];
}

export interface StoredSeries {
  readonly symbol: string;
  readonly timeframe: string;
  readonly bars: number;
}

export interface ReadRange {
  /** First open time to include, epoch ms (inclusive). */
  readonly since?: number;
  /** Open time to stop before, epoch ms (exclusive). */
  readonly until?: number;
}

/**
 * The local historical store: one binary columnar file per symbol and timeframe in `dir`
 * (`<encoded symbol>@<timeframe>.bars`). Reading is a few bulk reads straight into Float64Arrays,
 * no parsing; appends write into reserved room and then update the header, so an append costs
 * the new bars only (capacity doubles by an atomic rewrite when full). One writer per file.
 */
export class BarStore {
  readonly #dir: string;

  constructor(dir: string) {
    // Columns are read straight into Float64Arrays, which use the host byte order.
    if (endianness() !== 'LE') throw new BarStoreError({ reason: 'invalid-input', path: dir, message: 'BarStore needs a little-endian host (the file format is little-endian).' });
    this.#dir = dir;
  }

  get dir(): string {
    return this.#dir;
  }

  /**
   * Adds the bars of `series` after the last stored one; bars at or before the last stored timestamp
   * are skipped (dedupe, so a resumed download may overlap). Returns the number of bars added.
   *
   * Crash safety: new rows go into the reserved room and are fsynced before the 64-byte header that
   * makes them visible is written and fsynced; a crash before that leaves the previous content, and a
   * torn header fails its checksum. Growing rewrites the file to a temp file, fsyncs it and renames it.
   *
   * @throws BarStoreError `invalid-input` for a series that is not strictly ascending.
   */
  append(symbol: string, timeframe: string, series: BarSeries): number {
    const path = this.#path(symbol, timeframe);
    const timeframeMs = timeframeToMs(timeframe);
    const t = series.timestamp;
    for (let i = 0; i < t.length; i++) {
      const ti = t[i] as number;
      if (!Number.isFinite(ti) || (i > 0 && !(ti > (t[i - 1] as number)))) {
        throw new BarStoreError({
          reason: 'invalid-input',
          path: 'series.timestamp',
          message: `Invalid "series.timestamp": expected finite, strictly ascending times, received "${ti}" at index ${i} after "${t[i - 1]}".`,
        });
      }
    }
    mkdirSync(this.#dir, { recursive: true });
    const existing = existsSync(path) ? this.#openExisting(path, timeframeMs) : undefined;
    const last = existing === undefined || existing.header.rows === 0 ? Number.NEGATIVE_INFINITY : readLastTimestamp(existing.fd, existing.header);
    let from = 0;
    while (from < t.length && (t[from] as number) <= last) from++;
    const added = t.length - from;
    if (added === 0) {
      if (existing !== undefined) closeSync(existing.fd);
      return 0;
    }
    const fresh = series.slice(from);
    try {
      if (existing !== undefined && existing.header.rows + added <= existing.header.capacity) {
        const { fd, header } = existing;
        BAR_COLUMNS.forEach((name, c) => {
          const bytes = bytesOf(fresh.column(name));
          writeSync(fd, bytes, 0, bytes.length, columnOffset(header.capacity, c) + header.rows * 8);
          header.crcs[c] = crc32(bytes, header.crcs[c]);
        });
        fsyncSync(fd);
        header.rows += added;
        writeSync(fd, encodeHeader(header), 0, HEADER_BYTES, 0);
        fsyncSync(fd);
        return added;
      }
      const old = existing === undefined ? undefined : readColumns(existing.fd, existing.header, path);
      const rows = (existing?.header.rows ?? 0) + added;
      const capacity = Math.max(MIN_CAPACITY, 2 * (existing?.header.capacity ?? 0), rows);
      this.#rewrite(path, timeframeMs, capacity, rows, (c) => {
        const name = BAR_COLUMNS[c] as (typeof BAR_COLUMNS)[number];
        if (old === undefined) return fresh.column(name);
        const column = new Float64Array(rows);
        column.set(old[c] as Float64Array);
        column.set(fresh.column(name), rows - added);
        return column;
      });
      return added;
    } finally {
      if (existing !== undefined) closeSync(existing.fd);
    }
  }

  /**
   * The stored bars with `since <= timestamp < until` (default: all).
   * @throws BarStoreError `not-found` when nothing is stored, `corrupt` when the header or a column
   *   checksum does not verify, or the file is truncated or of another timeframe.
   */
  read(symbol: string, timeframe: string, range: ReadRange = {}): BarSeries {
    const path = this.#path(symbol, timeframe);
    if (!existsSync(path)) {
      throw new BarStoreError({ reason: 'not-found', path, message: `No bars stored for "${symbol}" at "${timeframe}" (expected file "${path}").` });
    }
    const { fd, header } = this.#openExisting(path, timeframeToMs(timeframe));
    try {
      const columns = readColumns(fd, header, path);
      const t = columns[0] as Float64Array;
      const start = range.since === undefined ? 0 : lowerBound(t, range.since);
      const end = range.until === undefined ? t.length : lowerBound(t, range.until);
      const view = (c: number) => (columns[c] as Float64Array).subarray(start, Math.max(start, end));
      return BarSeries.fromColumns({ timestamp: view(0), open: view(1), high: view(2), low: view(3), close: view(4), volume: view(5) });
    } finally {
      closeSync(fd);
    }
  }

  /** Open time of the last stored bar, or undefined when nothing is stored. */
  lastTimestamp(symbol: string, timeframe: string): number | undefined {
    const path = this.#path(symbol, timeframe);
    if (!existsSync(path)) return undefined;
    const { fd, header } = this.#openExisting(path, timeframeToMs(timeframe));
    try {
      return header.rows === 0 ? undefined : readLastTimestamp(fd, header);
    } finally {
      closeSync(fd);
    }
  }

  /** Every stored symbol and timeframe, sorted. Files that are not valid stores are skipped. */
  list(): StoredSeries[] {
    if (!existsSync(this.#dir)) return [];
    const result: StoredSeries[] = [];
    for (const file of readdirSync(this.#dir).sort()) {
      const match = /^(.+)@([^@]+)\.bars$/.exec(file);
      if (match === null) continue;
      const symbol = decodeURIComponent(match[1] as string);
      const timeframe = match[2] as string;
      const fd = openSync(join(this.#dir, file), 'r');
      try {
        result.push({ symbol, timeframe, bars: decodeHeader(fd, file).rows });
      } catch (error) {
        if (!BarStoreError.isInstance(error)) throw error;
      } finally {
        closeSync(fd);
      }
    }
    return result;
  }

  #path(symbol: string, timeframe: string): string {
    if (symbol.length === 0) throw new BarStoreError({ reason: 'invalid-input', path: 'symbol', message: 'Invalid "symbol": expected a non-empty string, received "".' });
    timeframeToMs(timeframe);
    return join(this.#dir, `${encodeURIComponent(symbol)}@${timeframe}${EXTENSION}`);
  }

  #openExisting(path: string, timeframeMs: number): { fd: number; header: Header } {
    const fd = openSync(path, 'r+');
    try {
      const header = decodeHeader(fd, path);
      if (header.timeframeMs !== timeframeMs) {
        throw corrupt(path, `it holds ${header.timeframeMs} ms bars, not ${timeframeMs} ms`);
      }
      const size = statSync(path).size;
      if (size < HEADER_BYTES + COLUMNS * header.capacity * 8) throw corrupt(path, `it is truncated (${size} bytes)`);
      return { fd, header };
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Writes a whole new file to a temp path, fsyncs it and renames it over `path`. */
  #rewrite(path: string, timeframeMs: number, capacity: number, rows: number, column: (c: number) => Float64Array): void {
    const temp = `${path}.tmp-${process.pid}`;
    const fd = openSync(temp, 'w');
    try {
      // The reserved room stays a hole (sparse where the file system allows).
      ftruncateSync(fd, columnOffset(capacity, COLUMNS));
      const crcs: number[] = [];
      for (let c = 0; c < COLUMNS; c++) {
        const bytes = bytesOf(column(c));
        crcs.push(crc32(bytes));
        writeSync(fd, bytes, 0, bytes.length, columnOffset(capacity, c));
      }
      writeSync(fd, encodeHeader({ rows, capacity, timeframeMs, crcs }), 0, HEADER_BYTES, 0);
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      rmSync(temp, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(temp, path);
    syncDirectory(this.#dir);
  }
}

function columnOffset(capacity: number, c: number): number {
  return HEADER_BYTES + c * capacity * 8;
}

function bytesOf(values: Float64Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

function encodeHeader(header: Header): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, VERSION, true);
  view.setUint32(12, COLUMNS, true);
  view.setUint32(16, header.rows, true);
  view.setUint32(20, header.capacity, true);
  view.setFloat64(24, header.timeframeMs, true);
  header.crcs.forEach((crc, c) => {
    view.setUint32(32 + 4 * c, crc, true);
  });
  view.setUint32(56, crc32(bytes.subarray(0, 56)), true);
  return bytes;
}

function decodeHeader(fd: number, path: string): Header {
  const bytes = new Uint8Array(HEADER_BYTES);
  if (readSync(fd, bytes, 0, HEADER_BYTES, 0) !== HEADER_BYTES) throw corrupt(path, 'it is shorter than the 64-byte header');
  const view = new DataView(bytes.buffer);
  if (String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC) throw corrupt(path, `it does not start with "${MAGIC}" (not a bar store file)`);
  if (view.getUint32(56, true) !== crc32(bytes.subarray(0, 56))) throw corrupt(path, 'its header checksum does not match');
  const version = view.getUint32(8, true);
  if (version !== VERSION) throw corrupt(path, `its format version is ${version}, this reader knows ${VERSION}`);
  const columns = view.getUint32(12, true);
  if (columns !== COLUMNS) throw corrupt(path, `it has ${columns} columns, expected ${COLUMNS}`);
  const rows = view.getUint32(16, true);
  const capacity = view.getUint32(20, true);
  if (rows > capacity) throw corrupt(path, `its row count ${rows} exceeds its capacity ${capacity}`);
  return { rows, capacity, timeframeMs: view.getFloat64(24, true), crcs: Array.from({ length: COLUMNS }, (_, c) => view.getUint32(32 + 4 * c, true)) };
}

/** Reads the first `rows` values of every column and verifies each column's CRC-32. */
function readColumns(fd: number, header: Header, path: string): Float64Array[] {
  // One uninitialized buffer for all columns (no zero-fill: every byte is read over).
  const buffer = Buffer.allocUnsafeSlow(COLUMNS * header.rows * 8);
  return BAR_COLUMNS.map((name, c) => {
    const column = new Float64Array(buffer.buffer, buffer.byteOffset + c * header.rows * 8, header.rows);
    const bytes = bytesOf(column);
    const read = readSync(fd, bytes, 0, bytes.length, columnOffset(header.capacity, c));
    if (read !== bytes.length) throw corrupt(path, `column "${name}" is truncated`);
    if (crc32(bytes) !== header.crcs[c]) throw corrupt(path, `column "${name}" fails its checksum`);
    return column;
  });
}

function readLastTimestamp(fd: number, header: Header): number {
  const value = new Float64Array(1);
  readSync(fd, bytesOf(value), 0, 8, columnOffset(header.capacity, 0) + (header.rows - 1) * 8);
  return value[0] as number;
}

/** First index whose value is >= `target` in an ascending array. */
function lowerBound(values: Float64Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Makes a rename durable (POSIX); a no-op where directories cannot be opened (Windows). */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Directory fsync is not supported on every platform; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function corrupt(path: string, detail: string): BarStoreError {
  return new BarStoreError({ reason: 'corrupt', path, message: `Corrupt bar store file "${path}": ${detail}. Delete it and download the bars again.` });
}
