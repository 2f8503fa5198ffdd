import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { specHash } from '@ares/features';
import { sha256Hex } from '../loadModel.js';
import type { ModelMetadataInput } from '../ModelMetadataSchema.js';

/** Metadata without the two hashes, which are computed from the bytes and the spec. */
export type UnhashedMetadata = Omit<ModelMetadataInput, 'sha256' | 'specHash'>;

export interface ModelFiles {
  readonly onnxPath: string;
  readonly metadataPath: string;
  readonly metadata: ModelMetadataInput;
}

/** Writes `<dir>/<baseName>.onnx` and its metadata `<dir>/<baseName>.json`, filling `sha256` and `specHash`. */
export async function writeModelFiles(dir: string, bytes: Uint8Array, metadata: UnhashedMetadata, baseName = 'model'): Promise<ModelFiles> {
  await mkdir(dir, { recursive: true });
  const onnxPath = path.join(dir, `${baseName}.onnx`);
  const metadataPath = path.join(dir, `${baseName}.json`);
  const full: ModelMetadataInput = { ...metadata, sha256: sha256Hex(bytes), specHash: specHash(metadata.featureSpec) };
  await writeFile(onnxPath, bytes);
  await writeFile(metadataPath, `${JSON.stringify(full, null, 2)}\n`);
  return { onnxPath, metadataPath, metadata: full };
}
