import { drawdownCurve, type PerformanceMetrics, PERCENTILES } from '@ares/analytics';
import type { BacktestOutcome } from '../backtest/runStrategyBacktest.js';
import type { OptimizationSummary } from '../optimize/summarizeOptimization.js';
import { type ReportContext, summarizeMonteCarlo } from './buildSummary.js';
import { REPORT_SCRIPT } from './reportScript.js';
import type { UplotAssets } from './readUplotAssets.js';

/** Points per chart line; longer series are thinned (the last value of each bucket, the deepest drawdown). */
const MAX_POINTS = 4000;
const HISTOGRAM_BINS = 30;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
const percent = (x: number, digits = 2): string => (Number.isFinite(x) ? `${(x * 100).toFixed(digits)} %` : String(x));
const number = (x: number, digits = 2): string => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
const isoTime = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 16);
const days = (ms: number): string => `${(ms / 86_400_000).toFixed(1)} d`;

function thin(n: number): number[] {
  const stride = Math.max(1, Math.ceil(n / MAX_POINTS));
  const picks: number[] = [];
  for (let end = stride - 1; end < n + stride - 1; end += stride) picks.push(Math.min(end, n - 1));
  return picks;
}

function histogram(values: Float64Array): { centers: number[]; counts: number[] } {
  const min = values[0] ?? 0;
  const max = values[values.length - 1] ?? 0;
  const width = max > min ? (max - min) / HISTOGRAM_BINS : 1;
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const v of values) {
    const bin = Math.min(HISTOGRAM_BINS - 1, Math.floor((v - min) / width));
    counts[bin] = (counts[bin] as number) + 1;
  }
  return { centers: counts.map((_, i) => min + (i + 0.5) * width), counts };
}

/** The chart data embedded in the page. */
function chartData(outcome: BacktestOutcome, close: Float64Array, optimization: OptimizationSummary | null) {
  const { timestamps, equity } = outcome;
  const drawdown = drawdownCurve(equity);
  const picks = thin(timestamps.length);
  let from = 0;
  const deepest = picks.map((end) => {
    let worst = 0;
    for (let i = from; i <= end; i++) worst = Math.max(worst, drawdown[i] as number);
    from = end + 1;
    return -worst;
  });
  const seconds = (ms: number): number => ms / 1000;
  const buys: [number, number][] = [];
  const sells: [number, number][] = [];
  for (const f of outcome.fills) (f.side === 'buy' ? buys : sells).push([seconds(f.timestamp), f.price]);
  const block = outcome.monteCarlo?.blockBootstrap;
  return {
    series: {
      t: picks.map((i) => seconds(timestamps[i] as number)),
      equity: picks.map((i) => equity[i] as number),
      drawdown: deepest,
      close: picks.map((i) => close[i] as number),
    },
    markers: { buys, sells },
    walkForward:
      optimization?.walkForward == null
        ? null
        : (() => {
            const { stitchedTimestamps, stitchedEquity } = optimization.walkForward;
            const columns = thin(stitchedEquity.length);
            return { t: columns.map((i) => seconds(stitchedTimestamps[i] as number)), equity: columns.map((i) => stitchedEquity[i] as number) };
          })(),
    monteCarlo:
      block === undefined
        ? null
        : (() => {
            const columns = thin(block.steps + 1);
            return {
              fan: { percentiles: [...PERCENTILES], x: columns, bands: block.fan.bands.map((band) => columns.map((c) => band[c] as number)) },
              finalEquity: histogram(block.finalEquity.values),
              maxDrawdown: histogram(block.maxDrawdown.values),
            };
          })(),
  };
}

function cards(m: PerformanceMetrics): string {
  const items: [string, string][] = [
    ['Total return', percent(m.totalReturn)],
    ['CAGR', percent(m.cagr)],
    ['Sharpe', number(m.sharpeRatio)],
    ['Sortino', number(m.sortinoRatio)],
    ['Calmar', number(m.calmarRatio)],
    ['Max drawdown', percent(m.maxDrawdown)],
    ['Longest drawdown', days(m.longestDrawdownMs)],
    ['Trades', String(m.numberOfTrades)],
    ['Win rate', percent(m.winRate, 1)],
    ['Profit factor', number(m.profitFactor)],
    ['Exposure', percent(m.exposureTime, 1)],
    ['Fees paid', number(m.feesPaid)],
  ];
  return `<div class="cards">${items.map(([k, v]) => `<div class="card"><div class="k">${k}</div><div class="v">${escapeHtml(v)}</div></div>`).join('')}</div>`;
}

