import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  gridSearch,
  latinHypercube,
  type ParameterPoint,
  type ParameterStability,
  parameterStability,
  randomSearch,
  refineAround,
  type WalkForwardEfficiency,
  type WalkForwardWindow,
  walkForwardEfficiency,
  walkForwardWindows,
} from '@ares/analytics';
import { CheckpointError, type CheckpointStore, type DeepReadonly } from '@ares/pipeline-kit';
import type { MarketData } from '../backtest/loadMarketData.js';
import type { BacktestConfig } from '../config/BacktestConfigSchema.js';
import { customObjectivePath, loadCustomObjective } from './customObjective.js';
import type { ObjectiveFunction } from './scoreTrial.js';
import type { OptimizationSettings } from './OptimizationSchema.js';
import { type OverfittingReport, overfittingReport } from './overfittingReport.js';
import { runTrial, type TrialResult, type TrialScoring, type TrialSpec } from './runTrial.js';
import { TrialPool } from './TrialPool.js';

type OkTrial = Extract<TrialResult, { status: 'ok' }>;

/** Checkpoint payload: the settings' key and every completed trial, encoded so that ±Infinity survives JSON. */
export interface OptimizationCheckpoint {
  readonly key: string;
  readonly trials: readonly (readonly [string, string])[];
}

export interface StageResult {
  /** Every trial of the stage, ordered by trial index. */
  readonly trials: readonly TrialResult[];
  readonly failed: number;
  /** Trials that broke a constraint (score −Infinity). */
  readonly rejected: number;
}

export interface WalkForwardWindowResult extends WalkForwardWindow {
  /** The in-sample winner (null when no in-sample trial ran). */
  readonly chosen: ParameterPoint | null;
  readonly inSampleScore: number;
  readonly inSampleCagr: number;
  readonly outOfSample: WalkForwardWindow['outOfSample'] & { readonly cagr: number; readonly totalReturn: number };
}

export interface WalkForwardResult {
  readonly windows: readonly WalkForwardWindowResult[];
  /** Out-of-sample equity, window after window (each starts from the previous one's last value). */
  readonly stitchedTimestamps: readonly number[];
  readonly stitchedEquity: readonly number[];
  readonly efficiency: WalkForwardEfficiency;
  readonly stability: Readonly<Record<string, ParameterStability>>;
}

export interface OptimizationResult {
  readonly coarse: StageResult | null;
  readonly fine: StageResult | null;
  /** The best trial of coarse ∪ fine on the whole data. */
  readonly best: OkTrial | null;
  readonly overfitting: OverfittingReport | null;
  readonly walkForward: WalkForwardResult | null;
  /** Trials run by this call (not restored from the checkpoint). */
  readonly trialsRun: number;
}

export interface OptimizationOptions {
  readonly config: DeepReadonly<BacktestConfig>;
  readonly data: MarketData;
  readonly settings: OptimizationSettings;
  /** The built worker entry, `dist/optimize/trialWorker.js`. */
  readonly workerFile: string | URL;
  /** Completed trials are saved here and, on a rerun with the same settings and data, not run again. */
  readonly checkpoints?: CheckpointStore<OptimizationCheckpoint>;
  readonly signal?: AbortSignal;
  /** Called as each trial completes; `done` of `total` trials of the stage (restored ones included). */
  readonly onTrial?: (stage: string, result: TrialResult, done: number, total: number) => void;
  /**
   * With objective `custom`: the module already loaded by the caller (`loadCustomObjective`), for the
   * trials this thread runs (walk-forward out-of-sample); loaded here when absent. Workers load their own.
   */
  readonly customObjective?: ObjectiveFunction;
}

/** Steps of each trial's equity kept for the DSR / PBO. */
const RETURN_STEPS = 200;

/**
 * Coarse → fine → walk-forward optimization. Stage 1 samples the space (grid, seeded random or Latin
 * hypercube), stage 2 grids around the top-k of stage 1, both on the whole data; the walk-forward stage
 * repeats them on each in-sample window and backtests the winner on the following out-of-sample window.
 * Trials run on worker threads; results are ordered by trial index, so they do not depend on the workers.
 */
