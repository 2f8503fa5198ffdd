import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { BTC_1H_CSV, bitwiseMismatches, seededRandom } from './__fixtures__/sharedData.js';
import { BarSeries } from './BarSeries.js';
import { CsvParseError } from './CsvParseError.js';
import { BAR_CSV_HEADER, formatBarsCsv, parseBarsCsv } from './csv.js';
import { readBarsCsvFile } from './readBarsCsvFile.js';

const sample = [
  'timestamp,open,high,low,close,volume',
  '1518192000000,8333.98,8432.51,8312.0,8383.11,1189.651658',
  '1518195600000,8383.11,8718.0,8372.69,8625.0,2086.817085',
].join('\n');

const sampleRows = [
  { timestamp: 1518192000000, open: 8333.98, high: 8432.51, low: 8312, close: 8383.11, volume: 1189.651658 },
  { timestamp: 1518195600000, open: 8383.11, high: 8718, low: 8372.69, close: 8625, volume: 2086.817085 },
];

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('parseBarsCsv', () => {
  it.each([
    ['with a header and no final newline', sample],
    ['with a final newline', `${sample}\n`],
    ['with CRLF line ends', `${sample.replaceAll('\n', '\r\n')}\r\n`],
    ['with a byte-order mark', `\uFEFF${sample}`],
    ['with empty lines', sample.replace('\n', '\n\n\n')],
    ['without a header', sample.slice(sample.indexOf('\n') + 1)],
  ])('reads the bar layout %s', (_label, text) => {
    expect(parseBarsCsv(text).toRows()).toEqual(sampleRows);
  });

  it('reads an empty text or a header alone as an empty series', () => {
    expect(parseBarsCsv('').length).toBe(0);
    expect(parseBarsCsv(`${BAR_CSV_HEADER}\n`).length).toBe(0);
  });

  it('keeps rows in file order, even out of order (validation is a separate step)', () => {
    const text = '3000,1,1,1,1,0\n1000,2,2,2,2,0\n';
    expect(Array.from(parseBarsCsv(text).timestamp)).toEqual([3000, 1000]);
  });

  it('rejects a different header, naming line 1', () => {
    const error = thrown(() => parseBarsCsv('time,open,high,low,close,volume\n1,1,1,1,1,1'));
    expect(CsvParseError.isInstance(error) && [error.line, error.column, error.message]).toEqual([
      1,
      null,
      'Invalid CSV header at line 1: expected "timestamp,open,high,low,close,volume", received "time,open,high,low,close,volume".',
    ]);
  });

  it('requires the header with header: "required" and reads line 1 as data with header: "none"', () => {
    const data = '1000,1,2,0.5,1.5,10';
    expect(() => parseBarsCsv(data, { header: 'required' })).toThrow('Invalid CSV header at line 1');
    expect(parseBarsCsv(data, { header: 'none' }).at(0)).toEqual({ timestamp: 1000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 });
    expect(() => parseBarsCsv(sample, { header: 'none' })).toThrow('line 1, column "timestamp"');
  });

  it.each([
    ['a letter in a price', '1000,1,2x,0.5,1.5,10', 'high', '2x'],
    ['an empty field', '1000,1,2,,1.5,10', 'low', ''],
    ['a space', '1000,1,2,0.5, 1.5,10', 'close', ' 1.5'],
    ['a hex literal', '1000,1,2,0.5,1.5,0x10', 'volume', '0x10'],
    ['a dangling exponent', '1e,1,2,0.5,1.5,10', 'timestamp', '1e'],
    ['a lowercase nan', '1000,nan,2,0.5,1.5,10', 'open', 'nan'],
  ])('rejects %s with its line and column', (_label, line, column, field) => {
    const error = thrown(() => parseBarsCsv(`${sample}\n${line}\n`));
    expect(CsvParseError.isInstance(error) && [error.line, error.column, error.message]).toEqual([
      4,
      column,
      `Invalid CSV value at line 4, column "${column}": expected a number, received "${field}".`,
    ]);
  });

  it.each([
    ['too few', '1000,1,2,0.5,1.5', 5],
    ['too many', '1000,1,2,0.5,1.5,10,7', 7],
  ])('rejects a line with %s columns', (_label, line, count) => {
    const error = thrown(() => parseBarsCsv(`${sample}\n${line}\n${sampleRows.length}`));
    expect(CsvParseError.isInstance(error) && [error.line, error.column, error.message]).toEqual([
      4,
      null,
      `Invalid CSV line 4: expected 6 columns (timestamp,open,high,low,close,volume), received ${count}.`,
    ]);
  });

  // Every accepted spelling must give exactly what the language's own Number() gives.
  it.each([
    '0', '-0', '8312.0', '0.1', '0.30000000000000004', '.5', '7.', '+3', '1e-7', '2.5E+3', '1189.651658',
    '1518192000000', '123456789012345678901', '0.000000000000000000001234', '1.7976931348623157e308',
    '5e-324', '9007199254740993', '1e400', 'NaN', 'Infinity', '-Infinity',
  ])('reads %s exactly as Number() does', (field) => {
    const value = parseBarsCsv(`0,${field},1,1,1,1`).open[0];
    expect(Object.is(value, Number(field))).toBe(true);
  });
});