function metricRows(m: PerformanceMetrics): string {
  const rows: [string, string][] = [
    ['Period', `${isoTime(m.startTime)} → ${isoTime(m.endTime)} (${m.bars} bars)`],
    ['Initial / final equity', `${number(m.initialEquity)} → ${number(m.finalEquity)}`],
    ['Annualized volatility', percent(m.annualizedVolatility)],
    ['Max drawdown (peak → trough)', `${percent(m.maxDrawdown)} (bars ${m.maxDrawdownPeakIndex} → ${m.maxDrawdownTroughIndex}, recovered ${m.maxDrawdownRecoveryIndex < 0 ? 'no' : `at bar ${m.maxDrawdownRecoveryIndex}`})`],
    ['Longest drawdown', `${m.longestDrawdownBars} bars, ${days(m.longestDrawdownMs)}${m.longestDrawdownOngoing ? ' (ongoing)' : ''}`],
    ['Time under water', percent(m.timeUnderWater, 1)],
    ['Expectancy per trade', number(m.expectancy)],
    ['Average win / loss', `${number(m.averageWin)} / ${number(m.averageLoss)}`],
    ['Payoff ratio', number(m.payoffRatio)],
    ['Best / worst trade', `${number(m.bestTrade)} / ${number(m.worstTrade)}`],
    ['Longest win / loss streak', `${m.longestWinStreak} / ${m.longestLossStreak}`],
    ['Traded notional', number(m.tradedNotional)],
    ['Turnover (per year)', number(m.turnover)],
  ];
  return `<table class="kv">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

/** Green for gains, red for losses, saturating at ±10 % a month. */
function heatColour(r: number): string {
  const a = Math.min(1, Math.abs(r) / 0.1) * 0.85 + 0.08;
  return r >= 0 ? `rgba(22,163,74,${a.toFixed(2)})` : `rgba(220,38,38,${a.toFixed(2)})`;
}

function monthlyTable(outcome: BacktestOutcome): string {
  const head = `<tr><th>Year</th>${MONTHS.map((m) => `<th>${m}</th>`).join('')}<th>Year</th></tr>`;
  const cell = (r: number | null): string => (r === null ? '<td></td>' : `<td style="background:${heatColour(r)}">${(r * 100).toFixed(1)}</td>`);
  const rows = outcome.monthlyReturns.map((y) => `<tr><th>${y.year}</th>${y.months.map(cell).join('')}${cell(y.total)}</tr>`);
  return `<table class="heat">${head}${rows.join('')}</table>`;
}

function tradeTable(outcome: BacktestOutcome, limit: number): string {
  const shown = outcome.trades.slice(0, limit);
  const rows = shown.map(
    (t, i) =>
      `<tr><td>${i + 1}</td><td>${t.side}</td><td>${isoTime(t.entryTime)}</td><td>${number(t.entryPrice, 4)}</td><td>${isoTime(t.exitTime)}</td><td>${number(t.exitPrice, 4)}</td><td>${number(t.quantity, 6)}</td><td class="${t.pnl >= 0 ? 'pos' : 'neg'}">${number(t.pnl)}</td><td>${percent(t.returnPct)}</td><td>${number(t.fees)}</td></tr>`,
  );
  const open = outcome.openPosition;
  const note = `<p>${shown.length} of ${outcome.trades.length} closed trades shown (all are in summary.json).${
    open === null ? '' : ` Open at the end (marked to the last close): ${open.side} ${number(open.quantity, 6)} from ${number(open.entryPrice, 4)} (${isoTime(open.entryTime)}).`
  }</p>`;
  return `${note}<table class="trades"><tr><th>#</th><th>Side</th><th>Entry</th><th>Entry price</th><th>Exit</th><th>Exit price</th><th>Quantity</th><th>PnL</th><th>Return</th><th>Fees</th></tr>${rows.join('')}</table>`;
}

