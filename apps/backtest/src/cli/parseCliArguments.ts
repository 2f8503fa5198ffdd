import { Command, InvalidArgumentError, Option } from 'commander';
import { BacktestConfigSchema } from '../config/BacktestConfigSchema.js';

/** What the command line asks for: the config file and the overrides, as `ARES_` variables (the highest layer). */
export interface CliArguments {
  readonly configFile: string | undefined;
  readonly overrides: Record<string, string>;
}

const defaults = BacktestConfigSchema.parse({});

/** Each flag → the config path it sets, as an environment variable name under the `ARES_` prefix. */
const FLAGS: readonly { flag: string; env: string; description: string; choices?: readonly string[] }[] = [
  { flag: '--data <source>', env: 'DATA__SOURCE', description: `bars: "synthetic" (seeded generated market), a CSV file path, or store:<dir>:<symbol>:<timeframe> (default: "${defaults.data.source}")` },
  { flag: '--symbol <BASE/QUOTE>', env: 'DATA__SYMBOL', description: `symbol traded on the simulated venue (default: "${defaults.data.symbol}")` },
  { flag: '--timeframe <tf>', env: 'DATA__TIMEFRAME', description: 'bar timeframe, e.g. 1h (default: inferred from the data; 1h for synthetic)' },
  { flag: '--bars <n>', env: 'DATA__SYNTHETIC_BARS', description: `bars of the synthetic market (default: ${defaults.data.syntheticBars})` },
  { flag: '--strategy <kind>', env: 'STRATEGY__KIND', description: `rule strategy, or "model" for a model from the registry (default: "${defaults.strategy.kind}")`, choices: ['sma-crossover', 'rsi-mean-reversion', 'model'] },
  { flag: '--model-registry <dir>', env: 'STRATEGY__MODEL__REGISTRY', description: 'with --strategy model: the model registry folder (<dir>/<name>/<version>/model.onnx + model.json)' },
  { flag: '--model-name <name>', env: 'STRATEGY__MODEL__NAME', description: "with --strategy model: the model's name in the registry (default: the registry's only model)" },
  { flag: '--model-ref <ref>', env: 'STRATEGY__MODEL__REF', description: 'with --strategy model: champion, challenger or a registered version (default: "champion")' },
  { flag: '--fast <n>', env: 'STRATEGY__FAST', description: `SMA crossover fast period, bars (default: ${defaults.strategy.fast})` },
  { flag: '--slow <n>', env: 'STRATEGY__SLOW', description: `SMA crossover slow period, bars (default: ${defaults.strategy.slow})` },
  { flag: '--rsi-period <n>', env: 'STRATEGY__RSI_PERIOD', description: `RSI period, bars (default: ${defaults.strategy.rsiPeriod})` },
  { flag: '--rsi-lower <level>', env: 'STRATEGY__RSI_LOWER', description: `RSI oversold level: go long below (default: ${defaults.strategy.rsiLower})` },
  { flag: '--rsi-upper <level>', env: 'STRATEGY__RSI_UPPER', description: `RSI overbought level: exit / go short above (default: ${defaults.strategy.rsiUpper})` },
  { flag: '--mode <mode>', env: 'STRATEGY__MODE', description: `long-only or long-short (default: "${defaults.strategy.mode}")`, choices: ['long-only', 'long-short'] },
  { flag: '--fee <fraction>', env: 'EXCHANGE__FEE', description: `fee per side, a fraction of notional (default: ${defaults.exchange.fee})` },
  { flag: '--slippage-bps <bps>', env: 'EXCHANGE__SLIPPAGE_BPS', description: `slippage of market fills, basis points (default: ${defaults.exchange.slippageBps})` },
  { flag: '--latency-bars <n>', env: 'EXCHANGE__LATENCY_BARS', description: `extra bars before an order can fill; 0 = next bar's open (default: ${defaults.exchange.latencyBars})` },
  { flag: '--cash <amount>', env: 'EXCHANGE__INITIAL_CASH', description: `initial cash, quote currency (default: ${defaults.exchange.initialCash})` },
  { flag: '--fraction <fraction>', env: 'SIZING__FRACTION', description: `entry notional as a fraction of free cash at the signal bar's close (default: ${defaults.sizing.fraction})` },
  { flag: '--stop-loss-pct <fraction>', env: 'STOPS__STOP_LOSS_PCT', description: 'stop-loss distance from the entry decision price, a fraction, e.g. 0.05 (default: none)' },
  { flag: '--take-profit-pct <fraction>', env: 'STOPS__TAKE_PROFIT_PCT', description: 'take-profit distance from the entry decision price, a fraction, e.g. 0.1 (default: none)' },
  { flag: '--end-of-data <policy>', env: 'END_OF_DATA', description: `open position after the last bar: mark it to the last close, or close it there with fees (default: "${defaults.endOfData}")`, choices: ['mark', 'close'] },
  { flag: '--seed <n>', env: 'SEED', description: `seed of the synthetic market and the Monte Carlo paths (default: ${defaults.seed})` },
  { flag: '--out <dir>', env: 'REPORT__OUT', description: `folder of report.html, summary.json and logs/ (default: "${defaults.report.out}")` },
  { flag: '--trade-rows <n>', env: 'REPORT__TRADE_ROWS', description: `trades listed in the HTML report (default: ${defaults.report.tradeRows})` },
  { flag: '--monte-carlo-paths <n>', env: 'MONTE_CARLO__PATHS', description: `Monte Carlo paths per method, 0 = off (default: ${defaults.monteCarlo.paths})` },
  { flag: '--block-length <bars>', env: 'MONTE_CARLO__BLOCK_LENGTH', description: `mean block length of the bar-return block bootstrap (default: ${defaults.monteCarlo.blockLength})` },
  { flag: '--optimize <stage>', env: 'OPTIMIZATION__STAGE', description: 'also optimize the strategy parameters: coarse, fine (coarse + fine), walk-forward or all (default: off; any optimization flag turns it on with "all")', choices: ['coarse', 'fine', 'walk-forward', 'all'] },
  { flag: '--space <json>', env: 'OPTIMIZATION__SPACE', description: 'parameter space as JSON, e.g. \'[{"name":"fast","kind":"int","min":5,"max":50,"step":5},{"name":"slow","kind":"int","min":20,"max":200,"step":20}]\' (default: that one)' },
  { flag: '--objective <name>', env: 'OPTIMIZATION__OBJECTIVE', description: 'what a trial maximizes; custom = the module of --custom-objective (default: "sharpe")', choices: ['sharpe', 'sortino', 'calmar', 'return-over-drawdown', 'custom'] },
  { flag: '--custom-objective <file>', env: 'OPTIMIZATION__CUSTOM_OBJECTIVE', description: 'with --objective custom: an .mjs/.js module whose default export is (metrics) => number (metrics: totalReturn, cagr, sharpeRatio, sortinoRatio, calmarRatio, maxDrawdown, numberOfTrades)' },
  { flag: '--sampler <kind>', env: 'OPTIMIZATION__SAMPLER', description: 'stage-1 search: the full grid, seeded random points or a seeded Latin hypercube (default: "grid")', choices: ['grid', 'random', 'latin-hypercube'] },
  { flag: '--trials <n>', env: 'OPTIMIZATION__TRIALS', description: 'stage-1 points of the random / latin-hypercube samplers (default: 100)' },
  { flag: '--workers <n>', env: 'OPTIMIZATION__WORKERS', description: 'worker threads running trials; results do not depend on it (default: 2)' },
  { flag: '--min-trades <n>', env: 'OPTIMIZATION__MIN_TRADES', description: 'constraint: a trial with fewer closed trades scores -Infinity (default: 5)' },
  { flag: '--max-drawdown <fraction>', env: 'OPTIMIZATION__MAX_DRAWDOWN', description: 'constraint: a trial with a deeper max drawdown scores -Infinity (default: 0.5)' },
  { flag: '--in-sample-bars <n>', env: 'OPTIMIZATION__IN_SAMPLE_BARS', description: 'walk-forward in-sample window, bars (default: 4380)' },
  { flag: '--out-of-sample-bars <n>', env: 'OPTIMIZATION__OUT_OF_SAMPLE_BARS', description: 'walk-forward out-of-sample window, bars (default: 1460)' },
];

