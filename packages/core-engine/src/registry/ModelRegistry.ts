import { copyFile, mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { specHash } from '@ares/features';
import { loadModel, sha256Hex } from '../models/loadModel.js';
import { type ModelMetadata, type ModelMetadataInput, parseModelMetadata } from '../models/ModelMetadataSchema.js';
import { ModelRegistryError } from './ModelRegistryError.js';
import { writeFileAtomic } from './writeFileAtomic.js';

export type ModelPointerName = 'champion' | 'challenger';

/** Metadata to register: the hashes are computed from the file and the spec (given ones must match). */
export type RegisterMetadata = Omit<ModelMetadataInput, 'sha256' | 'specHash'> & { sha256?: string; specHash?: string };

/** Where one registered version lives. */
export interface RegisteredModel {
  readonly name: string;
  readonly version: string;
  readonly onnxPath: string;
  readonly metadataPath: string;
}

export interface ModelVersionDescription extends RegisteredModel {
  readonly metadata: ModelMetadata;
  readonly isChampion: boolean;
  readonly isChallenger: boolean;
}

export interface ModelListing {
  readonly name: string;
  /** Registered versions, sorted. */
  readonly versions: readonly string[];
  readonly champion: string | undefined;
  readonly challenger: string | undefined;
}

const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * A folder of versioned models:
 * ```
 * <root>/<name>/<version>/model.onnx, model.json
 * <root>/<name>/champion.json, challenger.json   pointers {"name", "version"}, replaced atomically
 * <root>/<name>/history.json                     previous champions, oldest first
 * ```
 * A version folder is complete or absent (written aside, then renamed in) and never overwritten.
 * Pointer changes go through temp file + fsync + rename, so a reader (a hot-swap watcher, another
 * process) always parses a whole pointer. Operations of one registry object run one at a time.
 */
export class ModelRegistry {
  readonly root: string;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(root: string) {
    this.root = root;
  }

  /** The pointer file of a model, e.g. for watching. */
  pointerPath(name: string, pointer: ModelPointerName): string {
    return path.join(this.root, checkIdentifier('name', name), `${pointer}.json`);
  }

  /**
   * Copies a model in as `<name>/<metadata.version>`: computes its sha256, validates the metadata and
   * loads the ONNX file once (a registry holds only loadable models).
   * @throws ModelRegistryError `version-exists` (versions are immutable) or `invalid-name`; ModelValidationError for a bad model.
   */
  register(name: string, onnxPath: string, metadata: RegisterMetadata): Promise<RegisteredModel> {
    return this.#serial(async () => {
      checkIdentifier('name', name);
      if (metadata.name !== name) {
        throw new ModelRegistryError({ reason: 'invalid-name', message: `Invalid "metadata.name": expected "${name}", received "${metadata.name}".` });
      }
      const version = checkIdentifier('version', metadata.version);
      const target = this.#versionDir(name, version);
      if (await exists(target)) {
        throw new ModelRegistryError({ reason: 'version-exists', message: `Model "${name}" version "${version}" is already registered; versions are immutable: register a new version.` });
      }
      const bytes = await readFile(onnxPath);
      const full = parseModelMetadata(
        { ...metadata, sha256: metadata.sha256 ?? sha256Hex(bytes), specHash: metadata.specHash ?? specHash(metadata.featureSpec) },
        `${name}/${version}/model.json`,
      );
      const staging = path.join(this.root, name, `.staging-${version}-${process.pid}`);
      await rm(staging, { recursive: true, force: true });
      await mkdir(staging, { recursive: true });
      try {
        await copyFile(onnxPath, path.join(staging, 'model.onnx'));
        await writeFile(path.join(staging, 'model.json'), `${JSON.stringify(full, null, 2)}\n`);
        // Refuses a hash mismatch (a file changed while copying) and anything onnxruntime cannot run.
        const loaded = await loadModel({ onnxPath: path.join(staging, 'model.onnx') });
        await loaded.release();
        await rename(staging, target);
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        throw error;
      }
      return this.#registered(name, version);
    });
  }

  /** Every model (or one), with versions and pointers. */
  async list(name?: string): Promise<ModelListing[]> {
    const names = name === undefined ? await subfolders(this.root) : [await this.#knownModel(name)];
    return Promise.all(
      names.map(async (n) => ({
        name: n,
        versions: await subfolders(path.join(this.root, n)),
        champion: await this.#readPointer(n, 'champion'),
        challenger: await this.#readPointer(n, 'challenger'),
      })),
    );
  }

  /** One version's metadata and whether it is champion or challenger. */
  async describe(name: string, version: string): Promise<ModelVersionDescription> {
    const registered = await this.#knownVersion(name, version);
    const metadata = parseModelMetadata(JSON.parse(await readFile(registered.metadataPath, 'utf8')), registered.metadataPath);
    return {
      ...registered,
      metadata,
      isChampion: (await this.#readPointer(name, 'champion')) === version,
      isChallenger: (await this.#readPointer(name, 'challenger')) === version,
    };
  }

  /** Points `challenger` at a registered version. */
  setChallenger(name: string, version: string): Promise<RegisteredModel> {
    return this.#serial(async () => {
      const registered = await this.#knownVersion(name, version);
      await this.#writePointer(name, 'challenger', version);
      return registered;
    });
  }

  /**
   * Challenger becomes champion; the previous champion goes to the history, the challenger pointer is removed.
   * @throws ModelRegistryError `no-pointer` when there is no challenger.
   */
  promote(name: string): Promise<{ champion: string; previous: string | undefined }> {
    return this.#serial(async () => {
      await this.#knownModel(name);
      const challenger = await this.#readPointer(name, 'challenger');
      if (challenger === undefined) throw new ModelRegistryError({ reason: 'no-pointer', message: `Model "${name}" has no challenger to promote; call setChallenger first.` });
      const previous = await this.#readPointer(name, 'champion');
      if (previous !== undefined && previous !== challenger) await this.#writeHistory(name, [...(await this.#readHistory(name)), previous]);
      await this.#writePointer(name, 'champion', challenger);
      await unlink(this.pointerPath(name, 'challenger'));
      return { champion: challenger, previous };
    });
  }

  /**
   * The previous champion comes back (the last history entry that differs from the current one).
   * @throws ModelRegistryError `no-history` when there is none.
   */
  rollback(name: string): Promise<{ champion: string; previous: string | undefined }> {
    return this.#serial(async () => {
      await this.#knownModel(name);
      const current = await this.#readPointer(name, 'champion');
      const history = (await this.#readHistory(name)).filter((v) => v !== current);
      const champion = history.pop();
      if (champion === undefined) throw new ModelRegistryError({ reason: 'no-history', message: `Model "${name}" has no previous champion to roll back to.` });
      await this.#writePointer(name, 'champion', champion);
      await this.#writeHistory(name, history);
      return { champion, previous: current };
    });
  }

  /** Previous champions, oldest first. */
  async history(name: string): Promise<string[]> {
    await this.#knownModel(name);
    return this.#readHistory(name);
  }

  /**
   * The version a pointer names, with its file paths.
   * @throws ModelRegistryError `unknown-model`, or `no-pointer` when the pointer is not set.
   */
  async resolve(name: string, pointer: ModelPointerName): Promise<RegisteredModel> {
    await this.#knownModel(name);
    const version = await this.#readPointer(name, pointer);
    if (version === undefined) throw new ModelRegistryError({ reason: 'no-pointer', message: `Model "${name}" has no ${pointer}.` });
    return this.#registered(name, version);
  }

  /**
   * Where a registered version's files are.
   * @throws ModelRegistryError `unknown-model` or `unknown-version`.
   */
  resolveVersion(name: string, version: string): Promise<RegisteredModel> {
    return this.#knownVersion(name, version);
  }

  #serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(operation, operation);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #versionDir(name: string, version: string): string {
    return path.join(this.root, name, version);
  }

  #registered(name: string, version: string): RegisteredModel {
    const dir = this.#versionDir(name, version);
    return { name, version, onnxPath: path.join(dir, 'model.onnx'), metadataPath: path.join(dir, 'model.json') };
  }

  async #knownModel(name: string): Promise<string> {
    checkIdentifier('name', name);
    if (!(await exists(path.join(this.root, name)))) {
      throw new ModelRegistryError({ reason: 'unknown-model', message: `Unknown model "${name}" in registry "${this.root}".` });
    }
    return name;
  }

  async #knownVersion(name: string, version: string): Promise<RegisteredModel> {
    await this.#knownModel(name);
    checkIdentifier('version', version);
    if (!(await exists(this.#versionDir(name, version)))) {
      const versions = await subfolders(path.join(this.root, name));
      throw new ModelRegistryError({ reason: 'unknown-version', message: `Unknown version "${version}" of model "${name}"; registered: ${versions.join(', ') || 'none'}.` });
    }
    return this.#registered(name, version);
  }

  async #readPointer(name: string, pointer: ModelPointerName): Promise<string | undefined> {
    const file = this.pointerPath(name, pointer);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const parsed = safeJson(text) as { version?: unknown } | undefined;
    if (typeof parsed?.version !== 'string') throw new ModelRegistryError({ reason: 'corrupt-pointer', message: `Invalid pointer "${file}": expected {"version": "..."}, received "${text.slice(0, 80)}".` });
    return parsed.version;
  }

  #writePointer(name: string, pointer: ModelPointerName, version: string): Promise<void> {
    return writeFileAtomic(this.pointerPath(name, pointer), `${JSON.stringify({ name, version })}\n`);
  }

  async #readHistory(name: string): Promise<string[]> {
    try {
      const parsed = safeJson(await readFile(path.join(this.root, name, 'history.json'), 'utf8')) as { champions?: unknown } | undefined;
      return Array.isArray(parsed?.champions) ? parsed.champions.filter((v): v is string => typeof v === 'string') : [];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  #writeHistory(name: string, champions: readonly string[]): Promise<void> {
    return writeFileAtomic(path.join(this.root, name, 'history.json'), `${JSON.stringify({ champions }, null, 2)}\n`);
  }
}

function checkIdentifier(what: 'name' | 'version', value: string): string {
  if (!IDENTIFIER.test(value)) {
    throw new ModelRegistryError({ reason: 'invalid-name', message: `Invalid "${what}": expected letters, digits, ".", "_" or "-", starting with a letter or digit, received "${value}".` });
  }
  return value;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Sub-folders, sorted, skipping dot-folders (staging areas). */
async function subfolders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
