import { parentPort, workerData } from 'node:worker_threads';
import { BarSeries } from '@ares/features';
import { loadCustomObjective } from './customObjective.js';
import { runTrial, type TrialResult, type TrialSpec } from './runTrial.js';
import type { TrialWorkerData } from './TrialPool.js';

// Worker-thread entry of TrialPool: rebuilds the bars (and loads a custom objective) once, then answers
// each TrialSpec with its TrialResult. An objective that fails to load fails every trial with its message.
const { config, columns, timeframe, timeframeMs, description, scoring } = workerData as TrialWorkerData;
const data = { series: BarSeries.fromColumns(columns), timeframe, timeframeMs, description };
const customObjective = scoring.customObjective === undefined ? Promise.resolve(undefined) : loadCustomObjective(scoring.customObjective);
// Handled per trial below; without this a failed load before the first trial would kill the worker.
customObjective.catch(() => undefined);
parentPort?.on('message', (trial: TrialSpec) => {
  void customObjective
    .then((objective) => runTrial(config, data, trial, scoring, objective))
    .catch((error: unknown): TrialResult => ({ index: trial.index, point: trial.point, status: 'failed', error: error instanceof Error ? error.message : String(error) }))
    .then((result) => parentPort?.postMessage(result));
});
