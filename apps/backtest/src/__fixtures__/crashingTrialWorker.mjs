// A TrialPool worker for the tests: trial 1 crashes the thread (an uncaught throw); the others score their index.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (trial) => {
  if (trial.index === 1) throw new Error(`boom at trial ${trial.index}`);
  parentPort?.postMessage({ index: trial.index, point: trial.point, status: 'ok', score: trial.index, violations: [], metrics: {}, returns: [] });
});