function monteCarloTable(outcome: BacktestOutcome): string {
  const mc = outcome.monteCarlo;
  if (mc === null) return '<p>Monte Carlo is off (<code>monteCarlo.paths: 0</code>).</p>';
  const rows = (
    [
      ['Trade reshuffle', mc.reshuffle],
      ['Trade bootstrap', mc.bootstrap],
      [mc.barsPerStep === 1 ? 'Block bootstrap of bar returns' : `Block bootstrap of ${mc.barsPerStep}-bar returns`, mc.blockBootstrap],
    ] as const
  ).map(([name, r]) => {
    if (r === null) return `<tr><th>${name}</th><td colspan="6">needs at least 2 closed trades</td></tr>`;
    const s = summarizeMonteCarlo(r);
    return `<tr><th>${name}</th><td>${s.paths} × ${s.steps}</td><td>${number(s.finalEquity.p5)} / ${number(s.finalEquity.p50)} / ${number(s.finalEquity.p95)}</td><td>${percent(s.maxDrawdown.p50)} / ${percent(s.maxDrawdown.p95)}</td><td>${percent(s.timeUnderWater.p50, 1)}</td><td>${percent(s.probabilityOfRuin, 1)}</td><td>${percent(s.probabilityOfDrawdownBeyond, 1)}</td></tr>`;
  });
  return `<table class="kv"><tr><th>Method</th><th>Paths × steps</th><th>Final equity p5 / p50 / p95</th><th>Max drawdown p50 / p95</th><th>Time under water p50</th><th>P(ruin)</th><th>P(drawdown beyond threshold)</th></tr>${rows.join('')}</table>`;
}

/** Trials listed in the report (summary.json has all). */
const TOP_TRIALS = 20;

