import { ATR } from '../ATR.js';
import { BollingerBands } from '../BollingerBands.js';
import { CCI } from '../CCI.js';
import { Crossover } from '../Crossover.js';
import { DEMA } from '../DEMA.js';
import { EMA } from '../EMA.js';
import { EwmaVolatility } from '../EwmaVolatility.js';
import { Highest } from '../Highest.js';
import type { Indicator } from '../Indicator.js';
import { LogReturn } from '../LogReturn.js';
import { Lowest } from '../Lowest.js';
import { MACD } from '../MACD.js';
import { Momentum } from '../Momentum.js';
import { OBV } from '../OBV.js';
import { RateOfChange } from '../RateOfChange.js';
import { RealizedVolatility } from '../RealizedVolatility.js';
import { RollingVWAP } from '../RollingVWAP.js';
import { RSI } from '../RSI.js';
import { SimpleReturn } from '../SimpleReturn.js';
import { SMA } from '../SMA.js';
import { StandardDeviation } from '../StandardDeviation.js';
import { Stochastic } from '../Stochastic.js';
import { TEMA } from '../TEMA.js';
import { TrueRange } from '../TrueRange.js';
import { WilderSmoothing } from '../WilderSmoothing.js';
import { WilliamsR } from '../WilliamsR.js';
import { WMA } from '../WMA.js';
import { ZScore } from '../ZScore.js';
import type { Columns } from './series.js';

export type CaseInput = 'close' | 'bar' | 'pair';

export interface StatefulIndicator extends Indicator<unknown, never> {
  getState(): unknown;
}

/** One row of the contract suite: how to build, restore and batch-compute an indicator. */
export interface IndicatorCase {
  name: string;
  input: CaseInput;
  /** Field names of a multi-output result; empty for a number result. */
  outputs: readonly string[];
  /** Whether `replace` is supported (else it must throw UnsupportedOperationError). */
  replace: boolean;
  create(): StatefulIndicator;
  fromState(state: unknown): StatefulIndicator;
  /** The batch form over the columns, one array per output. */
  batch(columns: Columns): Float64Array[];
}

/** The second series of the crossover case: EMA(10) of the close, the close itself while it warms up. */
export function crossoverReference(columns: Columns): Float64Array {
  const ema = EMA.fromBatch(columns.close, 10);
  return ema.map((v, i) => (Number.isNaN(v) ? (columns.close[i] as number) : v));
}

const macd = { fastPeriod: 12, slowPeriod: 26, signalPeriod: 9 };
const slowStochastic = { period: 14, kSmoothing: 3, dPeriod: 3 };
const fastStochastic = { period: 5, kSmoothing: 1, dPeriod: 3 };

