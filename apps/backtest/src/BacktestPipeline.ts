import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PerformanceMetrics } from '@ares/analytics';
import { CheckpointStore, createProgress, type DeepReadonly, type LogStreams, type Notifier, Pipeline, type Progress, redactConfig } from '@ares/pipeline-kit';
import { loadMarketData, type MarketData } from './backtest/loadMarketData.js';
import { type BacktestOutcome, runStrategyBacktest } from './backtest/runStrategyBacktest.js';
import { BacktestConfigError } from './config/BacktestConfigError.js';
import { type BacktestConfig, BacktestConfigSchema } from './config/BacktestConfigSchema.js';
import { loadCustomObjective } from './optimize/customObjective.js';
import type { ObjectiveFunction } from './optimize/scoreTrial.js';
import { type OptimizationInput, OptimizationSchema } from './optimize/OptimizationSchema.js';
import { type OptimizationCheckpoint, optimizationKey, runOptimization } from './optimize/runOptimization.js';
import { type OptimizationSummary, summarizeOptimization } from './optimize/summarizeOptimization.js';
import { type BacktestSummary, buildSummary, type ReportContext } from './report/buildSummary.js';
import type { UplotAssets } from './report/readUplotAssets.js';
import { renderReport } from './report/renderReport.js';

export interface BacktestRunResult {
  readonly outcome: BacktestOutcome;
  /** Null unless `optimization` is configured. */
  readonly optimization: OptimizationSummary | null;
  readonly summary: BacktestSummary;
  readonly reportPath: string;
  readonly summaryPath: string;
}

export interface BacktestPipelineOptions {
  readonly config: DeepReadonly<BacktestConfig>;
  readonly logs: LogStreams;
  readonly notifier?: Notifier | undefined;
  readonly pidFile?: string | undefined;
  /** uPlot's JS and CSS, inlined into the report. */
  readonly uplot: UplotAssets;
  /** The built trial worker (`dist/optimize/trialWorker.js`); needed when `optimization` is configured. */
  readonly optimizationWorker?: string | URL | undefined;
}

/** The headline figures of the console summary and the mail, in display order. */
export function headline(m: PerformanceMetrics, fingerprint: string): Record<string, string> {
  const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
  return {
    'Total return': pct(m.totalReturn),
    CAGR: pct(m.cagr),
    Sharpe: m.sharpeRatio.toFixed(2),
    Sortino: m.sortinoRatio.toFixed(2),
    'Max drawdown': pct(m.maxDrawdown),
    Trades: String(m.numberOfTrades),
    'Win rate': pct(m.winRate),
    'Profit factor': m.profitFactor.toFixed(2),
    'Final equity': m.finalEquity.toFixed(2),
    Fingerprint: fingerprint,
  };
}

/**
 * The backtest as a pipeline-kit pipeline: `initialize` loads the bars, `execute` runs the strategy,
 * writes report.html and summary.json into `report.out` and mails the summary (when email is set up).
 */
export class BacktestPipeline extends Pipeline<BacktestRunResult> {
  readonly #config: DeepReadonly<BacktestConfig>;
  readonly #logs: LogStreams;
  readonly #uplot: UplotAssets;
  readonly #optimizationWorker: string | URL | undefined;
  #data: MarketData | undefined;
  #customObjective: ObjectiveFunction | undefined;
  #progress: Progress | undefined;

  constructor(options: BacktestPipelineOptions) {
    const { config, logs } = options;
    super({
      name: config.name,
      logger: logs.main,
      notifier: options.notifier,
      graceMs: config.graceMs,
      ...(options.pidFile === undefined ? {} : { pidFile: options.pidFile }),
    });
    this.#config = config;
    this.#logs = logs;
    this.#uplot = options.uplot;
    this.#optimizationWorker = options.optimizationWorker;
  }

