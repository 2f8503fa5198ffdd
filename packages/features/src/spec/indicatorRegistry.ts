import { z } from 'zod';
import { ATR } from '../indicators/ATR.js';
import { BollingerBands } from '../indicators/BollingerBands.js';
import { CCI } from '../indicators/CCI.js';
import { DEMA } from '../indicators/DEMA.js';
import { EMA } from '../indicators/EMA.js';
import { EwmaVolatility } from '../indicators/EwmaVolatility.js';
import { Highest } from '../indicators/Highest.js';
import type { HighLowCloseVolumeColumns, Indicator } from '../indicators/Indicator.js';
import { LogReturn } from '../indicators/LogReturn.js';
import { Lowest } from '../indicators/Lowest.js';
import { MACD } from '../indicators/MACD.js';
import { Momentum } from '../indicators/Momentum.js';
import { OBV } from '../indicators/OBV.js';
import { RateOfChange } from '../indicators/RateOfChange.js';
import { RealizedVolatility } from '../indicators/RealizedVolatility.js';
import { RollingVWAP } from '../indicators/RollingVWAP.js';
import { RSI } from '../indicators/RSI.js';
import { SimpleReturn } from '../indicators/SimpleReturn.js';
import { SMA } from '../indicators/SMA.js';
import { StandardDeviation } from '../indicators/StandardDeviation.js';
import { Stochastic } from '../indicators/Stochastic.js';
import { TEMA } from '../indicators/TEMA.js';
import { TrueRange } from '../indicators/TrueRange.js';
import { WilderSmoothing } from '../indicators/WilderSmoothing.js';
import { WilliamsR } from '../indicators/WilliamsR.js';
import { WMA } from '../indicators/WMA.js';
import { ZScore } from '../indicators/ZScore.js';

/** An indicator as the spec compilers see it: parameters in, streaming instance or whole columns out. */
export interface StatefulIndicator extends Indicator<unknown, never> {
  getState(): unknown;
}

export interface RegisteredIndicator {
  /** zod schema of `params`, with defaults. */
  readonly params: z.ZodType<Record<string, unknown>>;
  /** `true`: reads the bar (high, low, close, volume); `false`: reads the feature's `input` column. */
  readonly readsBar: boolean;
  /** Output names of a multi-output indicator (the feature must pick one); empty for one output. */
  readonly outputs: readonly string[];
  create(params: Record<string, unknown>): StatefulIndicator;
  fromState(state: unknown): StatefulIndicator;
  /** Whole-column form; `input` is the feature's input column. Multi-output: one array per output. */
  batch(params: Record<string, unknown>, input: Float64Array, bars: HighLowCloseVolumeColumns): Float64Array | Record<string, Float64Array>;
}

const period = (fallback: number) => z.number().int().min(1).default(fallback);
const deviation = z.enum(['population', 'sample']).default('population');
const periodOnly = (fallback: number) => z.object({ period: period(fallback) }).strict();
const noParams = z.object({}).strict();

// The registry stores heterogeneous parameter shapes: each entry validates its own `params` with its schema
// before calling create/batch, so the casts below only restate what that schema guarantees.
type Params = Record<string, unknown>;
const p = (params: Params, key: string): number => params[key] as number;

function single(
  fallback: number,
  Kind: { new (period: number): StatefulIndicator; fromState(state: never): StatefulIndicator; fromBatch(values: Float64Array, period: number): Float64Array },
): RegisteredIndicator {
  return {
    params: periodOnly(fallback),
    readsBar: false,
    outputs: [],
    create: (params) => new Kind(p(params, 'period')),
    fromState: (state) => Kind.fromState(state as never),
    batch: (params, input) => Kind.fromBatch(input, p(params, 'period')),
  };
}

