import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Browser, chromium, type Page } from 'playwright-core';
import { distinctPngColours } from '../__fixtures__/distinctPngColours.js';
import { loadMarketData } from '../backtest/loadMarketData.js';
import { runStrategyBacktest } from '../backtest/runStrategyBacktest.js';
import { BacktestConfigSchema } from '../config/BacktestConfigSchema.js';
import { OptimizationSchema } from '../optimize/OptimizationSchema.js';
import { runOptimization } from '../optimize/runOptimization.js';
import { summarizeOptimization } from '../optimize/summarizeOptimization.js';
import { buildSummary } from './buildSummary.js';
import { readUplotAssets } from './readUplotAssets.js';
import { renderReport } from './renderReport.js';

const CHROMIUM = '/usr/bin/chromium';
const CHARTS = ['equity', 'drawdown', 'price', 'fan', 'hist-equity', 'hist-drawdown', 'walk-forward'];

describe('the HTML report in headless Chromium', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  let html: string;
  let optimization: ReturnType<typeof summarizeOptimization>;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium); the report test never skips.`);
    }
    const config = BacktestConfigSchema.parse({ data: { syntheticBars: 3000 }, monteCarlo: { paths: 200 }, report: { tradeRows: 5 } });
    const data = await loadMarketData({ source: 'synthetic', syntheticBars: 3000, seed: 7 });
    const outcome = await runStrategyBacktest(config, data);
    const n = data.series.length;
    const context = {
      title: 'Report test <script>',
      config,
      data: { description: data.description, symbol: 'BTC/USDT', timeframe: '1h', bars: n, from: data.series.timestamp[0] as number, to: data.series.timestamp[n - 1] as number },
    };
    expect(buildSummary(outcome, context).fingerprint).toBe(outcome.fingerprint);
    // A small real optimization (workers run the built dist/, see jest's globalSetup) for the optimization section.
    const settings = OptimizationSchema.parse({
      space: [
        { name: 'fast', kind: 'int', min: 5, max: 25, step: 10 },
        { name: 'slow', kind: 'int', min: 30, max: 90, step: 30 },
      ],
      minTrades: 1,
      inSampleBars: 1500,
      outOfSampleBars: 500,
      topK: 1,
      fineSteps: 3,
      workers: 1,
    });
    const optimized = await runOptimization({ config, data, settings, workerFile: join(__dirname, '../../dist/optimize/trialWorker.js') });
    optimization = summarizeOptimization(optimized);
    html = renderReport(outcome, data.series.close, context, { tradeRows: 5, uplot: readUplotAssets(require.resolve), optimization });
    dir = mkdtempSync(join(tmpdir(), 'ares-report-'));
    writeFileSync(join(dir, 'report.html'), html);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    // Every request other than the report itself is a failure: the page must work offline.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') && url.endsWith('/report.html')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    await page.waitForSelector('body[data-rendered="true"]', { timeout: 10_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('is one self-contained file: no script or stylesheet by URL, the title escaped', () => {
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!github\.com\/leeoniya)/);
    expect(html).toContain('Report test &#60;script&#62;');
  });

  it('loads without console errors and without any network request', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it.each(CHARTS)('draws the %s chart on a canvas that is not blank', async (name) => {
    const chart = page.locator(`[data-chart="${name}"]`);
    expect(await chart.locator('canvas').count()).toBe(1);
    const png = await chart.screenshot();
    // A blank or single-colour area has 1–2 colours; axes, grid, lines and fills give dozens.
    expect(distinctPngColours(png)).toBeGreaterThan(8);
  });

  it('renders the monthly heatmap and the first trade rows with the trade count', async () => {
    expect(await page.locator('table.heat tr').count()).toBeGreaterThan(1);
    expect(await page.locator('table.trades tr').count()).toBe(6);
    expect(await page.locator('text=/5 of \\d+ closed trades shown/').count()).toBe(1);
  });

  it('lists the optimization trials best first, the overfitting verdict and the walk-forward windows', async () => {
    const rows = page.locator('table.trials tr');
    expect(await rows.count()).toBe(Math.min(20, optimization.trials.length) + 1);
    const first = optimization.trials[0];
    expect(await rows.nth(1).locator('td').nth(4).textContent()).toBe(first?.status === 'ok' ? first.score.toFixed(3) : '');
    expect(await page.locator('#overfitting-warning').textContent()).toBe(optimization.overfitting?.warning);
    expect(optimization.walkForward?.windows.length).toBe(3);
  });
});
