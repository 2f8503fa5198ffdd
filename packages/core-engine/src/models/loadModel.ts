import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type FeatureSpec, type FeatureSpecInput, parseFeatureSpec, specHash } from '@ares/features';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { describeValue, type ModelMetadata, parseModelMetadata } from './ModelMetadataSchema.js';
import { ModelValidationError, type ModelValidationIssue } from './ModelValidationError.js';
import { unwrapZipMap } from './unwrapZipMap.js';

export interface LoadModelOptions {
  /** The ONNX file. */
  readonly onnxPath: string;
  /** The metadata JSON. Default: beside the ONNX file, same name with `.json` (`model.onnx` → `model.json`). */
  readonly metadataPath?: string;
  /** The engine's feature spec: a model trained on another spec (different `specHash`) is refused. */
  readonly expectedFeatureSpec?: FeatureSpecInput | FeatureSpec;
  /** Refuse a model of the other kind. */
  readonly expectedKind?: 'classifier' | 'policy';
}

/** A validated, warmed-up model: its metadata and an onnxruntime session ready for single-row inference. */
export interface LoadedModel {
  readonly metadata: ModelMetadata;
  /** `name@version`. */
  readonly id: string;
  readonly session: InferenceSession;
  /** The graph input fed: the metadata's, or the session's only input. */
  readonly inputName: string;
  /** The feature columns the model reads, in input order. */
  readonly featureColumns: readonly string[];
  /** Input width: the features, plus the position encoding of a policy. */
  readonly inputWidth: number;
  /** The output the signal reads: the probability tensor or the action logits / Q-values (the metadata's, or the session's only output). */
  readonly outputName: string;
  /** Columns of that output. */
  readonly outputWidth: number;
  /** Releases the native session. The model must not be used afterwards. */
  release(): Promise<void>;
}

/** One thread: per-tick inference on a tiny graph is slower and jitterier through a thread pool. */
const SESSION_OPTIONS: InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
};

/** `model.onnx` → `model.json`. */
export function metadataPathFor(onnxPath: string): string {
  const parsed = path.parse(onnxPath);
  return path.join(parsed.dir, `${parsed.name}.json`);
}

/** SHA-256 (hex) of bytes: the content hash recorded in a model's metadata. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Emitted (non-hidden) feature names of a spec, in column order. */
export function featureColumnsOf(spec: FeatureSpec): string[] {
  return spec.features.filter((f) => !f.hidden).map((f) => f.name);
}

/** Extra observation columns a policy's position encoding adds. */
export function positionEncodingWidth(metadata: ModelMetadata): number {
  const encoding = metadata.policy?.positionEncoding ?? 'none';
  return encoding === 'one-hot' ? 3 : encoding === 'scalar' ? 1 : 0;
}

/**
 * Loads an ONNX model with its metadata, validates every declared fact against the file and the
 * session, and warms the session up with one run, so the first real tick pays no lazy initialisation.
 * The file is read once: its hash and the session come from the same bytes.
 * @throws ModelValidationError naming the field, what was expected and what was found.
 */
