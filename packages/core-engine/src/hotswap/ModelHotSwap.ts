import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';
import type { FeatureSpec, FeatureSpecInput } from '@ares/features';
import type { Clock, Notifier } from '@ares/pipeline-kit';
import { ClassifierSignal } from '../models/ClassifierSignal.js';
import { type LoadedModel, loadModel } from '../models/loadModel.js';
import { PolicySignal } from '../models/PolicySignal.js';
import type { ModelPointerName, ModelRegistry } from '../registry/ModelRegistry.js';
import { ModelRegistryError } from '../registry/ModelRegistryError.js';
import type { SignalSource } from '../signal/SignalSource.js';

/** What the hot-swap drives: `TradingEngine` satisfies it (the swap lands between two ticks). */
export interface SignalSourceTarget {
  setSignalSource(source: SignalSource): void;
}

export type HotSwapOutcome =
  | { readonly status: 'swapped'; readonly id: string; readonly previous: string | undefined }
  | { readonly status: 'unchanged'; readonly id: string }
  | { readonly status: 'failed'; readonly version: string; readonly error: Error };

export interface ModelHotSwapOptions {
  /** The engine whose signal source is replaced. */
  readonly engine: SignalSourceTarget;
  readonly registry: ModelRegistry;
  /** Model name in the registry. */
  readonly name: string;
  /** The pointer followed by `start()`. Default `champion`. */
  readonly pointer?: ModelPointerName;
  /** The engine's feature spec: a model trained on another is refused before it gets near the engine. */
  readonly expectedFeatureSpec: FeatureSpecInput | FeatureSpec;
  /** The model the engine runs now, if it came from elsewhere; it is released after it has been replaced. */
  readonly current?: LoadedModel;
  /** Polls the pointer on this clock's timer (`start()`). Without it only `fs.watch` and explicit calls swap. */
  readonly clock?: Clock;
  /** Poll interval, ms. Default 5000. */
  readonly pollIntervalMs?: number;
  /** Also react at once to pointer changes through `fs.watch` (not reliable on every file system; polling stays the backstop). Default true. */
  readonly watch?: boolean;
  /** Alerts: a failed swap is sent as an `error` event. */
  readonly notifier?: Notifier;
  /** Builds the signal source of a loaded model. Default `ClassifierSignal` or `PolicySignal` by kind. */
  readonly createSource?: (model: LoadedModel) => SignalSource;
  /** Called after each swap. */
  readonly onSwap?: (outcome: Extract<HotSwapOutcome, { status: 'swapped' }>) => void;
  /** Called when a model was refused; the current model keeps trading. */
  readonly onError?: (outcome: Extract<HotSwapOutcome, { status: 'failed' }>) => void;
}

/**
 * Replaces the engine's model without stopping it. `swapTo(version)` (or a pointer change seen by
 * polling / `fs.watch`) loads, validates (hash, shapes, feature spec) and warms the model up off the hot
 * path, then hands the new source to `engine.setSignalSource`, which applies it between two ticks:
 * every tick runs entirely on one model. A model that fails any step is refused with an alert and the
 * current one keeps trading. Swaps run one at a time; a replaced model is released at the next swap or
 * at `stop()`, once no tick can still be using it.
 */
export class ModelHotSwap {
  readonly #options: ModelHotSwapOptions;
  readonly #pointer: ModelPointerName;
  #current: LoadedModel | undefined;
  #retired: LoadedModel | undefined;
  /** A pointer version that failed: not retried until the pointer moves. */
  #failedVersion: string | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #watcher: FSWatcher | undefined;
  #timerName: string;

  constructor(options: ModelHotSwapOptions) {
    this.#options = options;
    this.#pointer = options.pointer ?? 'champion';
    this.#current = options.current;
    this.#timerName = `model-hot-swap:${options.name}:${this.#pointer}`;
  }

  /** The model now handed to the engine. */
  get current(): LoadedModel | undefined {
    return this.#current;
  }

