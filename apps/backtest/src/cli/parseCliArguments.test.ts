import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@ares/pipeline-kit';
import { BacktestConfigSchema } from '../config/BacktestConfigSchema.js';
import { parseCliArguments } from './parseCliArguments.js';

const dir = mkdtempSync(join(tmpdir(), 'ares-cli-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(argv: string[], env: Record<string, string> = {}) {
  const cli = parseCliArguments(argv);
  return loadConfig({ schema: BacktestConfigSchema, ...(cli.configFile === undefined ? {} : { file: cli.configFile }), env: { ...env, ...cli.overrides } });
}

describe('parseCliArguments', () => {
  it('maps every flag to its config path', () => {
    const { overrides } = parseCliArguments([
      '--data', 'btc.csv', '--strategy', 'rsi-mean-reversion', '--fast', '5', '--slow', '9', '--mode', 'long-short', '--fee', '0.002',
      '--slippage-bps', '3', '--latency-bars', '1', '--cash', '500', '--fraction', '0.25', '--stop-loss-pct', '0.05', '--take-profit-pct', '0.1',
      '--end-of-data', 'close', '--seed', '7', '--out', 'runs/x', '--monte-carlo-paths', '10', '--email',
    ]);
    expect(overrides).toEqual({
      ARES_DATA__SOURCE: 'btc.csv',
      ARES_STRATEGY__KIND: 'rsi-mean-reversion',
      ARES_STRATEGY__FAST: '5',
      ARES_STRATEGY__SLOW: '9',
      ARES_STRATEGY__MODE: 'long-short',
      ARES_EXCHANGE__FEE: '0.002',
      ARES_EXCHANGE__SLIPPAGE_BPS: '3',
      ARES_EXCHANGE__LATENCY_BARS: '1',
      ARES_EXCHANGE__INITIAL_CASH: '500',
      ARES_SIZING__FRACTION: '0.25',
      ARES_STOPS__STOP_LOSS_PCT: '0.05',
      ARES_STOPS__TAKE_PROFIT_PCT: '0.1',
      ARES_END_OF_DATA: 'close',
      ARES_SEED: '7',
      ARES_REPORT__OUT: 'runs/x',
      ARES_MONTE_CARLO__PATHS: '10',
      ARES_REQUIRE_EMAIL: 'true',
    });
  });

  it('maps the optimization flags into the optimization section, with its defaults filled in', () => {
    const space = '[{"name":"fast","kind":"int","min":5,"max":15,"step":5},{"name":"slow","kind":"int","min":30,"max":60,"step":30}]';
    const config = load([
      '--optimize', 'walk-forward', '--space', space, '--objective', 'calmar', '--sampler', 'latin-hypercube', '--trials', '40', '--workers', '1',
      '--min-trades', '2', '--max-drawdown', '0.3', '--in-sample-bars', '900', '--out-of-sample-bars', '300', '--anchored',
    ]);
    expect(config.optimization).toMatchObject({
      stage: 'walk-forward',
      space: JSON.parse(space),
      objective: 'calmar',
      sampler: 'latin-hypercube',
      trials: 40,
      workers: 1,
      minTrades: 2,
      maxDrawdown: 0.3,
      inSampleBars: 900,
      outOfSampleBars: 300,
      anchored: true,
      topK: 3,
    });
  });

  it('maps the model-strategy and custom-objective flags', () => {
    const config = load(['--strategy', 'model', '--model-registry', 'models', '--model-name', 'trees', '--model-ref', '2026.1']);
    expect(config.strategy).toMatchObject({ kind: 'model', model: { registry: 'models', name: 'trees', ref: '2026.1' } });
    const optimized = load(['--objective', 'custom', '--custom-objective', 'objectives/penalty.mjs']);
    expect(optimized.optimization).toMatchObject({ objective: 'custom', customObjective: 'objectives/penalty.mjs' });
  });

  it('leaves the optimization off without an optimization flag', () => {
    expect(load([]).optimization).toBeUndefined();
  });

  it('layers settings: defaults < config file < environment < flags', () => {
    const file = join(dir, 'bt.yaml');
    writeFileSync(file, 'strategy:\n  fast: 11\n  slow: 40\nexchange:\n  fee: 0.002\n  initialCash: 2000\n');
    const config = load(['--config', file, '--slow', '60'], { ARES_STRATEGY__SLOW: '45', ARES_EXCHANGE__FEE: '0.003' });
    expect(config.strategy).toMatchObject({ fast: 11, slow: 60 });
    expect(config.exchange).toMatchObject({ fee: 0.003, initialCash: 2000, slippageBps: 2 });
    expect(config.seed).toBe(42);
  });

  it('rejects a flag that is not a number where one is expected, naming the flag', () => {
    const stderr = process.stderr.write;
    process.stderr.write = () => true;
    try {
      expect(() => parseCliArguments(['--fast', 'ten'])).toThrow(`option '--fast <n>' argument 'ten' is invalid. expected a number, received "ten".`);
    } finally {
      process.stderr.write = stderr;
    }
  });
});