/** Every indicator a feature spec can name, by its spec name. */
export const INDICATOR_REGISTRY: Readonly<Record<string, RegisteredIndicator>> = {
  sma: single(20, SMA),
  ema: single(20, EMA),
  wma: single(20, WMA),
  wilderSmoothing: single(14, WilderSmoothing),
  dema: single(20, DEMA),
  tema: single(20, TEMA),
  rsi: single(14, RSI),
  momentum: single(10, Momentum),
  rateOfChange: single(10, RateOfChange),
  simpleReturn: single(1, SimpleReturn),
  logReturn: single(1, LogReturn),
  highest: single(20, Highest),
  lowest: single(20, Lowest),
  macd: {
    params: z
      .object({ fastPeriod: period(12), slowPeriod: period(26), signalPeriod: period(9) })
      .strict()
      .refine((o) => o.fastPeriod < o.slowPeriod, { message: 'fastPeriod must be < slowPeriod', path: ['fastPeriod'] }),
    readsBar: false,
    outputs: ['macd', 'signal', 'histogram'],
    create: (params) => new MACD(params),
    fromState: (state) => MACD.fromState(state as never),
    batch: (params, input) => ({ ...MACD.fromBatch(input, params) }),
  },
  bollingerBands: {
    params: z.object({ period: period(20), multiplier: z.number().positive().default(2), deviation }).strict(),
    readsBar: false,
    outputs: ['middle', 'upper', 'lower', 'percentB', 'bandwidth'],
    create: (params) => new BollingerBands(params),
    fromState: (state) => BollingerBands.fromState(state as never),
    batch: (params, input) => ({ ...BollingerBands.fromBatch(input, params) }),
  },
  standardDeviation: {
    params: z.object({ period: period(20), deviation }).strict(),
    readsBar: false,
    outputs: [],
    create: (params) => new StandardDeviation(p(params, 'period'), params.deviation as 'population'),
    fromState: (state) => StandardDeviation.fromState(state as never),
    batch: (params, input) => StandardDeviation.fromBatch(input, p(params, 'period'), params.deviation as 'population'),
  },
  zScore: {
    params: z.object({ period: period(20), deviation }).strict(),
    readsBar: false,
    outputs: [],
    create: (params) => new ZScore(p(params, 'period'), params.deviation as 'population'),
    fromState: (state) => ZScore.fromState(state as never),
    batch: (params, input) => ZScore.fromBatch(input, p(params, 'period'), params.deviation as 'population'),
  },
  realizedVolatility: {
    params: z
      .object({ period: z.number().int().min(2).default(24), periodsPerYear: z.number().positive().default(8760), deviation: z.enum(['population', 'sample']).default('sample') })
      .strict(),
    readsBar: false,
    outputs: [],
    create: (params) => new RealizedVolatility(params),
    fromState: (state) => RealizedVolatility.fromState(state as never),
    batch: (params, input) => RealizedVolatility.fromBatch(input, params),
  },
  ewmaVolatility: {
    params: z
      .object({ lambda: z.number().gt(0).lt(1).default(0.94), seedPeriod: period(20), periodsPerYear: z.number().positive().default(8760) })
      .strict(),
    readsBar: false,
    outputs: [],
    create: (params) => new EwmaVolatility(params),
    fromState: (state) => EwmaVolatility.fromState(state as never),
    batch: (params, input) => EwmaVolatility.fromBatch(input, params),
  },
  trueRange: {
    params: noParams,
    readsBar: true,
    outputs: [],
    create: () => new TrueRange(),
    fromState: (state) => TrueRange.fromState(state as never),
    batch: (_params, _input, bars) => TrueRange.fromBatch(bars),
  },
  atr: {
    params: periodOnly(14),
    readsBar: true,
    outputs: [],
    create: (params) => new ATR(p(params, 'period')),
    fromState: (state) => ATR.fromState(state as never),
    batch: (params, _input, bars) => ATR.fromBatch(bars, p(params, 'period')),
  },
  stochastic: {
    params: z.object({ period: period(14), kSmoothing: period(3), dPeriod: period(3) }).strict(),
    readsBar: true,
    outputs: ['k', 'd'],
    create: (params) => new Stochastic(params),
    fromState: (state) => Stochastic.fromState(state as never),
    batch: (params, _input, bars) => ({ ...Stochastic.fromBatch(bars, params) }),
  },
  williamsR: {
    params: periodOnly(14),
    readsBar: true,
    outputs: [],
    create: (params) => new WilliamsR(p(params, 'period')),
    fromState: (state) => WilliamsR.fromState(state as never),
    batch: (params, _input, bars) => WilliamsR.fromBatch(bars, p(params, 'period')),
  },
  cci: {
    params: periodOnly(20),
    readsBar: true,
    outputs: [],
    create: (params) => new CCI(p(params, 'period')),
    fromState: (state) => CCI.fromState(state as never),
    batch: (params, _input, bars) => CCI.fromBatch(bars, p(params, 'period')),
  },
  obv: {
    params: noParams,
    readsBar: true,
    outputs: [],
    create: () => new OBV(),
    fromState: (state) => OBV.fromState(state as never),
    batch: (_params, _input, bars) => OBV.fromBatch(bars),
  },
  vwap: {
    params: periodOnly(20),
    readsBar: true,
    outputs: [],
    create: (params) => new RollingVWAP(p(params, 'period')),
    fromState: (state) => RollingVWAP.fromState(state as never),
    batch: (params, _input, bars) => RollingVWAP.fromBatch(bars, p(params, 'period')),
  },
};