/** Placeholders of flags that take text; every other flag takes a number. */
const TEXT_ARGUMENTS = ['<source>', '<BASE/QUOTE>', '<tf>', '<dir>', '<json>', '<name>', '<ref>', '<file>'];

function optionKey(flag: string): string {
  const long = flag.split(' ')[0] as string;
  return long.slice(2).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** Builds the `backtest` command; `parse` reads argv (`--help` prints every option and exits 0). */
export function createCli(): Command {
  const program = new Command('backtest')
    .description(
      'Backtest a rule strategy or a registered model on historical or synthetic bars and write report.html + summary.json.\n' +
        'Settings: schema defaults < --config file < ARES_* environment variables < these flags.',
    )
    .option('-c, --config <file>', 'YAML or JSON config file (schema: BacktestConfigSchema; see config/examples/backtest.example.yaml)')
    .option('--anchored', 'anchored walk-forward: every in-sample window starts at the first bar (default: rolling)')
    .option('--email', 'require the email section of the config (fail at start without it); mail is sent whenever it is configured')
    .showHelpAfterError()
    // Throw (CommanderError) instead of exiting, so the caller decides the exit code; --help throws with exitCode 0.
    .exitOverride();
  for (const f of FLAGS) {
    const option = new Option(f.flag, f.description);
    if (f.choices !== undefined) option.choices(f.choices);
    else if (!TEXT_ARGUMENTS.some((a) => f.flag.endsWith(a))) {
      option.argParser((value: string) => {
        if (value.trim() === '' || !Number.isFinite(Number(value))) throw new InvalidArgumentError(`expected a number, received "${value}".`);
        return value;
      });
    }
    program.addOption(option);
  }
  return program;
}

/** Parses `argv` (without node and the script) into the config file and the overrides. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  const program = createCli();
  program.parse([...argv], { from: 'user' });
  const options = program.opts<Record<string, string | boolean | undefined>>();
  const overrides: Record<string, string> = {};
  for (const f of FLAGS) {
    const value = options[optionKey(f.flag)];
    if (typeof value === 'string') overrides[`ARES_${f.env}`] = value;
  }
  if (options.email === true) overrides.ARES_REQUIRE_EMAIL = 'true';
  if (options.anchored === true) overrides.ARES_OPTIMIZATION__ANCHORED = 'true';
  return { configFile: typeof options.config === 'string' ? options.config : undefined, overrides };
}