describe('formatBarsCsv', () => {
  it('writes the header and shortest round-trip numbers', () => {
    expect(formatBarsCsv(BarSeries.fromRows(sampleRows))).toBe(
      `${BAR_CSV_HEADER}\n1518192000000,8333.98,8432.51,8312,8383.11,1189.651658\n1518195600000,8383.11,8718,8372.69,8625,2086.817085\n`,
    );
  });

  it('round-trips random doubles bit for bit, including -0, NaN and infinities', () => {
    const random = seededRandom(7);
    const bits = new DataView(new ArrayBuffer(8));
    const n = 2000;
    const columns = { timestamp: new Float64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
    for (const column of Object.values(columns)) {
      for (let i = 0; i < n; i++) {
        bits.setUint32(0, Math.floor(random() * 2 ** 32));
        bits.setUint32(4, Math.floor(random() * 2 ** 32));
        column[i] = bits.getFloat64(0);
      }
    }
    columns.close.set([-0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5e-324, 0.1 + 0.2]);
    const back = parseBarsCsv(formatBarsCsv(BarSeries.fromColumns(columns)));
    for (const [name, column] of Object.entries(columns)) {
      expect([name, bitwiseMismatches(back.column(name as keyof typeof columns), column)]).toEqual([name, []]);
    }
  });
});

describe('the BTC/USDT 1h file', () => {
  const text = readFileSync(BTC_1H_CSV, 'utf8');

  it('matches an independent split-and-Number() reading, with the README facts', async () => {
    const series = await readBarsCsvFile(BTC_1H_CSV);
    const lines = text.trim().split('\n').slice(1);
    expect(series.length).toBe(62_482);
    expect(lines.length).toBe(62_482);
    expect(series.timestamp[0]).toBe(1518192000000);
    expect(series.at(-1).timestamp).toBe(1743440400000);
    expect(Math.min(...series.low)).toBe(3156.26);
    expect(Math.max(...series.high)).toBe(109588.0);
    const columns = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;
    let mismatches = 0;
    lines.forEach((line, i) => {
      const fields = line.split(',').map(Number);
      columns.forEach((name, c) => {
        if (!Object.is(series.column(name)[i], fields[c])) mismatches++;
      });
    });
    expect(mismatches).toBe(0);
  });

  it('round-trips through formatBarsCsv bit for bit', () => {
    const series = parseBarsCsv(text);
    const back = parseBarsCsv(formatBarsCsv(series));
    for (const name of ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const) {
      expect([name, bitwiseMismatches(back.column(name), series.column(name))]).toEqual([name, []]);
    }
  });
});
