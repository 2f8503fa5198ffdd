import { PipelineConfigSchema } from '@ares/pipeline-kit';
import { z } from 'zod';
import { OptimizationSchema } from '../optimize/OptimizationSchema.js';

const fraction = z.number().gt(0).lt(1);

/** Which registered model decides (`strategy.kind: model`); the registry is @ares/core-engine's `ModelRegistry` folder. */
export const ModelStrategySchema = z.object({
  /** The registry folder: `<registry>/<name>/<version>/model.onnx + model.json`, `<name>/champion.json`, `challenger.json`. */
  registry: z.string().min(1),
  /** The model's name (a folder of the registry). Default: the registry's only model. */
  name: z.string().min(1).optional(),
  /** `champion`, `challenger` (the version the pointer names) or a registered version. */
  ref: z.string().min(1).default('champion'),
});

/**
 * The whole configuration of a backtest run: pipeline-kit's shared settings plus the data, strategy,
 * venue, sizing, stops, report and Monte Carlo sections. Documented example:
 * `config/examples/backtest.example.yaml`.
 */
export const BacktestConfigSchema = PipelineConfigSchema.extend({
  /** Names the pipeline in logs, notifications and the PID file warning. */
  name: z.string().min(1).default('backtest'),
  /** Seed of everything random: the synthetic market and the Monte Carlo paths. */
  seed: z.number().int().refine(Number.isSafeInteger, 'expected a safe integer').default(42),
  /** Where the bars come from. */
  data: z
    .object({
      /**
       * `synthetic` (the seeded generated market), a CSV file path (`timestamp,open,high,low,close,volume`,
       * epoch ms) or `store:<dir>:<symbol>:<timeframe>` (the local bar store).
       */
      source: z.string().min(1).default('synthetic'),
      /** Symbol traded on the simulated venue, `BASE/QUOTE`. */
      symbol: z
        .string()
        .regex(/^[A-Za-z0-9]+\/[A-Za-z0-9]+$/, 'expected BASE/QUOTE, e.g. "BTC/USDT"')
        .default('BTC/USDT'),
      /** Bar timeframe, e.g. `1h`. Default: inferred from the data (the smallest step between bars). */
      timeframe: z.string().min(1).optional(),
      /** Bars of the synthetic market (17 520 = two years of 1h bars). */
      syntheticBars: z.number().int().min(2).default(17_520),
    })
    .prefault({}),
  /** What decides: a rule strategy or a model from the registry. */
  strategy: z
    .object({
      /** `sma-crossover` or `rsi-mean-reversion` (rule strategies), or `model` (a registered ONNX model, see `model`). */
      kind: z.enum(['sma-crossover', 'rsi-mean-reversion', 'model']).default('sma-crossover'),
      /**
       * Rule strategies: `long-only`, an exit signal goes flat; `long-short`, it reverses. A model ignores
       * it: its metadata decides (classifier `thresholds.allowShort`, policy action targets).
       */
      mode: z.enum(['long-only', 'long-short']).default('long-only'),
      /**
       * The model when `kind` is `model` (required then). Its metadata's feature spec becomes the engine's
       * features; the strategy id in the report and summary.json is the model's `name@version`.
       */
      model: ModelStrategySchema.optional(),
      /** SMA crossover: fast period, bars. */
      fast: z.number().int().min(1).default(20),
      /** SMA crossover: slow period, bars (greater than `fast`). */
      slow: z.number().int().min(2).default(50),
      /** RSI mean reversion: RSI period, bars. */
      rsiPeriod: z.number().int().min(2).default(14),
      /** RSI mean reversion: oversold level (go long below). */
      rsiLower: z.number().gt(0).lt(100).default(30),
      /** RSI mean reversion: overbought level (exit or go short above). */
      rsiUpper: z.number().gt(0).lt(100).default(70),
    })
    .superRefine((s, ctx) => {
      if (s.kind === 'model' && s.model === undefined) ctx.addIssue({ code: 'custom', message: 'expected a model section (registry, ref) when "kind" is "model"', path: ['model'], input: s.model });
    })
    .refine((s) => s.fast < s.slow, { message: 'expected a period greater than "fast"', path: ['slow'] })
    .refine((s) => s.rsiLower < s.rsiUpper, { message: 'expected a level above "rsiLower"', path: ['rsiUpper'] })
    .prefault({}),
  /** The simulated venue. */
  exchange: z
    .object({
      /** Fee per side, a fraction of the fill's notional (0.001 = 0.1 %). */
      fee: z.number().min(0).lt(1).default(0.001),
      /** Slippage of market fills against the order, basis points of the price (clamped to the bar's range). */
      slippageBps: z.number().min(0).max(10_000).default(2),
      /** Extra bars before an order becomes eligible: 0 fills at the next bar's open. */
      latencyBars: z.number().int().min(0).default(0),
      /** Starting cash, quote currency. */
      initialCash: z.number().positive().default(10_000),
    })
    .prefault({}),
  /** Position sizing. */
  sizing: z
    .object({
      /** Entry notional as a fraction of the free cash at the signal bar's close (0.5 = 50 %). */
      fraction: z.number().gt(0).max(1).default(0.5),
    })
    .prefault({}),
  /** Stop-loss and take-profit, a fraction of the entry decision price; checked on each bar's high/low (stop first). */
  stops: z
    .object({
      /** Stop-loss distance, a fraction (0.05 = 5 % below a long entry). Default: none. */
      stopLossPct: fraction.optional(),
      /** Take-profit distance, a fraction (0.1 = 10 % above a long entry). Default: none. */
      takeProfitPct: fraction.optional(),
    })
    .prefault({}),
  /** What happens to a position still open after the last bar: `mark` it to the last close, or `close` it there (fees paid). */
  endOfData: z.enum(['mark', 'close']).default('mark'),
  /** Outputs. */
  report: z
    .object({
      /** Folder of report.html, summary.json and logs/. */
      out: z.string().min(1).default('runs/backtest'),
      /** Trades listed in the HTML report (all of them are in summary.json). */
      tradeRows: z.number().int().min(0).default(200),
    })
    .prefault({}),
  /** Monte Carlo robustness checks. */
  monteCarlo: z
    .object({
      /** Paths per method; 0 turns Monte Carlo off. */
      paths: z.number().int().min(0).default(1000),
      /** Mean block length of the stationary block bootstrap of bar returns, bars. */
      blockLength: z.number().int().min(1).default(24),
      /** A path is ruined when its equity falls below this fraction of the initial equity. */
      ruinThreshold: z.number().min(0).max(1).default(0.5),
      /** Drawdown threshold of the "probability of a drawdown beyond" figure, a fraction. */
      drawdownThreshold: z.number().min(0).max(1).default(0.2),
      /**
       * Memory bound of the block bootstrap, paths × steps (8 bytes each: every path is kept for the fan
       * chart). Above it the bootstrap draws k-bar returns, k = ceil(paths × bars / maxPathCells).
       */
      maxPathCells: z.number().int().min(1).default(20_000_000),
    })
    .prefault({}),
  /**
   * Parameter optimization (coarse → fine → walk-forward) run besides the backtest; absent = off (`--optimize <stage>`).
   * Rule strategies only: a model's parameters were fitted by its training, and searching its thresholds
   * over the backtest's own bars would fit them to the data the model is judged on.
   */
  optimization: OptimizationSchema.optional(),
  /** Require an `email` section (fail at start without one) — the `--email` flag. Mail is sent whenever `email` is configured. */
  requireEmail: z.boolean().default(false),
}).superRefine((c, ctx) => {
  if (c.strategy.kind === 'model' && c.optimization !== undefined) {
    const message = 'expected no optimization with "strategy.kind" "model" (optimization searches rule-strategy parameters; retrain the model instead)';
    ctx.addIssue({ code: 'custom', message, path: ['optimization'], input: c.optimization });
  }
});

/** A backtest config as written (defaults optional). */
export type BacktestConfigInput = z.input<typeof BacktestConfigSchema>;
/** A backtest config after parsing, every default filled in. */
export type BacktestConfig = z.output<typeof BacktestConfigSchema>;
