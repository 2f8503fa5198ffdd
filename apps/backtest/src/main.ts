#!/usr/bin/env node
import { createRequire } from 'node:module';
import { isAbsolute, join } from 'node:path';
import { CommanderError } from 'commander';
import { createLogStreams, EmailNotifier, listSecretValues, loadConfig, runAsMain } from '@ares/pipeline-kit';
import { BacktestPipeline, headline } from './BacktestPipeline.js';
import { parseCliArguments } from './cli/parseCliArguments.js';
import { BacktestConfigError } from './config/BacktestConfigError.js';
import { BacktestConfigSchema } from './config/BacktestConfigSchema.js';
import type { OptimizationSummary } from './optimize/summarizeOptimization.js';
import { readUplotAssets } from './report/readUplotAssets.js';

/** `backtest [options]`: config → pipeline → report; exit code 0 on success, 1 on a failed run, 2 on bad settings. */
async function main(argv: readonly string[]): Promise<void> {
  const cli = parseCliArguments(argv);
  const config = loadConfig({
    schema: BacktestConfigSchema,
    ...(cli.configFile === undefined ? {} : { file: cli.configFile }),
    env: { ...process.env, ...cli.overrides },
    // The console gets the summary below; log lines go to the files unless the config asks otherwise.
    defaults: { logging: { console: 'none' } },
  });
  if (config.requireEmail && config.email === undefined) {
    throw new BacktestConfigError({
      argument: 'email',
      message: 'Invalid "email": --email needs an email section (host, from, to) in the config file or ARES_EMAIL__* variables, received none.',
    });
  }
  const out = config.report.out;
  const secrets = listSecretValues(config, BacktestConfigSchema);
  const { dir, level, console, maxSize, maxFiles } = config.logging;
  const logs = await createLogStreams({ dir: isAbsolute(dir) ? dir : join(out, dir), level, console, maxSize, maxFiles, name: config.name, secrets });
  const notifier = config.email === undefined ? undefined : new EmailNotifier({ ...config.email, to: [...config.email.to], events: [...config.email.events] }, { logger: logs.main, secrets });
  try {
    const result = await runAsMain(new BacktestPipeline({ config, logs, notifier, pidFile: config.pidFile ?? join(out, 'backtest.pid'), uplot: readUplotAssets(createRequire(import.meta.url).resolve), optimizationWorker: new URL('./optimize/trialWorker.js', import.meta.url) }));
    if (result.ok) {
      const { outcome, reportPath, summaryPath } = result.value;
      const lines = Object.entries(headline(outcome.metrics, outcome.fingerprint)).map(([k, v]) => `  ${k.padEnd(14)} ${v}`);
      process.stdout.write(`${outcome.strategyId} on ${config.data.symbol}, ${outcome.metrics.bars} bars\n${lines.join('\n')}\n  Report         ${reportPath}\n  Summary        ${summaryPath}\n`);
      if (result.value.optimization !== null) process.stdout.write(optimizationLines(result.value.optimization));
    } else {
      process.stderr.write(`backtest ${result.status} at ${result.failedStage}: ${result.error.message}\n`);
    }
  } finally {
    await notifier?.close();
    await logs.close();
  }
}

/** The optimization's console summary: best trial, overfitting statistics and verdict, walk-forward efficiency. */
function optimizationLines(o: OptimizationSummary): string {
  const lines = ['Optimization'];
  const fixed = (x: number | null | undefined, digits: number): string => (x === null || x === undefined ? '–' : x.toFixed(digits));
  if (o.best !== null) lines.push(`  Best           ${Object.entries(o.best.point).map(([k, v]) => `${k}=${String(v)}`).join(', ')} (score ${fixed(o.best.score, 3)})`);
  if (o.overfitting !== null) {
    lines.push(`  Trials         ${o.overfitting.trials}`);
    lines.push(`  Deflated SR    ${fixed(o.overfitting.deflatedSharpe?.deflatedSharpeRatio, 3)}`);
    lines.push(`  PBO            ${fixed(o.overfitting.probabilityOfBacktestOverfitting, 3)}`);
    lines.push(`  ${o.overfitting.warning}`);
  }
  if (o.walkForward !== null) lines.push(`  Walk-forward   ${o.walkForward.windows.length} windows, efficiency ${fixed(o.walkForward.efficiency.overall, 3)}`);
  return `${lines.join('\n')}\n`;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // commander has already printed the help or its message.
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
    return;
  }
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
