import { parentPort, workerData } from 'node:worker_threads';
import { BarSeries } from '@ares/features';
import { runTrial, type TrialSpec } from './runTrial.js';
import type { TrialWorkerData } from './TrialPool.js';

// Worker-thread entry of TrialPool: rebuilds the bars once, then answers each TrialSpec with its TrialResult.
const { config, columns, timeframe, timeframeMs, description, scoring } = workerData as TrialWorkerData;
const data = { series: BarSeries.fromColumns(columns), timeframe, timeframeMs, description };
parentPort?.on('message', (trial: TrialSpec) => {
  void runTrial(config, data, trial, scoring).then((result) => parentPort?.postMessage(result));
});