export async function runOptimization(options: OptimizationOptions): Promise<OptimizationResult> {
  const { config, data, settings, signal } = options;
  const objectiveFile = settings.objective === 'custom' && settings.customObjective !== undefined ? customObjectivePath(settings.customObjective) : undefined;
  // Loaded (and so validated) before any worker starts.
  const customObjective = objectiveFile === undefined ? undefined : (options.customObjective ?? (await loadCustomObjective(objectiveFile)));
  const scoring: TrialScoring = {
    objective: settings.objective,
    minTrades: settings.minTrades,
    maxDrawdown: settings.maxDrawdown,
    returnSteps: RETURN_STEPS,
    ...(objectiveFile === undefined ? {} : { customObjective: objectiveFile }),
  };
  const key = optimizationKey(config, data, settings);
  const done = await restore(options.checkpoints, key);
  let trialsRun = 0;
  let unsaved = 0;
  let saving: Promise<void> = Promise.resolve();
  let saveError: unknown;
  // Saves run one after another in the background; the first failure is rethrown at the end of the stage.
  const save = (): Promise<void> => {
    const store = options.checkpoints;
    if (store === undefined || unsaved === 0) return saving;
    unsaved = 0;
    const payload: OptimizationCheckpoint = { key, trials: [...done].map(([k, r]) => [k, encode(r)] as const) };
    saving = saving
      .then(() => store.save(payload))
      .then(() => store.prune({ keep: 2 }))
      .then(
        () => undefined,
        (error: unknown) => {
          saveError ??= error;
        },
      );
    return saving;
  };
  const pool = new TrialPool({ workerFile: options.workerFile, workers: settings.workers, config, data, scoring });

  const runStage = async (stage: string, specs: readonly TrialSpec[]): Promise<StageResult> => {
    const pending = specs.filter((s) => !done.has(`${stage}/${s.index}`));
    let completed = specs.length - pending.length;
    try {
      await pool.run(pending, {
        ...(signal === undefined ? {} : { signal }),
        onResult: (result) => {
          done.set(`${stage}/${result.index}`, result);
          trialsRun++;
          options.onTrial?.(stage, result, ++completed, specs.length);
          if (++unsaved >= settings.checkpointEvery) void save();
        },
      });
    } finally {
      await save();
    }
    if (saveError !== undefined) throw saveError;
    const trials = specs.map((s) => done.get(`${stage}/${s.index}`) as TrialResult);
    return {
      trials,
      failed: trials.filter((t) => t.status === 'failed').length,
      rejected: trials.filter((t) => t.status === 'ok' && t.score === Number.NEGATIVE_INFINITY).length,
    };
  };

  /** Coarse then (unless `coarseOnly`) fine on bars [start, end), under `prefix`. */
  const search = async (prefix: string, start: number, end: number, coarseOnly: boolean) => {
    const coarse = await runStage(`${prefix}coarse`, coarsePoints(settings).map((point, index) => ({ index, point, start, end })));
    let fine: StageResult | null = null;
    if (!coarseOnly) {
      const seen = new Set(coarse.trials.map((t) => pointKey(t.point)));
      const top = ranked(coarse.trials).map((t) => t.point);
      const points = top.length === 0 ? [] : refineAround(finerSpace(settings.space), top, { topK: settings.topK, steps: settings.fineSteps, radius: settings.fineRadius });
      fine = await runStage(`${prefix}fine`, points.filter((p) => !seen.has(pointKey(p))).map((point, index) => ({ index, point, start, end })));
    }
    return { coarse, fine, best: ranked([...coarse.trials, ...(fine?.trials ?? [])])[0] ?? null };
  };

  try {
    const n = data.series.length;
    const full = settings.stage === 'walk-forward' ? null : await search('', 0, n, settings.stage === 'coarse');
    const walkForward = settings.stage === 'walk-forward' || settings.stage === 'all' ? await runWalkForward(settings, n, search, config, data, scoring, customObjective) : null;
    return {
      coarse: full?.coarse ?? null,
      fine: full?.fine ?? null,
      best: full?.best ?? null,
      overfitting: full === null ? null : overfittingReport([...full.coarse.trials, ...(full.fine?.trials ?? [])], full.best),
      walkForward,
      trialsRun,
    };
  } finally {
    await pool.close();
  }
}

