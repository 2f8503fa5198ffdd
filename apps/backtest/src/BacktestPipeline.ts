import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PerformanceMetrics } from '@ares/analytics';
import { createProgress, type DeepReadonly, type LogStreams, type Notifier, Pipeline, type Progress, redactConfig } from '@ares/pipeline-kit';
import { loadMarketData, type MarketData } from './backtest/loadMarketData.js';
import { type BacktestOutcome, runStrategyBacktest } from './backtest/runStrategyBacktest.js';
import { type BacktestConfig, BacktestConfigSchema } from './config/BacktestConfigSchema.js';
import { type BacktestSummary, buildSummary, type ReportContext } from './report/buildSummary.js';
import type { UplotAssets } from './report/readUplotAssets.js';
import { renderReport } from './report/renderReport.js';

export interface BacktestRunResult {
  readonly outcome: BacktestOutcome;
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
  #data: MarketData | undefined;
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
  }

  protected async initialize(): Promise<void> {
    const { data, seed } = this.#config;
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
    const summary = buildSummary(outcome, context);
    const reportPath = join(out, 'report.html');
    const summaryPath = join(out, 'summary.json');
    writeFileSync(reportPath, renderReport(outcome, data.series.close, context, { tradeRows: config.report.tradeRows, uplot: this.#uplot }));
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
    return { outcome, summary, reportPath, summaryPath };
  }

  protected async cleanup(): Promise<void> {
    this.#progress?.stop();
  }
}