  /** Follows the pointer: swaps to it now if it differs, then on every poll and watch event. */
  async start(): Promise<HotSwapOutcome | undefined> {
    const { clock, pollIntervalMs = 5000 } = this.#options;
    clock?.setTimer(this.#timerName, pollIntervalMs, () => void this.check());
    if (this.#options.watch ?? true) {
      const pointerFile = this.#options.registry.pointerPath(this.#options.name, this.#pointer);
      try {
        // Pointers are replaced by rename, so the folder is watched rather than the file.
        this.#watcher = watch(path.dirname(pointerFile), (_event, file) => {
          if (file === path.basename(pointerFile)) void this.check();
        });
        this.#watcher.on('error', () => this.#closeWatcher());
      } catch {
        this.#watcher = undefined; // Polling remains.
      }
    }
    return this.check();
  }

  /** Stops following the pointer and releases the retired model. The current model stays with the engine. */
  async stop(): Promise<void> {
    this.#options.clock?.cancelTimer(this.#timerName);
    this.#closeWatcher();
    await this.settled();
    await this.#retired?.release();
    this.#retired = undefined;
  }

  /** Resolves when no swap is in progress. */
  async settled(): Promise<void> {
    await this.#queue;
  }

  /** Reads the pointer and swaps when it names another version; `undefined` when there is nothing to do. */
  check(): Promise<HotSwapOutcome | undefined> {
    return this.#serial(async () => {
      let version: string;
      try {
        version = (await this.#options.registry.resolve(this.#options.name, this.#pointer)).version;
      } catch (error) {
        // No pointer yet is not an incident: nothing to follow until one is set.
        if (ModelRegistryError.isInstance(error) && error.reason === 'no-pointer') return undefined;
        return this.#fail('(pointer)', error);
      }
      if (version === this.#current?.metadata.version || version === this.#failedVersion) return undefined;
      return this.#swap(version);
    });
  }

  /** Loads `version` of the model and swaps to it (explicit operator call). Never rejects. */
  swapTo(version: string): Promise<HotSwapOutcome> {
    return this.#serial(() => this.#swap(version));
  }

  async #swap(version: string): Promise<HotSwapOutcome> {
    const { registry, name, engine } = this.#options;
    if (version === this.#current?.metadata.version) return { status: 'unchanged', id: this.#current.id };
    let model: LoadedModel | undefined;
    try {
      const files = await registry.resolveVersion(name, version);
      model = await loadModel({ onnxPath: files.onnxPath, metadataPath: files.metadataPath, expectedFeatureSpec: this.#options.expectedFeatureSpec });
      const source = (this.#options.createSource ?? defaultSource)(model);
      engine.setSignalSource(source);
    } catch (error) {
      await model?.release();
      return this.#fail(version, error);
    }
    // The model replaced by the previous swap can no longer be in use: the engine switched before this swap's ticks.
    await this.#retired?.release();
    const previous = this.#current;
    this.#retired = previous;
    this.#current = model;
    this.#failedVersion = undefined;
    const outcome = { status: 'swapped', id: model.id, previous: previous?.id } as const;
    this.#options.onSwap?.(outcome);
    return outcome;
  }

  #fail(version: string, error: unknown): HotSwapOutcome {
    const cause = error instanceof Error ? error : new Error(String(error));
    if (version !== '(pointer)') this.#failedVersion = version;
    const outcome = { status: 'failed', version, error: cause } as const;
    const keeping = this.#current === undefined ? 'no model loaded' : `keeping "${this.#current.id}"`;
    this.#options.notifier?.notify({ type: 'error', source: 'model-hot-swap', message: `Model "${this.#options.name}" version "${version}" refused, ${keeping}: ${cause.message}` });
    this.#options.onError?.(outcome);
    return outcome;
  }

  #serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(operation, operation);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #closeWatcher(): void {
    this.#watcher?.close();
    this.#watcher = undefined;
  }
}

function defaultSource(model: LoadedModel): SignalSource {
  return model.metadata.kind === 'classifier' ? new ClassifierSignal(model) : new PolicySignal(model);
}