async function runWalkForward(
  settings: OptimizationSettings,
  n: number,
  search: (prefix: string, start: number, end: number, coarseOnly: boolean) => Promise<{ best: OkTrial | null }>,
  config: DeepReadonly<BacktestConfig>,
  data: MarketData,
  scoring: TrialScoring,
  customObjective: ObjectiveFunction | undefined,
): Promise<WalkForwardResult> {
  const windows = walkForwardWindows({ start: 0, end: n, inSample: settings.inSampleBars, outOfSample: settings.outOfSampleBars, anchored: settings.anchored });
  const results: WalkForwardWindowResult[] = [];
  const stitchedTimestamps: number[] = [];
  const stitchedEquity: number[] = [];
  let equity = config.exchange.initialCash;
  for (const w of windows) {
    const { best } = await search(`wf${w.index}-`, w.inSample.start, w.inSample.end, false);
    // The winner starts flat at the window's first bar; bar returns (returnSteps = Infinity → 1 bar a step) chain the windows.
    const oos = best === null ? null : await runTrial(config, data, { index: w.index, point: best.point, ...w.outOfSample }, { ...scoring, returnSteps: Number.POSITIVE_INFINITY }, customObjective);
    const ok = oos !== null && oos.status === 'ok' ? oos : null;
    for (let i = w.outOfSample.start; i < w.outOfSample.end; i++) {
      if (i > w.outOfSample.start && ok !== null) equity *= 1 + (ok.returns[i - w.outOfSample.start - 1] as number);
      stitchedTimestamps.push(data.series.timestamp[i] as number);
      stitchedEquity.push(equity);
    }
    results.push({
      ...w,
      chosen: best?.point ?? null,
      inSampleScore: best?.score ?? Number.NaN,
      inSampleCagr: best?.metrics.cagr ?? 0,
      outOfSample: { ...w.outOfSample, cagr: ok?.metrics.cagr ?? 0, totalReturn: ok?.metrics.totalReturn ?? 0 },
    });
  }
  const chosen = results.flatMap((r) => (r.chosen === null ? [] : [r.chosen]));
  return {
    windows: results,
    stitchedTimestamps,
    stitchedEquity,
    efficiency: walkForwardEfficiency(
      results.map((r) => r.inSampleCagr),
      results.map((r) => r.outOfSample.cagr),
    ),
    stability: chosen.length === 0 ? {} : parameterStability(chosen),
  };
}

function coarsePoints(settings: OptimizationSettings): ParameterPoint[] {
  const { space, sampler, trials } = settings;
  if (sampler === 'grid') return gridSearch(space);
  // The sampler's seed is fixed by the settings, so the points (and their trial indices) are too.
  return sampler === 'random' ? randomSearch(space, { n: trials, seed: 1 }) : latinHypercube(space, { n: trials, seed: 1 });
}

/** The space without the coarse lattice: ints on every integer, floats continuous, so stage 2 can land between stage-1 points. */
function finerSpace(space: OptimizationSettings['space']): OptimizationSettings['space'] {
  return space.map((p) => (p.kind === 'int' ? { ...p, step: 1 } : p.kind === 'float' ? { name: p.name, kind: p.kind, min: p.min, max: p.max } : p));
}

/** Completed trials best first: score descending, then trial order (stable sort). */
function ranked(trials: readonly TrialResult[]): OkTrial[] {
  return trials.filter((t): t is OkTrial => t.status === 'ok').sort((a, b) => (b.score === a.score ? 0 : b.score > a.score ? 1 : -1));
}

function pointKey(point: ParameterPoint): string {
  return JSON.stringify(Object.keys(point).sort().map((k) => [k, point[k]]));
}

/** SHA-256 (hex) of everything the trials' results depend on (a custom objective's source included): a checkpoint with another key is refused. */
export function optimizationKey(config: DeepReadonly<BacktestConfig>, data: MarketData, settings: OptimizationSettings): string {
  const { series } = data;
  const objectiveSource = settings.objective === 'custom' && settings.customObjective !== undefined ? readFileSync(customObjectivePath(settings.customObjective), 'utf8') : null;
  const fields = { settings, objectiveSource, strategy: config.strategy, exchange: config.exchange, sizing: config.sizing, stops: config.stops, endOfData: config.endOfData, seed: config.seed, bars: [series.length, series.timestamp[0], series.timestamp[series.length - 1], series.close[series.length - 1]], timeframe: data.timeframe };
  return createHash('sha256').update(JSON.stringify({ ...fields, settings: { ...settings, workers: 0, checkpointEvery: 0 } })).digest('hex');
}

async function restore(store: CheckpointStore<OptimizationCheckpoint> | undefined, key: string): Promise<Map<string, TrialResult>> {
  const latest = await store?.latest();
  if (latest === undefined) return new Map();
  if (latest.payload.key !== key) {
    throw new CheckpointError({ reason: 'foreign', path: latest.path, detail: 'it belongs to another optimization (settings or data differ); use another checkpoint folder or delete it' });
  }
  return new Map(latest.payload.trials.map(([k, encoded]) => [k, decode(encoded)]));
}

// JSON has no ±Infinity / NaN; scores of rejected trials are −Infinity.
function encode(result: TrialResult): string {
  return JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { $number: String(v) } : v));
}

function decode(text: string): TrialResult {
  return JSON.parse(text, (_k, v: unknown) => (typeof v === 'object' && v !== null && '$number' in v ? Number((v as { $number: string }).$number) : v)) as TrialResult;
}