export const INDICATOR_CASES: readonly IndicatorCase[] = [
  { name: 'SMA(20)', input: 'close', outputs: [], replace: true, create: () => new SMA(20), fromState: SMA.fromState, batch: (c) => [SMA.fromBatch(c.close, 20)] },
  { name: 'SMA(1)', input: 'close', outputs: [], replace: true, create: () => new SMA(1), fromState: SMA.fromState, batch: (c) => [SMA.fromBatch(c.close, 1)] },
  { name: 'EMA(20)', input: 'close', outputs: [], replace: true, create: () => new EMA(20), fromState: EMA.fromState, batch: (c) => [EMA.fromBatch(c.close, 20)] },
  { name: 'WMA(20)', input: 'close', outputs: [], replace: true, create: () => new WMA(20), fromState: WMA.fromState, batch: (c) => [WMA.fromBatch(c.close, 20)] },
  { name: 'WilderSmoothing(14)', input: 'close', outputs: [], replace: true, create: () => new WilderSmoothing(14), fromState: WilderSmoothing.fromState, batch: (c) => [WilderSmoothing.fromBatch(c.close, 14)] },
  { name: 'DEMA(10)', input: 'close', outputs: [], replace: true, create: () => new DEMA(10), fromState: DEMA.fromState, batch: (c) => [DEMA.fromBatch(c.close, 10)] },
  { name: 'TEMA(10)', input: 'close', outputs: [], replace: true, create: () => new TEMA(10), fromState: TEMA.fromState, batch: (c) => [TEMA.fromBatch(c.close, 10)] },
  { name: 'RSI(14)', input: 'close', outputs: [], replace: true, create: () => new RSI(14), fromState: RSI.fromState, batch: (c) => [RSI.fromBatch(c.close, 14)] },
  {
    name: 'MACD(12,26,9)',
    input: 'close',
    outputs: ['macd', 'signal', 'histogram'],
    replace: true,
    create: () => new MACD(macd),
    fromState: MACD.fromState,
    batch: (c) => {
      const r = MACD.fromBatch(c.close, macd);
      return [r.macd, r.signal, r.histogram];
    },
  },
  {
    name: 'BollingerBands(20,2)',
    input: 'close',
    outputs: ['middle', 'upper', 'lower', 'percentB', 'bandwidth'],
    replace: true,
    create: () => new BollingerBands(),
    fromState: BollingerBands.fromState,
    batch: (c) => {
      const r = BollingerBands.fromBatch(c.close);
      return [r.middle, r.upper, r.lower, r.percentB, r.bandwidth];
    },
  },
  {
    name: 'BollingerBands(10,1.5,sample)',
    input: 'close',
    outputs: ['middle', 'upper', 'lower', 'percentB', 'bandwidth'],
    replace: true,
    create: () => new BollingerBands({ period: 10, multiplier: 1.5, deviation: 'sample' }),
    fromState: BollingerBands.fromState,
    batch: (c) => {
      const r = BollingerBands.fromBatch(c.close, { period: 10, multiplier: 1.5, deviation: 'sample' });
      return [r.middle, r.upper, r.lower, r.percentB, r.bandwidth];
    },
  },
  { name: 'TrueRange', input: 'bar', outputs: [], replace: true, create: () => new TrueRange(), fromState: TrueRange.fromState, batch: (c) => [TrueRange.fromBatch(c)] },
  { name: 'ATR(14)', input: 'bar', outputs: [], replace: true, create: () => new ATR(14), fromState: ATR.fromState, batch: (c) => [ATR.fromBatch(c, 14)] },
  {
    name: 'Stochastic slow(14,3,3)',
    input: 'bar',
    outputs: ['k', 'd'],
    replace: false,
    create: () => new Stochastic(slowStochastic),
    fromState: Stochastic.fromState,
    batch: (c) => {
      const r = Stochastic.fromBatch(c, slowStochastic);
      return [r.k, r.d];
    },
  },
  {
    name: 'Stochastic fast(5,1,3)',
    input: 'bar',
    outputs: ['k', 'd'],
    replace: false,
    create: () => new Stochastic(fastStochastic),
    fromState: Stochastic.fromState,
    batch: (c) => {
      const r = Stochastic.fromBatch(c, fastStochastic);
      return [r.k, r.d];
    },
  },
  { name: 'WilliamsR(14)', input: 'bar', outputs: [], replace: false, create: () => new WilliamsR(14), fromState: WilliamsR.fromState, batch: (c) => [WilliamsR.fromBatch(c, 14)] },
  { name: 'CCI(20)', input: 'bar', outputs: [], replace: true, create: () => new CCI(20), fromState: CCI.fromState, batch: (c) => [CCI.fromBatch(c, 20)] },
  { name: 'Momentum(10)', input: 'close', outputs: [], replace: true, create: () => new Momentum(10), fromState: Momentum.fromState, batch: (c) => [Momentum.fromBatch(c.close, 10)] },
  { name: 'RateOfChange(10)', input: 'close', outputs: [], replace: true, create: () => new RateOfChange(10), fromState: RateOfChange.fromState, batch: (c) => [RateOfChange.fromBatch(c.close, 10)] },
  { name: 'OBV', input: 'bar', outputs: [], replace: true, create: () => new OBV(), fromState: OBV.fromState, batch: (c) => [OBV.fromBatch(c)] },
  { name: 'RollingVWAP(20)', input: 'bar', outputs: [], replace: true, create: () => new RollingVWAP(20), fromState: RollingVWAP.fromState, batch: (c) => [RollingVWAP.fromBatch(c, 20)] },
  { name: 'Highest(14)', input: 'close', outputs: [], replace: false, create: () => new Highest(14), fromState: Highest.fromState, batch: (c) => [Highest.fromBatch(c.close, 14)] },
  { name: 'Lowest(14)', input: 'close', outputs: [], replace: false, create: () => new Lowest(14), fromState: Lowest.fromState, batch: (c) => [Lowest.fromBatch(c.close, 14)] },
  { name: 'StandardDeviation(20)', input: 'close', outputs: [], replace: true, create: () => new StandardDeviation(20), fromState: StandardDeviation.fromState, batch: (c) => [StandardDeviation.fromBatch(c.close, 20)] },
  { name: 'ZScore(20)', input: 'close', outputs: [], replace: true, create: () => new ZScore(20), fromState: ZScore.fromState, batch: (c) => [ZScore.fromBatch(c.close, 20)] },
  { name: 'SimpleReturn(1)', input: 'close', outputs: [], replace: true, create: () => new SimpleReturn(1), fromState: SimpleReturn.fromState, batch: (c) => [SimpleReturn.fromBatch(c.close, 1)] },
  { name: 'LogReturn(24)', input: 'close', outputs: [], replace: true, create: () => new LogReturn(24), fromState: LogReturn.fromState, batch: (c) => [LogReturn.fromBatch(c.close, 24)] },
  { name: 'RealizedVolatility(24)', input: 'close', outputs: [], replace: true, create: () => new RealizedVolatility({ period: 24 }), fromState: RealizedVolatility.fromState, batch: (c) => [RealizedVolatility.fromBatch(c.close, { period: 24 })] },
  { name: 'EwmaVolatility(0.94)', input: 'close', outputs: [], replace: true, create: () => new EwmaVolatility(), fromState: EwmaVolatility.fromState, batch: (c) => [EwmaVolatility.fromBatch(c.close)] },
  { name: 'Crossover', input: 'pair', outputs: [], replace: true, create: () => new Crossover(), fromState: Crossover.fromState, batch: (c) => [Crossover.fromBatch(c.close, crossoverReference(c))] },
];
