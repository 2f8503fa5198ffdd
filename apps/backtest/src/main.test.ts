/** @jest-environment ./src/__fixtures__/onnxTestEnvironment.cjs */
// onnxruntime runs in this process too: the model-strategy test registers a model (the registry loads it once).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ModelRegistry } from '@ares/core-engine';
import { treeEnsembleModel, writeModelFiles } from '@ares/core-engine/onnx-builders';
import type { FeatureSpecInput } from '@ares/features';
import { createRandom } from '@ares/pipeline-kit';
import { attachment, readableMail, startSmtpServer } from './__fixtures__/startSmtpServer.js';

const MAIN = resolve(__dirname, '../dist/main.js');

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [MAIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

describe('the backtest CLI (dist/main.js)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ares-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the default synthetic backtest, exits 0, writes report.html, summary.json and logs, and prints the fingerprint', async () => {
    const out = join(dir, 'default');
    const { code, stdout, stderr } = await runCli(['--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(stdout).toContain(`Fingerprint    ${summary.fingerprint}`);
    expect(summary.data.bars).toBe(17_520);
    expect(summary.strategy).toBe('sma-crossover(20,50,long-only)');
    expect(summary.trades.length).toBe(summary.metrics.numberOfTrades);
    expect(summary.monteCarlo.blockBootstrap.paths).toBe(1000);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(summary.fingerprint);
    const mainLog = readdirSync(join(out, 'logs')).find((f) => f.startsWith('main.'));
    expect(readFileSync(join(out, 'logs', mainLog ?? 'main.log'), 'utf8')).toContain('"event":"pipeline-succeeded"');
    expect(existsSync(join(out, 'backtest.pid'))).toBe(false);
  });

  it('documents every option with its default in --help and exits 0', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--config', '--data', '--strategy', '--fast', '--slow', '--mode', '--fee', '--slippage-bps', '--latency-bars', '--cash', '--fraction', '--stop-loss-pct', '--take-profit-pct', '--end-of-data', '--seed', '--out', '--monte-carlo-paths', '--email', '--optimize', '--space', '--objective', '--sampler', '--trials', '--workers', '--min-trades', '--max-drawdown', '--in-sample-bars', '--out-of-sample-bars', '--anchored', '--model-registry', '--model-name', '--model-ref', '--custom-objective']) {
      expect(stdout).toContain(flag);
    }
    expect(stdout.replace(/\s+/g, ' ')).toContain('fee per side, a fraction of notional (default: 0.001)');
  });

  it('optimizes with --optimize: summary.json gains the optimization section, the console the verdict, and a rerun resumes from the checkpoint', async () => {
    const out = join(dir, 'optimize');
    const space = '[{"name":"fast","kind":"int","min":5,"max":25,"step":10},{"name":"slow","kind":"int","min":30,"max":90,"step":30}]';
    const args = ['--bars', '3000', '--monte-carlo-paths', '0', '--optimize', 'all', '--space', space, '--in-sample-bars', '1500', '--out-of-sample-bars', '500', '--min-trades', '1', '--workers', '2', '--out', out];
    const first = await runCli(args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    // 3 fast × 3 slow values, all with fast < slow.
    expect(summary.optimization.stages.coarse).toMatchObject({ trials: 9, failed: 0 });
    expect(summary.optimization.walkForward.windows.length).toBe(3);
    expect(first.stdout).toContain(summary.optimization.overfitting.warning);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<h2>Optimization</h2>');
    const second = await runCli(args);
    expect(second.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).optimization).toEqual(summary.optimization);
    const mainLog = readdirSync(join(out, 'logs')).filter((f) => f.startsWith('main.')).map((f) => readFileSync(join(out, 'logs', f), 'utf8')).join('');
    expect(mainLog).toContain('"trialsRun":0');
  });

  it.each([
    [['--fee', '-1'], 'exchange.fee'],
    [['--fast', '60', '--slow', '50'], 'slow'],
    [['--email'], '"email"'],
  ])('rejects bad settings %j with exit code 2 and a message naming %s', async (args, path) => {
    const { code, stderr } = await runCli([...args, '--out', join(dir, 'bad')]);
    expect(code).toBe(2);
    expect(stderr).toContain(path);
  });

  it('backtests the champion of a model registry (--strategy model) and names it in summary.json and on the console', async () => {
    const registry = new ModelRegistry(join(dir, 'registry'));
    const featureSpec: FeatureSpecInput = { version: 1, features: [1, 2, 3].map((k) => ({ name: `z_${k * 5}`, indicator: 'zScore', params: { period: k * 5 } })) };
    const model = treeEnsembleModel({ name: 'demo', version: '2026.1', featureSpec, random: createRandom(3), trees: 30, depth: 3 });
    const files = await writeModelFiles(join(dir, 'model-files'), model.bytes, model.metadata);
    await registry.register('demo', files.onnxPath, files.metadata);
    await registry.setChallenger('demo', '2026.1');
    await registry.promote('demo');
    const configFile = join(dir, 'model.json');
    writeFileSync(configFile, JSON.stringify({ strategy: { kind: 'model', model: { registry: registry.root } }, data: { syntheticBars: 2000 }, monteCarlo: { paths: 0 } }));
    const out = join(dir, 'model-run');
    const { code, stdout, stderr } = await runCli(['--config', configFile, '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.strategy).toBe('demo@2026.1');
    expect(summary.metrics.numberOfTrades).toBeGreaterThan(0);
    expect(stdout.startsWith('demo@2026.1 on BTC/USDT, 2000 bars')).toBe(true);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Backtest: demo@2026.1 on BTC/USDT');

    const optimized = await runCli(['--config', configFile, '--optimize', 'coarse', '--out', join(dir, 'model-optimize')]);
    expect(optimized.code).toBe(2);
    expect(optimized.stderr).toContain('optimization');
    expect(optimized.stderr).toContain('"strategy.kind" "model"');
  });

  it('optimizes with a custom objective from an ES module (--objective custom) and refuses a module without a default function', async () => {
    const objective = join(dir, 'objective.mjs');
    writeFileSync(objective, 'export default function returnMinusDrawdown(m) {\n  return m.totalReturn - 2 * m.maxDrawdown;\n}\n');
    const space = '[{"name":"fast","kind":"int","min":5,"max":25,"step":10},{"name":"slow","kind":"int","min":30,"max":90,"step":30}]';
    const args = ['--bars', '3000', '--monte-carlo-paths', '0', '--optimize', 'coarse', '--space', space, '--min-trades', '1', '--workers', '2', '--objective', 'custom'];
    const out = join(dir, 'custom-objective');
    const { code, stderr } = await runCli([...args, '--custom-objective', objective, '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { optimization } = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const ok = optimization.trials.filter((t: { status: string }) => t.status === 'ok') as { score: number; metrics: { totalReturn: number; maxDrawdown: number; numberOfTrades: number } }[];
    expect(ok.length).toBe(9);
    for (const t of ok) if (t.metrics.numberOfTrades >= 1) expect(t.score).toBeCloseTo(t.metrics.totalReturn - 2 * t.metrics.maxDrawdown, 12);
    expect(optimization.best.score).toBe(Math.max(...ok.map((t) => t.score)));

    const named = join(dir, 'named-export.mjs');
    writeFileSync(named, 'export const objective = (m) => m.sharpeRatio;\n');
    const bad = await runCli([...args, '--custom-objective', named, '--out', join(dir, 'custom-bad')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('failed at initialize: Invalid "optimization.customObjective": expected a module whose default export is a function');
  });

  describe('email', () => {
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    beforeAll(async () => {
      smtp = await startSmtpServer();
    });
    afterAll(() => smtp.stop());

    const writeConfig = (name: string): string => {
      const file = join(dir, `${name}.json`);
      const email = { host: '127.0.0.1', port: smtp.port, ignoreTLS: true, from: 'ares@example.com', to: ['quant@example.com'], events: ['summary', 'pipeline-failed'] };
      writeFileSync(file, JSON.stringify({ name, data: { syntheticBars: 3000 }, monteCarlo: { paths: 100 }, email }));
      return file;
    };

    it('mails the summary with the headline metrics and the report attached on completion', async () => {
      const out = join(dir, 'mail');
      const { code } = await runCli(['--config', writeConfig('mail-ok'), '--email', '--out', out], { ARES_EMAIL__PASSWORD: 'hunter2-secret' });
      expect(code).toBe(0);
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(smtp.mails.length).toBe(1);
      const raw = smtp.mails[0] as string;
      const text = readableMail(raw);
      for (const key of ['Total return', 'Sharpe', 'Max drawdown', 'Trades', summary.fingerprint]) expect(text).toContain(key);
      expect(attachment(raw, 'report.html')).toBe(readFileSync(join(out, 'report.html'), 'utf8'));
      expect(raw).not.toContain('hunter2-secret');
      expect(JSON.stringify(summary.config)).not.toContain('hunter2-secret');
    });

    it('mails the failure when the run fails', async () => {
      smtp.mails.length = 0;
      const { code, stderr } = await runCli(['--config', writeConfig('mail-fail'), '--data', join(dir, 'missing.csv'), '--out', join(dir, 'mail-fail')]);
      expect(code).toBe(1);
      expect(stderr).toContain('failed at initialize');
      expect(smtp.mails.length).toBe(1);
      expect(readableMail(smtp.mails[0] as string)).toContain('missing.csv');
    });
  });
});
