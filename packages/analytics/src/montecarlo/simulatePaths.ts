import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { quantilesInPlace } from '../math.js';
import { PERCENTILES, type Distribution, summarizeDistribution } from './summarizeDistribution.js';
import type { SeededRandom } from '../SeededRandom.js';

/** What every Monte Carlo method returns. Drawdowns are positive fractions of the running peak. */
export interface MonteCarloResult {
  readonly paths: number;
  /** Returns compounded per path; each path has steps + 1 equity points (the first is the initial equity). */
  readonly steps: number;
  readonly finalEquity: Distribution;
  readonly maxDrawdown: Distribution;
  /** Fraction of a path's equity points strictly below its running peak. */
  readonly timeUnderWater: Distribution;
  /** Share of paths whose equity fell below ruinThreshold × initialEquity at some step. */
  readonly probabilityOfRuin: number;
  /** Share of paths whose max drawdown exceeded drawdownThreshold. */
  readonly probabilityOfDrawdownBeyond: number;
  /** Fan chart: for each percentile of {@link PERCENTILES}, the equity percentile at every step (length steps + 1). */
  readonly fan: { readonly percentiles: readonly number[]; readonly bands: readonly Float64Array[] };
}

export interface SimulationSettings {
  readonly paths: number;
  readonly steps: number;
  readonly initialEquity: number;
  readonly ruinThreshold: number;
  readonly drawdownThreshold: number;
  readonly random: SeededRandom;
  /** Writes one path's `steps` returns into `out`, drawing from `random`. */
  readonly drawPath: (random: SeededRandom, out: Float64Array) => void;
}

/** Checks that returns are finite and ≥ −1 (−1 = everything lost), so compounding stays meaningful. */
export function checkReturns(returns: ArrayLike<number>, argument: string): void {
  if (returns.length === 0) {
    throw new InvalidArgumentError({ argument, message: `Invalid "${argument}": expected at least 1 return, received "0" returns.` });
  }
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i] as number;
    if (!Number.isFinite(r) || r < -1) {
      throw new InvalidArgumentError({
        argument: `${argument}.${i}`,
        message: `Invalid "${argument}.${i}": expected a finite return >= -1 (a fraction, -0.05 = -5 %), received "${r}".`,
      });
    }
  }
}

/** Paths drawn per block before their equity is copied to the step-major fan-chart matrix. */
const CHUNK_PATHS = 64;

/** Draws the paths one after another, compounds them and summarizes the outcome. */
export function simulatePaths(s: SimulationSettings): MonteCarloResult {
  const { paths, steps, initialEquity, random } = s;
  const width = steps + 1;
  // step-major (curves[t · paths + p]): each fan-chart column is one contiguous block to select in
  const curves = new Float64Array(paths * width);
  const finalEquity = new Float64Array(paths);
  const maxDrawdown = new Float64Array(paths);
  const timeUnderWater = new Float64Array(paths);
  const ruinLevel = s.ruinThreshold * initialEquity;
  let ruined = 0;
  let deep = 0;
  // Paths are drawn in chunks into a path-major buffer (returns, then equity in place), then copied to the
  // step-major curves chunk by chunk, so the copy writes contiguous runs instead of one value per cache line.
  const chunk = Math.min(CHUNK_PATHS, paths);
  const buffer = new Float64Array(chunk * steps);
  for (let first = 0; first < paths; first += chunk) {
    const count = Math.min(chunk, paths - first);
    for (let j = 0; j < count; j++) {
      const p = first + j;
      const row = buffer.subarray(j * steps, (j + 1) * steps);
      s.drawPath(random, row);
      let equity = initialEquity;
      let peak = initialEquity;
      let worst = 0;
      let under = 0;
      let isRuined = false;
      for (let t = 0; t < steps; t++) {
        equity *= 1 + (row[t] as number);
        row[t] = equity;
        if (equity >= peak) peak = equity;
        else {
          under++;
          const depth = 1 - equity / peak;
          if (depth > worst) worst = depth;
        }
        if (equity < ruinLevel) isRuined = true;
      }
      curves[p] = initialEquity;
      finalEquity[p] = equity;
      maxDrawdown[p] = worst;
      timeUnderWater[p] = under / width;
      if (isRuined) ruined++;
      if (worst > s.drawdownThreshold) deep++;
    }
    for (let t = 0; t < steps; t++) {
      const offset = (t + 1) * paths + first;
      for (let j = 0; j < count; j++) curves[offset + j] = buffer[j * steps + t] as number;
    }
  }
  return {
    paths,
    steps,
    finalEquity: summarizeDistribution(finalEquity),
    maxDrawdown: summarizeDistribution(maxDrawdown),
    timeUnderWater: summarizeDistribution(timeUnderWater),
    probabilityOfRuin: ruined / paths,
    probabilityOfDrawdownBeyond: deep / paths,
    fan: { percentiles: PERCENTILES, bands: fanBands(curves, paths, width) },
  };
}

function fanBands(curves: Float64Array, paths: number, width: number): Float64Array[] {
  const bands = PERCENTILES.map(() => new Float64Array(width));
  for (let t = 0; t < width; t++) {
    const values = quantilesInPlace(
      curves.subarray(t * paths, (t + 1) * paths),
      PERCENTILES.map((p) => p / 100),
    );
    values.forEach((value, k) => {
      (bands[k] as Float64Array)[t] = value;
    });
  }
  return bands;
}