export async function loadModel(options: LoadModelOptions): Promise<LoadedModel> {
  const metadataPath = options.metadataPath ?? metadataPathFor(options.onnxPath);
  const metadata = parseModelMetadata(await readJson(metadataPath), metadataPath);
  const refuse = (issue: ModelValidationIssue, hint?: string, cause?: unknown): never => {
    throw new ModelValidationError({ path: options.onnxPath, issues: [issue], hint, cause });
  };

  if (options.expectedKind !== undefined && metadata.kind !== options.expectedKind) {
    refuse({ field: 'kind', expected: `"${options.expectedKind}"`, found: `"${metadata.kind}"` });
  }
  if (options.expectedFeatureSpec !== undefined) {
    const engineHash = specHash(options.expectedFeatureSpec);
    if (engineHash !== metadata.specHash) {
      const engineColumns = featureColumnsOf(parseFeatureSpec(options.expectedFeatureSpec));
      refuse(
        { field: 'specHash', expected: `the engine's feature spec "${engineHash}" (${engineColumns.length} columns)`, found: `"${metadata.specHash}" (${featureColumnsOf(metadata.featureSpec).length} columns)` },
        'The model was trained on other features; retrain it or configure the engine with its feature spec.',
      );
    }
  }

  let bytes: Uint8Array;
  try {
    bytes = await readFile(options.onnxPath);
  } catch (error) {
    return refuse({ field: 'onnxPath', expected: 'a readable ONNX file', found: describeValue((error as Error).message) }, undefined, error);
  }
  const hash = sha256Hex(bytes);
  if (hash !== metadata.sha256) {
    refuse({ field: 'sha256', expected: `"${metadata.sha256}"`, found: `"${hash}"` }, 'The ONNX file is corrupt or was altered after its metadata was written.');
  }

  const classifier = metadata.classifier;
  let unwrapped: { bytes: Uint8Array; tensorOutput: string; zipMapOutput: string } | undefined;
  if (classifier?.unwrapZipMap === true) {
    try {
      const result = unwrapZipMap(bytes, classifier.probabilityOutput);
      if (result !== undefined) unwrapped = { ...result, zipMapOutput: classifier.probabilityOutput };
    } catch {
      // Not decodable as ONNX: the session below reports it.
    }
  }

  let session: InferenceSession;
  try {
    session = await InferenceSession.create(unwrapped?.bytes ?? bytes, SESSION_OPTIONS);
  } catch (error) {
    return refuse({ field: 'onnx', expected: 'a valid ONNX model', found: describeValue(String((error as Error).message)) }, undefined, error);
  }
  try {
    return await validateSession(options.onnxPath, metadata, session, unwrapped);
  } catch (error) {
    await session.release();
    throw error;
  }
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ModelValidationError({ path: file, issues: [{ field: 'metadataPath', expected: 'a readable metadata JSON file', found: describeValue((error as Error).message) }], cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ModelValidationError({ path: file, issues: [{ field: '(root)', expected: 'JSON', found: describeValue((error as Error).message) }], cause: error });
  }
}

/** `unwrapped`: the ZipMap output was replaced by its input tensor (`classifier.unwrapZipMap`). */
async function validateSession(file: string, metadata: ModelMetadata, session: InferenceSession, unwrapped?: { tensorOutput: string; zipMapOutput: string }): Promise<LoadedModel> {
  const issues: ModelValidationIssue[] = [];
  let hint: string | undefined;
  const featureColumns = featureColumnsOf(metadata.featureSpec);
  const inputWidth = featureColumns.length + positionEncodingWidth(metadata);
  const normalization = metadata.policy?.normalization;

  const declaredWidth = metadata.input.shape[1];
  if (declaredWidth !== inputWidth) {
    issues.push({ field: 'input.shape', expected: `[N, ${inputWidth}] (${featureColumns.length} features${inputWidth > featureColumns.length ? ' + position encoding' : ''})`, found: describeValue(metadata.input.shape) });
  }
  if (normalization !== undefined && normalization.mean.length !== inputWidth) {
    issues.push({ field: 'policy.normalization.mean', expected: `${inputWidth} values (the observation width)`, found: `${normalization.mean.length}` });
  }
  // Exports name inputs and outputs differently (SB3 by version): a single one is taken from the session.
  const inputName = metadata.input.name ?? (session.inputNames.length === 1 ? (session.inputNames[0] as string) : '');
  const input = session.inputMetadata[session.inputNames.indexOf(inputName)];
  if (input === undefined) {
    issues.push({ field: 'input.name', expected: `one of the session's inputs (${session.inputNames.join(', ')})`, found: describeValue(metadata.input.name) });
  } else if (input.isTensor) {
    const sessionWidth = input.shape[input.shape.length - 1];
    if (input.type !== 'float32') issues.push({ field: 'input', expected: 'a float32 tensor', found: `a ${input.type} tensor` });
    if (input.shape.length !== 2 || (typeof sessionWidth === 'number' && sessionWidth !== inputWidth)) {
      issues.push({ field: 'input.shape', expected: `[N, ${inputWidth}] in the graph`, found: describeValue(input.shape) });
    }
  }
  for (const name of metadata.outputs) {
    if (name !== unwrapped?.zipMapOutput && !session.outputNames.includes(name)) {
      issues.push({ field: 'outputs', expected: `outputs of the session (${session.outputNames.join(', ')})`, found: `"${name}"` });
    }
  }

  const declaredOutput = unwrapped?.tensorOutput ?? metadata.classifier?.probabilityOutput ?? metadata.policy?.actionOutput;
  const outputName = declaredOutput ?? (session.outputNames.length === 1 ? (session.outputNames[0] as string) : '');
  const outputWidth = expectedOutputWidth(metadata);
  const output = session.outputMetadata[session.outputNames.indexOf(outputName)];
  if (output === undefined && !metadata.outputs.includes(outputName)) {
    const field = metadata.kind === 'classifier' ? 'classifier.probabilityOutput' : 'policy.actionOutput';
    issues.push({ field, expected: `one of the session's outputs (${session.outputNames.join(', ')})`, found: describeValue(declaredOutput) });
  } else if (output !== undefined && !output.isTensor) {
    const tensors = session.outputMetadata.filter((o) => o.isTensor).map((o) => o.name);
    issues.push({ field: `${metadata.kind}.${metadata.kind === 'classifier' ? 'probabilityOutput' : 'actionOutput'}`, expected: 'a tensor output', found: `"${outputName}", a sequence of maps (ZipMap)` });
    hint = `onnxruntime-node cannot return ZipMap outputs: export with zipmap disabled (skl2onnx options {zipmap: False}), point the metadata at the probability tensor${tensors.length > 0 ? ` (tensor outputs: ${tensors.join(', ')})` : ''}, or set "classifier.unwrapZipMap": true to read the tensor the ZipMap zips.`;
  } else if (output?.isTensor === true) {
    const width = output.shape[output.shape.length - 1];
    if (typeof width === 'number' && width !== outputWidth) {
      issues.push({ field: `${metadata.kind}.output`, expected: `[N, ${outputWidth}] (${outputLayoutName(metadata)})`, found: describeValue(output.shape) });
    }
  }
  const [first, ...rest] = issues;
  if (first !== undefined) throw new ModelValidationError({ path: file, issues: [first, ...rest], hint });

  // Warm-up: the first run allocates and plans; it also checks the real output width of dynamic shapes.
  const feeds = { [inputName]: new Tensor('float32', new Float32Array(inputWidth), [1, inputWidth]) };
  let result: InferenceSession.ReturnType;
  try {
    result = await session.run(feeds, [outputName]);
  } catch (error) {
    throw new ModelValidationError({ path: file, issues: [{ field: 'onnx', expected: 'a model that runs on one zero row', found: describeValue((error as Error).message) }], cause: error });
  }
  const dims = result[outputName]?.dims ?? [];
  if (dims.length !== 2 || dims[0] !== 1 || dims[1] !== outputWidth) {
    throw new ModelValidationError({ path: file, issues: [{ field: `${metadata.kind}.output`, expected: `[1, ${outputWidth}] for one row (${outputLayoutName(metadata)})`, found: describeValue(dims) }] });
  }
  return {
    metadata,
    id: `${metadata.name}@${metadata.version}`,
    session,
    inputName,
    featureColumns,
    inputWidth,
    outputName,
    outputWidth,
    release: () => session.release(),
  };
}

function expectedOutputWidth(metadata: ModelMetadata): number {
  const classifier = metadata.classifier;
  if (classifier === undefined) return metadata.policy?.actionTargets.length ?? 0;
  if (classifier.layout === 'two-class') return 2;
  if (classifier.layout === 'positive-class') return 1;
  return classifier.classTargets?.length ?? 0;
}

function outputLayoutName(metadata: ModelMetadata): string {
  if (metadata.classifier !== undefined) return `${metadata.classifier.layout} layout`;
  return `one ${metadata.policy?.output === 'q-values' ? 'Q-value' : 'logit'} per action`;
}
