import { BAR_COLUMNS } from './Bar.js';
import { BarSeries } from './BarSeries.js';
import { CsvParseError } from './CsvParseError.js';

/** The header line of the bar CSV layout. */
export const BAR_CSV_HEADER = BAR_COLUMNS.join(',');

export interface ParseBarsCsvOptions {
  /**
   * `'auto'` (default): the first line is the header when it does not start like a number, and
   * must then be exactly {@link BAR_CSV_HEADER}. `'required'`: the first line must be the header.
   * `'none'`: every line is data.
   */
  readonly header?: 'auto' | 'required' | 'none';
}

const COMMA = 44;
const NEWLINE = 10;
const RETURN = 13;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

// Exact powers of ten: every 10^k with k <= 22 is representable as a double.
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Parses `timestamp,open,high,low,close,volume` lines (epoch-ms timestamps) into a series, keeping
 * the rows in file order. Accepts `\n` or `\r\n` line ends, a leading byte-order mark and empty
 * lines (skipped). Numbers are decimal (`12`, `-0.5`, `1e-7`) or the literals `NaN`, `Infinity`,
 * `-Infinity`, so that whatever {@link formatBarsCsv} writes reads back.
 *
 * @throws CsvParseError naming the line and column of a bad header, column count or number.
 */
export function parseBarsCsv(text: string, options: ParseBarsCsvOptions = {}): BarSeries {
  const header = options.header ?? 'auto';
  const end = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  const firstEnd = lineEnd(text, pos);
  const first = text.slice(pos, firstEnd);
  if (header === 'required' || (header === 'auto' && first.length > 0 && !startsLikeNumber(first.charCodeAt(0)))) {
    if (first !== BAR_CSV_HEADER) {
      throw new CsvParseError({
        line: 1,
        column: null,
        message: `Invalid CSV header at line 1: expected "${BAR_CSV_HEADER}", received "${first}".`,
      });
    }
    pos = skipNewline(text, firstEnd);
    line = 2;
  }

  const capacity = countLines(text, pos);
  const columns = BAR_COLUMNS.map(() => new Float64Array(capacity));
  let rows = 0;
  while (pos < end) {
    const stop = lineEnd(text, pos);
    if (stop > pos) {
      let fieldStart = pos;
      for (let c = 0; c < 6; c++) {
        const fieldEnd = c < 5 ? text.indexOf(',', fieldStart) : stop;
        if (fieldEnd === -1 || fieldEnd > stop) throw columnCountError(text, pos, stop, line);
        const value = parseNumber(text, fieldStart, fieldEnd);
        if (value === undefined) {
          const field = text.slice(fieldStart, fieldEnd);
          if (field.includes(',')) throw columnCountError(text, pos, stop, line);
          const name = BAR_COLUMNS[c] as string;
          throw new CsvParseError({
            line,
            column: name,
            message: `Invalid CSV value at line ${line}, column "${name}": expected a number, received "${field}".`,
          });
        }
        (columns[c] as Float64Array)[rows] = value;
        fieldStart = fieldEnd + 1;
      }
      rows++;
    }
    pos = skipNewline(text, stop);
    line++;
  }

  const [timestamp, open, high, low, close, volume] = columns.map((column) => column.subarray(0, rows)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  return BarSeries.fromColumns({ timestamp, open, high, low, close, volume });
}

/**
 * Writes the series as CSV with the {@link BAR_CSV_HEADER} line and `\n` line ends. Numbers use
 * JavaScript's shortest round-trip form (`String(x)`; `-0` as `"-0"`), so `parseBarsCsv` gives back
 * the same bits.
 */
export function formatBarsCsv(series: BarSeries): string {
  const columns = BAR_COLUMNS.map((name) => series.column(name));
  const lines = new Array<string>(series.length + 1);
  lines[0] = BAR_CSV_HEADER;
  for (let i = 0; i < series.length; i++) {
    let row = formatNumber((columns[0] as Float64Array)[i] as number);
    for (let c = 1; c < 6; c++) {
      row += `,${formatNumber((columns[c] as Float64Array)[i] as number)}`;
    }
    lines[i + 1] = row;
  }
  return `${lines.join('\n')}\n`;
}

function formatNumber(x: number): string {
  return x === 0 && 1 / x < 0 ? '-0' : String(x);
}

/**
 * Parses a decimal number in `text[start, end)`, or returns `undefined` when it is not one.
 * Short inputs take Clinger's fast path (an integer mantissa below 10^15 scaled by an exact power of
 * ten is one correctly rounded operation); longer ones are checked here and converted by `Number`.
 * @see W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990.
 */
function parseNumber(text: string, start: number, end: number): number | undefined {
  let i = start;
  let c = text.charCodeAt(i);
  const negative = c === MINUS;
  if (negative || c === PLUS) c = text.charCodeAt(++i);
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  while (i < end && c >= ZERO && c <= NINE) {
    mantissa = mantissa * 10 + (c - ZERO);
    digits++;
    c = text.charCodeAt(++i);
  }
  if (i < end && c === DOT) {
    c = text.charCodeAt(++i);
    while (i < end && c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      fraction++;
      c = text.charCodeAt(++i);
    }
  }
  if (digits === 0) {
    const word = text.slice(i, end);
    if (word === 'Infinity') return negative ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    return word === 'NaN' && i === start ? Number.NaN : undefined;
  }
  let exponent = 0;
  if (i < end && (c === 101 || c === 69)) {
    c = text.charCodeAt(++i);
    const negativeExponent = c === MINUS;
    if (negativeExponent || c === PLUS) c = text.charCodeAt(++i);
    const exponentStart = i;
    while (i < end && c >= ZERO && c <= NINE) {
      exponent = exponent * 10 + (c - ZERO);
      c = text.charCodeAt(++i);
    }
    if (i === exponentStart) return undefined;
    if (negativeExponent) exponent = -exponent;
  }
  if (i !== end) return undefined;
  const scale = exponent - fraction;
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    const magnitude = scale < 0 ? mantissa / (POW10[-scale] as number) : mantissa * (POW10[scale] as number);
    return negative ? -magnitude : magnitude;
  }
  return Number(text.slice(start, end));
}

function startsLikeNumber(c: number): boolean {
  return (c >= ZERO && c <= NINE) || c === MINUS || c === PLUS || c === DOT;
}

function lineEnd(text: string, pos: number): number {
  let stop = text.indexOf('\n', pos);
  if (stop === -1) stop = text.length;
  return stop > pos && text.charCodeAt(stop - 1) === RETURN ? stop - 1 : stop;
}

function skipNewline(text: string, stop: number): number {
  if (text.charCodeAt(stop) === RETURN) stop++;
  return text.charCodeAt(stop) === NEWLINE ? stop + 1 : stop;
}

function countLines(text: string, pos: number): number {
  let count = 1;
  for (let i = text.indexOf('\n', pos); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function columnCountError(text: string, start: number, stop: number, line: number): CsvParseError {
  let count = 1;
  for (let i = start; i < stop; i++) if (text.charCodeAt(i) === COMMA) count++;
  return new CsvParseError({
    line,
    column: null,
    message: `Invalid CSV line ${line}: expected 6 columns (${BAR_CSV_HEADER}), received ${count}.`,
  });
}
