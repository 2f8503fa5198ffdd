import { Worker } from 'node:worker_threads';
import type { BarColumns } from '@ares/features';
import type { DeepReadonly } from '@ares/pipeline-kit';
import type { MarketData } from '../backtest/loadMarketData.js';
import type { BacktestConfig } from '../config/BacktestConfigSchema.js';
import type { TrialResult, TrialScoring, TrialSpec } from './runTrial.js';

/** What each worker receives once: the config, the bars as columns, and the scoring. */
export interface TrialWorkerData {
  readonly config: DeepReadonly<BacktestConfig>;
  readonly columns: BarColumns<Float64Array>;
  readonly timeframe: string;
  readonly timeframeMs: number;
  readonly description: string;
  readonly scoring: TrialScoring;
}

export interface TrialPoolOptions {
  /** The built worker entry (`dist/optimize/trialWorker.js`). */
  readonly workerFile: string | URL;
  readonly workers: number;
  readonly config: DeepReadonly<BacktestConfig>;
  readonly data: MarketData;
  readonly scoring: TrialScoring;
}

export interface RunTrialsOptions {
  /** Called as each trial completes (completion order); used for checkpoints and progress. */
  readonly onResult?: (result: TrialResult) => void;
  /** Stops handing out trials; the ones running finish and are reported, then `run` rejects with the reason. */
  readonly signal?: AbortSignal;
}

/**
 * Runs trials on worker threads. Each trial is a pure function of its spec, and `run` returns the results
 * in the order of the specs, so the outcome does not depend on the number of workers or on timing.
 * A worker that dies makes its trial `failed` and is replaced; the other trials continue.
 */
export class TrialPool {
  readonly #workers: Worker[];
  readonly #file: string | URL;
  readonly #workerData: TrialWorkerData;

  constructor(options: TrialPoolOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1) {
      throw new RangeError(`Invalid "workers": expected an integer >= 1, received "${options.workers}".`);
    }
    const { series, timeframe, timeframeMs, description } = options.data;
    const columns = { timestamp: series.timestamp, open: series.open, high: series.high, low: series.low, close: series.close, volume: series.volume };
    this.#file = options.workerFile;
    this.#workerData = { config: options.config, columns, timeframe, timeframeMs, description, scoring: options.scoring };
    this.#workers = Array.from({ length: options.workers }, () => this.#spawn());
  }

  async run(trials: readonly TrialSpec[], options: RunTrialsOptions = {}): Promise<TrialResult[]> {
    const results: TrialResult[] = new Array(trials.length);
    let next = 0;
    const drain = async (slot: number): Promise<void> => {
      while (next < trials.length && options.signal?.aborted !== true) {
        const position = next++;
        const result = await this.#execute(slot, trials[position] as TrialSpec);
        results[position] = result;
        options.onResult?.(result);
      }
    };
    await Promise.all(this.#workers.map((_, slot) => drain(slot)));
    options.signal?.throwIfAborted();
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #spawn(): Worker {
    return new Worker(this.#file, { workerData: this.#workerData });
  }

  #execute(slot: number, trial: TrialSpec): Promise<TrialResult> {
    const worker = this.#workers[slot] as Worker;
    return new Promise((resolve) => {
      const onMessage = (result: TrialResult): void => {
        worker.off('error', onError);
        resolve(result);
      };
      const onError = (error: Error): void => {
        worker.off('message', onMessage);
        this.#workers[slot] = this.#spawn();
        resolve({ index: trial.index, point: trial.point, status: 'failed', error: `worker died: ${error.message}` });
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.postMessage(trial);
    });
  }
}