  protected async initialize(): Promise<void> {
    const { data, seed, optimization } = this.#config;
    // A custom objective is checked before anything runs: a bad path or export fails the run at start.
    if (optimization?.objective === 'custom' && optimization.customObjective !== undefined) this.#customObjective = await loadCustomObjective(optimization.customObjective);
    this.#data = await loadMarketData({ source: data.source, timeframe: data.timeframe, syntheticBars: data.syntheticBars, seed });
    this.logger.info({ event: 'data-loaded', bars: this.#data.series.length, timeframe: this.#data.timeframe }, `loaded ${this.#data.description}`);
  }

  protected async execute(signal: AbortSignal): Promise<BacktestRunResult> {
    const data = this.#data as MarketData;
    const config = this.#config;
    const progress = createProgress({ label: `backtest ${config.data.symbol} ${data.timeframe}`, total: data.series.length, logger: this.#logs.main });
    this.#progress = progress;
    const outcome = await runStrategyBacktest(config, data, (done) => progress.update(done));
    progress.stop();
    signal.throwIfAborted();
    const optimization = config.optimization === undefined ? null : await this.#optimize(config.optimization, data, signal);

    const out = config.report.out;
    mkdirSync(out, { recursive: true });
    const n = data.series.length;
    const context: ReportContext = {
      title: `Backtest: ${outcome.strategyId} on ${config.data.symbol}`,
      config: redactConfig(config, BacktestConfigSchema),
      data: {
        description: data.description,
        symbol: config.data.symbol,
        timeframe: data.timeframe,
        bars: n,
        from: data.series.timestamp[0] as number,
        to: data.series.timestamp[n - 1] as number,
      },
    };
    const summary = buildSummary(outcome, context, optimization);
    const reportPath = join(out, 'report.html');
    const summaryPath = join(out, 'summary.json');
    writeFileSync(reportPath, renderReport(outcome, data.series.close, context, { tradeRows: config.report.tradeRows, uplot: this.#uplot, optimization }));
    writeFileSync(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
    outcome.fills.forEach((f, i) => {
      this.#logs.trade({ symbol: f.symbol, side: f.side, quantity: f.quantity, price: f.price, reason: outcome.fillReasons[i] ?? '', fillTime: f.timestamp, fee: f.fee });
    });
    this.logger.info({ event: 'backtest-finished', fingerprint: outcome.fingerprint, metrics: outcome.metrics }, `backtest finished, fingerprint ${outcome.fingerprint}`);
    this.notifier?.notify({
      type: 'summary',
      title: `${context.title}: ${(outcome.metrics.totalReturn * 100).toFixed(2)} %`,
      metrics: headline(outcome.metrics, outcome.fingerprint),
      attachments: [{ filename: 'report.html', path: reportPath }],
    });
    return { outcome, optimization, summary, reportPath, summaryPath };
  }

  /** Runs the configured stages on worker threads, checkpointing to `<out>/checkpoints` (a rerun resumes there). */
  async #optimize(settings: DeepReadonly<OptimizationInput>, data: MarketData, signal: AbortSignal): Promise<OptimizationSummary> {
    const workerFile = this.#optimizationWorker;
    if (workerFile === undefined) {
      throw new BacktestConfigError({ argument: 'optimization', message: 'Invalid "optimization": the pipeline was created without "optimizationWorker", received none.' });
    }
    // Parsed again into a mutable copy (the config is frozen); it is already valid.
    const parsed = OptimizationSchema.parse(settings);
    // One checkpoint series per settings and data, so a rerun with other settings starts afresh beside it.
    const kind = `optimization-${optimizationKey(this.#config, data, parsed).slice(0, 16)}`;
    const checkpoints = new CheckpointStore<OptimizationCheckpoint>({ dir: join(this.#config.report.out, 'checkpoints'), kind, schemaVersion: 1 });
    let stage = '';
    const result = await runOptimization({
      config: this.#config,
      data,
      settings: parsed,
      workerFile,
      checkpoints,
      signal,
      ...(this.#customObjective === undefined ? {} : { customObjective: this.#customObjective }),
      onTrial: (name, _result, done, total) => {
        if (name !== stage) {
          this.#progress?.stop();
          this.#progress = createProgress({ label: `optimization ${name}`, total, logger: this.#logs.main });
          stage = name;
        }
        this.#progress?.update(done);
      },
    });
    this.#progress?.stop();
    const summary = summarizeOptimization(result);
    this.logger.info({ event: 'optimization-finished', best: summary.best, overfitting: summary.overfitting, trialsRun: result.trialsRun }, `optimization finished: ${summary.overfitting?.warning ?? 'no full-data search'}`);
    return summary;
  }

  protected async cleanup(): Promise<void> {
    this.#progress?.stop();
  }
}