function optimizationSection(o: OptimizationSummary): string {
  const point = (p: Readonly<Record<string, unknown>> | null): string => (p === null ? '–' : Object.entries(p).map(([k, v]) => `${k}=${String(v)}`).join(', '));
  const f = o.overfitting;
  const overfit =
    f === null
      ? '<p>No search on the whole data (walk-forward stage only): no overfitting statistics.</p>'
      : `<table class="kv"><tr><th>Best trial</th><td>${escapeHtml(point(o.best?.point ?? null))} (score ${number(o.best?.score ?? Number.NaN, 3)})</td></tr>
<tr><th>Trials (N)</th><td>${f.trials}</td></tr>
<tr><th>Deflated Sharpe ratio</th><td>${f.deflatedSharpe === null ? '–' : `${number(f.deflatedSharpe.deflatedSharpeRatio, 3)} (SR₀ per step ${number(f.deflatedSharpe.expectedMaxSharpe, 4)})`}</td></tr>
<tr><th>PBO (${f.pboSplits} splits)</th><td>${f.probabilityOfBacktestOverfitting === null ? '–' : number(f.probabilityOfBacktestOverfitting, 3)}</td></tr>
<tr><th>Verdict</th><td id="overfitting-warning">${escapeHtml(f.warning)}</td></tr></table>`;
  const rows = o.trials.slice(0, TOP_TRIALS).map((t, i) =>
    t.status === 'ok'
      ? `<tr><td>${i + 1}</td><td>${t.stage}</td><td>${t.index}</td><td>${escapeHtml(point(t.point))}</td><td>${number(t.score, 3)}</td><td>${number(t.metrics.sharpeRatio)}</td><td>${percent(t.metrics.totalReturn)}</td><td>${percent(t.metrics.maxDrawdown)}</td><td>${t.metrics.numberOfTrades}</td><td>${escapeHtml(t.violations.join('; '))}</td></tr>`
      : `<tr><td>${i + 1}</td><td>${t.stage}</td><td>${t.index}</td><td>${escapeHtml(point(t.point))}</td><td colspan="6">failed: ${escapeHtml(t.error)}</td></tr>`,
  );
  const table = `<p>${Math.min(TOP_TRIALS, o.trials.length)} of ${o.trials.length} trials, best first (all are in summary.json).</p><table class="trials"><tr><th>#</th><th>Stage</th><th>Trial</th><th>Parameters</th><th>Score</th><th>Sharpe</th><th>Return</th><th>Max DD</th><th>Trades</th><th>Constraints broken</th></tr>${rows.join('')}</table>`;
  const wf = o.walkForward;
  const walk =
    wf === null
      ? ''
      : `<h3>Walk-forward</h3><p>Efficiency (mean OOS CAGR / mean IS CAGR): ${number(wf.efficiency.overall, 3)}. Parameter stability: ${escapeHtml(
          Object.entries(wf.stability)
            .map(([k, v]) => (v.kind === 'numeric' ? `${k} mean ${number(v.mean)}, CV ${number(v.coefficientOfVariation, 3)}` : `${k} mode ${String(v.mode)} (${percent(v.modeShare, 0)})`))
            .join('; '),
        )}</p><table class="kv"><tr><th>Window</th><th>In-sample bars</th><th>Out-of-sample</th><th>Chosen</th><th>IS CAGR</th><th>OOS CAGR</th><th>OOS return</th></tr>${wf.windows
          .map(
            (w) =>
              `<tr><td>${w.index}</td><td>${w.inSample.start}–${w.inSample.end}</td><td>${w.outOfSample.start}–${w.outOfSample.end}</td><td>${escapeHtml(point(w.chosen))}</td><td>${percent(w.inSampleCagr)}</td><td>${percent(w.outOfSample.cagr)}</td><td>${percent(w.outOfSample.totalReturn)}</td></tr>`,
          )
          .join('')}</table><h3>Stitched out-of-sample equity</h3><div class="chart" data-chart="walk-forward"></div>`;
  return `<h2>Optimization</h2>${overfit}${table}${walk}`;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:16px 24px;color:#0f172a}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e2e8f0;padding-bottom:4px}
.sub{color:#475569}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin-top:14px}
.card{border:1px solid #e2e8f0;border-radius:8px;padding:8px 12px}.k{color:#64748b;font-size:12px}.v{font-size:20px;font-weight:600}
table{border-collapse:collapse;font-size:13px}th,td{padding:3px 8px;border-bottom:1px solid #f1f5f9;text-align:right}th{text-align:left}
.heat td{min-width:44px}.pos{color:#15803d}.neg{color:#b91c1c}.chart{width:100%;min-height:280px}
.row{display:grid;grid-template-columns:1fr 1fr;gap:16px}pre{background:#f8fafc;padding:10px;overflow:auto;font-size:12px}code{font-size:12px}`;

/**
 * Renders the report: one self-contained HTML page (uPlot and all data inlined, no network) with the
 * headline cards, equity / drawdown / price charts, the monthly heatmap, trade statistics and list,
 * the Monte Carlo fan chart and histograms, the redacted config and the fingerprint.
 */
export function renderReport(outcome: BacktestOutcome, close: Float64Array, context: ReportContext, options: { tradeRows: number; uplot: UplotAssets; optimization?: OptimizationSummary | null }): string {
  const optimization = options.optimization ?? null;
  const { js, css } = options.uplot;
  const d = context.data;
  const chart = (name: string): string => `<div class="chart" data-chart="${name}"></div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(context.title)}</title><style>${css}</style><style>${STYLE}</style></head><body>
<h1>${escapeHtml(context.title)}</h1>
<div class="sub">${escapeHtml(outcome.strategyId)} on ${escapeHtml(d.symbol)} ${escapeHtml(d.timeframe)} · ${escapeHtml(d.description)} · ${isoTime(d.from)} → ${isoTime(d.to)} UTC · fingerprint <code id="fingerprint">${outcome.fingerprint}</code></div>
${cards(outcome.metrics)}
<h2>Equity</h2>${chart('equity')}
<h2>Drawdown</h2>${chart('drawdown')}
<h2>Price and fills</h2><p class="sub">Green ▲ buys, red ▼ sells, at their fill prices.</p>${chart('price')}
<h2>Monthly returns (%)</h2>${monthlyTable(outcome)}
<h2>Trade statistics</h2>${metricRows(outcome.metrics)}
<h2>Trades</h2>${tradeTable(outcome, options.tradeRows)}
<h2>Monte Carlo</h2>${monteCarloTable(outcome)}
${outcome.monteCarlo === null ? '' : `<h3>Block bootstrap: equity percentiles per ${outcome.monteCarlo.barsPerStep === 1 ? 'bar' : `${outcome.monteCarlo.barsPerStep}-bar step`} (p5, p25, p50, p75, p95)</h3>${chart('fan')}<div class="row"><div><h3>Final equity</h3>${chart('hist-equity')}</div><div><h3>Max drawdown</h3>${chart('hist-drawdown')}</div></div>`}
${optimization === null ? '' : optimizationSection(optimization)}
<h2>Config</h2><pre>${escapeHtml(JSON.stringify(context.config, null, 2))}</pre>
<script type="application/json" id="report-data">${scriptJson(chartData(outcome, close, optimization))}</script>
<script>${js.replace(/<\/script/gi, '<\\/script')}</script>
<script>${REPORT_SCRIPT}</script>
</body></html>
`;
}
