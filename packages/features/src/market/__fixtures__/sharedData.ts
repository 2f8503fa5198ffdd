import path from 'node:path';

// Tests run with the package folder as the working directory; the shared data sits beside the repo.
const dataDir = path.resolve(process.cwd(), '../../../shared/data');

/** 62,482 hourly Binance BTC/USDT bars; its README lists 25 gaps (88 missing hours) and 3 zero-volume bars. */
export const BTC_1H_CSV = path.join(dataDir, 'btcusdt_binance_spot_1h.csv');

/** A small deterministic PRNG for tests (mulberry32), returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Indices where two arrays differ bit for bit (`Object.is`, so NaN equals NaN and -0 differs from 0). */
export function bitwiseMismatches(actual: ArrayLike<number>, expected: ArrayLike<number>): number[] {
  const mismatches: number[] = [];
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) if (!Object.is(actual[i], expected[i])) mismatches.push(i);
  return mismatches;
}
