import { BarSeries, timeframeToMs } from '@ares/features';
import { createRandom } from '@ares/pipeline-kit';
import { parseWithSchema } from '../simulated/parseWithSchema.js';
import type { Regime, SyntheticMarketOptions } from './SyntheticMarketOptionsSchema.js';
import { SyntheticMarketOptionsSchema } from './SyntheticMarketOptionsSchema.js';

export interface SyntheticMarket {
  readonly series: BarSeries;
  /** Bar indexes where a new regime starts (bar 0 excluded), ascending. */
  readonly regimeChanges: number[];
}

/**
 * A seeded synthetic market: geometric Brownian motion in log price, with GARCH(1,1) volatility
 * clustering, Merton jumps and regime switches at known bars; the offline default dataset.
 *
 * Per bar t, the log return is r_t = drift + √h_t·z_t (+ J_t with the jump probability), spread
 * over `subSteps` Gaussian sub-steps whose running extremes give high and low (so high ≥ max(open,
 * close) and low ≤ min(open, close) by construction). Each bar opens at the previous close.
 * Volume = baseVolume · (0.5 + |r_t| / √h_t) · e^{0.25·z}: positive and rising with |return|.
 * Gaussians come from Box–Muller on pipeline-kit's seeded PRNG.
 *
 * @throws SimulationInputError naming every bad option.
 */
export function generateSyntheticMarket(options: SyntheticMarketOptions): SyntheticMarket {
  const o = parseWithSchema(SyntheticMarketOptionsSchema, options, 'options');
  const step = timeframeToMs(o.timeframe);
  const gaussian = boxMuller(createRandom(o.seed));
  const uniform = createRandom(o.seed ^ 0x5bd1e995);
  const regimes: Regime[] = [{ at: 0, drift: o.drift, volatility: o.volatility }, ...o.regimes].sort((a, b) => a.at - b.at);
  const regimeChanges = [...new Set(regimes.map((r) => r.at).filter((at) => at > 0 && at < o.bars))];

  const n = o.bars;
  const columns = {
    timestamp: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  const { garch, jumps, subSteps } = o;
  let next = 0;
  let regime = regimes[0] as Regime;
  let variance = regime.volatility ** 2;
  let shock = 0;
  let regimeStart = true;
  let logPrice = Math.log(o.startPrice);
  for (let t = 0; t < n; t++) {
    while (next < regimes.length && (regimes[next] as Regime).at <= t) {
      regime = regimes[next++] as Regime;
      // A regime starts at its own long-run variance.
      variance = regime.volatility ** 2;
      regimeStart = true;
    }
    if (garch !== null && !regimeStart) {
      const omega = garch.omega ?? 1 - garch.alpha - garch.beta;
      variance = omega * regime.volatility ** 2 + garch.alpha * shock * shock + garch.beta * variance;
    }
    regimeStart = false;
    const sigma = Math.sqrt(variance);
    const jumpAt = jumps !== null && uniform() < jumps.probability ? Math.floor(uniform() * subSteps) : -1;
    const jump = jumpAt >= 0 && jumps !== null ? jumps.meanLog + jumps.stdLog * gaussian() : 0;

    const open = logPrice;
    let high = open;
    let low = open;
    let z = 0;
    const subSigma = sigma / Math.sqrt(subSteps);
    for (let k = 0; k < subSteps; k++) {
      const dz = gaussian();
      z += dz;
      logPrice += regime.drift / subSteps + subSigma * dz + (k === jumpAt ? jump : 0);
      if (logPrice > high) high = logPrice;
      if (logPrice < low) low = logPrice;
    }
    shock = sigma * (z / Math.sqrt(subSteps));
    const absoluteReturn = Math.abs(logPrice - open);
    columns.timestamp[t] = o.start + t * step;
    // The open is the previous close exactly; max/min guard the range against exp() rounding.
    const openPrice = t === 0 ? o.startPrice : (columns.close[t - 1] as number);
    const closePrice = Math.exp(logPrice);
    columns.open[t] = openPrice;
    columns.high[t] = Math.max(Math.exp(high), openPrice, closePrice);
    columns.low[t] = Math.min(Math.exp(low), openPrice, closePrice);
    columns.close[t] = closePrice;
    columns.volume[t] = o.baseVolume * (0.5 + (sigma > 0 ? absoluteReturn / sigma : 0)) * Math.exp(0.25 * gaussian());
  }
  return { series: BarSeries.fromColumns(columns), regimeChanges };
}

/**
 * Standard normal draws by the Box–Muller transform, both outputs of each pair used.
 * @see Box & Muller (1958), "A note on the generation of random normal deviates", Ann. Math. Statist. 29.
 */
function boxMuller(random: () => number): () => number {
  let spare = Number.NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const value = spare;
      spare = Number.NaN;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}
