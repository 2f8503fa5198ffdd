import { BarStore, generateSyntheticMarket, loadBars } from '@ares/connectors';
import { type BarSeries, timeframeToMs } from '@ares/features';
import { BacktestConfigError } from '../config/BacktestConfigError.js';

/** The bars of a run and how to describe them in the report. */
export interface MarketData {
  readonly series: BarSeries;
  readonly timeframe: string;
  readonly timeframeMs: number;
  /** e.g. `synthetic (seed 42, 17520 bars)` or the CSV path. */
  readonly description: string;
}

export interface MarketDataSettings {
  /** `synthetic`, a CSV path or `store:<dir>:<symbol>:<timeframe>`. */
  readonly source: string;
  readonly timeframe?: string | undefined;
  readonly syntheticBars: number;
  readonly seed: number;
}

/** Loads the configured bars: the seeded synthetic market, a CSV file or the local store. */
export async function loadMarketData(settings: MarketDataSettings): Promise<MarketData> {
  const { source } = settings;
  if (source === 'synthetic') {
    const timeframe = settings.timeframe ?? '1h';
    const { series } = generateSyntheticMarket({ seed: settings.seed, bars: settings.syntheticBars, timeframe });
    return withTimeframe(series, timeframe, `synthetic market (seed ${settings.seed}, ${series.length} bars of ${timeframe})`);
  }
  if (source.startsWith('store:')) {
    const [, dir, symbol, timeframe] = source.split(':');
    if (dir === undefined || dir === '' || symbol === undefined || symbol === '' || timeframe === undefined || timeframe === '') {
      throw new BacktestConfigError({
        argument: 'data.source',
        message: `Invalid "data.source": expected "store:<dir>:<symbol>:<timeframe>", received "${source}".`,
      });
    }
    const { series } = await loadBars({ store: new BarStore(dir), symbol, timeframe });
    return withTimeframe(series, timeframe, `bar store ${dir}, ${symbol} ${timeframe}`);
  }
  const { series } = await loadBars({ csvFile: source });
  return withTimeframe(series, settings.timeframe ?? inferTimeframe(series), `CSV file ${source}`);
}

function withTimeframe(series: BarSeries, timeframe: string, description: string): MarketData {
  if (series.length < 2) {
    throw new BacktestConfigError({ argument: 'data.source', message: `Invalid "data.source": expected at least 2 bars, received "${series.length}" (${description}).` });
  }
  return { series, timeframe, timeframeMs: timeframeToMs(timeframe, 'data.timeframe'), description };
}

/** The smallest step between two bars (gaps only make steps longer), written as `<n>d`, `<n>h`, `<n>m` or `<n>s`. */
function inferTimeframe(series: BarSeries): string {
  const t = series.timestamp;
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < t.length; i++) step = Math.min(step, (t[i] as number) - (t[i - 1] as number));
  for (const [unit, ms] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (step % ms === 0) return `${step / ms}${unit}`;
  }
  throw new BacktestConfigError({ argument: 'data.timeframe', message: `Invalid "data.timeframe": the bars are ${step} ms apart; set "data.timeframe" explicitly.` });
}
