// The danfojs entry point, `@ares/features/danfo`. Kept apart from the package index so that
// importing indicators never loads danfojs (and its TensorFlow.js dependency, ~2 s to load).
import { DataFrame } from 'danfojs-node';
import { BAR_COLUMNS } from '../market/Bar.js';
import { BarSeries } from '../market/BarSeries.js';
import { DataFrameConversionError } from './DataFrameConversionError.js';

export { DataFrameConversionError } from './DataFrameConversionError.js';

/** A batch of feature rows: `values[row * columns.length + column]` (row-major). */
export interface FeatureMatrix {
  readonly values: Float64Array;
  readonly columns: readonly string[];
  readonly rows: number;
}

/**
 * A DataFrame with the six bar columns in `BAR_COLUMNS` order. danfojs takes plain arrays, not
 * `Float64Array`, so each column is copied into one; the cells stay exact JavaScript numbers
 * (read them with `df.column(name).values` or `df.values`). danfojs labels them `float32`, and
 * its `tensor` export is Float32: that path rounds prices and timestamps.
 */
export function barSeriesToDataFrame(series: BarSeries): DataFrame {
  return frameFromColumns(
    BAR_COLUMNS,
    BAR_COLUMNS.map((name) => Array.from(series.column(name))),
  );
}

/**
 * Reads the six bar columns of `df` by name (other columns are ignored) into a new series; the
 * row order is kept and the values are copied exactly.
 * @throws DataFrameConversionError for a missing column or a cell that is not a number.
 */
export function dataFrameToBarSeries(df: DataFrame): BarSeries {
  const [timestamp, open, high, low, close, volume] = BAR_COLUMNS.map((name) => numberColumn(df, name)) as [
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
 * A DataFrame with one column per feature. NaN (warm-up) cells stay NaN.
 * @throws DataFrameConversionError when `values.length !== rows * columns.length` or a name repeats.
 */
export function featureMatrixToDataFrame(matrix: FeatureMatrix): DataFrame {
  const { values, columns, rows } = matrix;
  const width = columns.length;
  if (!Number.isInteger(rows) || rows < 0 || values.length !== rows * width) {
    throw new DataFrameConversionError({
      column: null,
      message: `Invalid "matrix": expected values.length = rows × columns.length = ${rows} × ${width}, received ${values.length}.`,
    });
  }
  const seen = new Set<string>();
  for (const name of columns) {
    if (seen.has(name)) {
      throw new DataFrameConversionError({ column: name, message: `Invalid "matrix.columns": expected unique names, received "${name}" twice.` });
    }
    seen.add(name);
  }
  const data = columns.map((_, c) => {
    const column = new Array<number>(rows);
    for (let r = 0; r < rows; r++) column[r] = values[r * width + c] as number;
    return column;
  });
  return frameFromColumns(columns, data);
}

/**
 * The numeric columns of `df` (all of them, or `columns` in that order) as a row-major matrix.
 * @throws DataFrameConversionError for a missing column or a cell that is not a number.
 */
export function dataFrameToFeatureMatrix(df: DataFrame, columns: readonly string[] = df.columns): FeatureMatrix {
  const rows = df.shape[0] ?? 0;
  const width = columns.length;
  const values = new Float64Array(rows * width);
  columns.forEach((name, c) => {
    const column = numberColumn(df, name);
    for (let r = 0; r < rows; r++) values[r * width + c] = column[r] as number;
  });
  return { values, columns: [...columns], rows };
}

function frameFromColumns(columns: readonly string[], data: number[][]): DataFrame {
  const dtypes = columns.map(() => 'float32');
  // danfojs cannot build an empty frame from an object of empty columns, only from an empty row list.
  if ((data[0]?.length ?? 0) === 0) return new DataFrame([], { columns: [...columns], dtypes });
  return new DataFrame(Object.fromEntries(columns.map((name, c) => [name, data[c]])), { columns: [...columns], dtypes });
}

function numberColumn(df: DataFrame, name: string): Float64Array {
  if (!df.columns.includes(name)) {
    throw new DataFrameConversionError({
      column: name,
      message: `Invalid DataFrame: expected a column "${name}", received columns ${JSON.stringify(df.columns)}.`,
    });
  }
  const cells = df.column(name).values as unknown[];
  const out = new Float64Array(cells.length);
  for (let r = 0; r < cells.length; r++) {
    const cell = cells[r];
    if (typeof cell !== 'number') {
      throw new DataFrameConversionError({
        column: name,
        row: r,
        message: `Invalid DataFrame cell at row ${r}, column "${name}": expected a number, received "${String(cell)}".`,
      });
    }
    out[r] = cell;
  }
  return out;
}
