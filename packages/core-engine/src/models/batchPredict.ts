import { Tensor } from 'onnxruntime-node';
import { type DirectionProbabilities, readDirectionProbabilities } from './classifierDecision.js';
import { copyFiniteRow } from './copyFiniteRow.js';
import type { LoadedModel } from './loadModel.js';
import { ModelValidationError } from './ModelValidationError.js';

/** A row-major feature matrix, e.g. `compileBatch(spec)(series)` from @ares/features. */
export interface FeatureRows {
  readonly values: Float64Array;
  readonly rows: number;
  /** Column names; when given they must be the model's feature columns, in order. */
  readonly columns?: readonly string[];
}

/** A classifier's p(long) and p(short) per row; NaN where a feature was not finite (model not run on it). */
export interface ClassifierPredictions {
  readonly rows: number;
  readonly long: Float64Array;
  readonly short: Float64Array;
}

export interface BatchPredictOptions {
  /** Rows per `session.run`. Default 4096. */
  readonly chunkRows?: number;
}

/**
 * Runs a classifier over a whole feature matrix in chunks (one `session.run` per chunk instead of per
 * bar), for backtests. Feeds the same float32 values as per-tick inference, row by row, so a tree
 * ensemble gives bitwise the same probabilities.
 * @throws ModelValidationError when the model is not a classifier or the matrix's columns differ from the model's.
 */
export async function batchPredict(model: LoadedModel, matrix: FeatureRows, options: BatchPredictOptions = {}): Promise<ClassifierPredictions> {
  const spec = model.metadata.classifier;
  const width = model.inputWidth;
  const refuse = (field: string, expected: string, found: string): never => {
    throw new ModelValidationError({ path: model.id, issues: [{ field, expected, found }] });
  };
  if (spec === undefined) return refuse('kind', '"classifier" (a policy observation depends on the position, bar by bar)', `"${model.metadata.kind}"`);
  if (matrix.columns !== undefined && matrix.columns.join(',') !== model.featureColumns.join(',')) {
    refuse('matrix.columns', `the model's columns (${model.featureColumns.join(', ')})`, `(${matrix.columns.join(', ')})`);
  }
  if (matrix.values.length !== matrix.rows * width) refuse('matrix.values', `${matrix.rows} × ${width} values`, `${matrix.values.length}`);
  const chunkRows = model.session.inputMetadata[0]?.isTensor === true && model.session.inputMetadata[0].shape[0] === 1 ? 1 : Math.max(1, options.chunkRows ?? 4096);

  const long = new Float64Array(matrix.rows);
  const short = new Float64Array(matrix.rows);
  const input = new Float32Array(Math.min(chunkRows, Math.max(1, matrix.rows)) * width);
  const valid = new Uint8Array(chunkRows);
  const p: DirectionProbabilities = { long: 0, short: 0 };
  for (let start = 0; start < matrix.rows; start += chunkRows) {
    const count = Math.min(chunkRows, matrix.rows - start);
    for (let r = 0; r < count; r++) {
      valid[r] = copyFiniteRow(matrix.values, input, (start + r) * width, width, r * width) ? 1 : 0;
      if (valid[r] === 0) input.fill(0, r * width, (r + 1) * width);
    }
    const tensor = new Tensor('float32', count * width === input.length ? input : input.subarray(0, count * width), [count, width]);
    const result = await model.session.run({ [model.inputName]: tensor }, [model.outputName]);
    const data = result[model.outputName]?.data as Float32Array;
    for (let r = 0; r < count; r++) {
      if (valid[r] === 0) {
        long[start + r] = Number.NaN;
        short[start + r] = Number.NaN;
      } else {
        readDirectionProbabilities(spec, data, r, p);
        long[start + r] = p.long;
        short[start + r] = p.short;
      }
    }
  }
  return { rows: matrix.rows, long, short };
}
