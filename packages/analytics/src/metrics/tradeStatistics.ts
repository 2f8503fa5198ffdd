import { InvalidArgumentError } from '../InvalidArgumentError.js';
import { safeRatio } from '../math.js';
import type { Trade } from './Trade.js';

/** Statistics of a trade list. A win has pnl > 0, a loss pnl < 0; a break-even trade is neither. */
export interface TradeStatistics {
  readonly numberOfTrades: number;
  /** wins / numberOfTrades; 0 without trades. */
  readonly winRate: number;
  /** Σ winning pnl / |Σ losing pnl|; Infinity with wins and no loss, 0 without wins. */
  readonly profitFactor: number;
  /** Mean pnl per trade (quote currency); 0 without trades. */
  readonly expectancy: number;
  /** Mean of pnl / risk, in R multiples; null unless every trade carries a `risk` > 0. */
  readonly expectancyR: number | null;
  /** Mean pnl of the wins; 0 without wins. */
  readonly averageWin: number;
  /** Mean pnl of the losses (a negative number); 0 without losses. */
  readonly averageLoss: number;
  /** averageWin / |averageLoss|; Infinity with wins and no loss. */
  readonly payoffRatio: number;
  /** Largest and smallest pnl; 0 without trades. */
  readonly bestTrade: number;
  readonly worstTrade: number;
  /** Longest runs of consecutive wins / losses in list order; a break-even trade ends both. */
  readonly longestWinStreak: number;
  readonly longestLossStreak: number;
  /** Σ fees. */
  readonly feesPaid: number;
  /** Σ quantity × (entryPrice + exitPrice): the notional of both legs. */
  readonly tradedNotional: number;
}

const NUMERIC_FIELDS = ['entryTime', 'exitTime', 'quantity', 'entryPrice', 'exitPrice', 'pnl', 'fees', 'returnPct'] as const;

function checkTrade(t: Trade, i: number): void {
  // Each field read by name: a loop over the names (`t[field]`) made V8 allocate a number per read.
  const finite =
    Number.isFinite(t.entryTime) &&
    Number.isFinite(t.exitTime) &&
    Number.isFinite(t.quantity) &&
    Number.isFinite(t.entryPrice) &&
    Number.isFinite(t.exitPrice) &&
    Number.isFinite(t.pnl) &&
    Number.isFinite(t.fees) &&
    Number.isFinite(t.returnPct);
  if (!finite) throw notFinite(t, i);
  if (t.exitTime < t.entryTime) throw exitBeforeEntry(t, i);
}

/** The error for the first non-finite field (`checkTrade` found one). */
function notFinite(t: Trade, i: number): InvalidArgumentError {
  const field = NUMERIC_FIELDS.find((name) => !Number.isFinite(t[name])) as string;
  return new InvalidArgumentError({ argument: `trades.${i}.${field}`, message: `Invalid "trades.${i}.${field}": expected a finite number, received "${t[field as keyof Trade]}".` });
}

function exitBeforeEntry(t: Trade, i: number): InvalidArgumentError {
  return new InvalidArgumentError({
    argument: `trades.${i}.exitTime`,
    message: `Invalid "trades.${i}.exitTime": expected >= entryTime (${t.entryTime}), received "${t.exitTime}".`,
  });
}

/** Trade statistics over `trades`, in the order given (a backtester lists them by exit time). */
export function tradeStatistics(trades: readonly Trade[]): TradeStatistics {
  trades.forEach(checkTrade);
  let wins = 0;
  let losses = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  let totalPnl = 0;
  let best = Number.NEGATIVE_INFINITY;
  let worst = Number.POSITIVE_INFINITY;
  let winStreak = 0;
  let lossStreak = 0;
  let longestWinStreak = 0;
  let longestLossStreak = 0;
  let feesPaid = 0;
  let tradedNotional = 0;
  let rSum = 0;
  let allHaveRisk = trades.length > 0;
  for (const t of trades) {
    totalPnl += t.pnl;
    feesPaid += t.fees;
    tradedNotional += t.quantity * (t.entryPrice + t.exitPrice);
    best = Math.max(best, t.pnl);
    worst = Math.min(worst, t.pnl);
    if (t.risk !== undefined && t.risk > 0) rSum += t.pnl / t.risk;
    else allHaveRisk = false;
    if (t.pnl > 0) {
      wins++;
      grossProfit += t.pnl;
      winStreak++;
      lossStreak = 0;
    } else if (t.pnl < 0) {
      losses++;
      grossLoss -= t.pnl;
      lossStreak++;
      winStreak = 0;
    } else {
      winStreak = 0;
      lossStreak = 0;
    }
    longestWinStreak = Math.max(longestWinStreak, winStreak);
    longestLossStreak = Math.max(longestLossStreak, lossStreak);
  }
  const n = trades.length;
  const averageWin = wins === 0 ? 0 : grossProfit / wins;
  const averageLoss = losses === 0 ? 0 : -grossLoss / losses;
  return {
    numberOfTrades: n,
    winRate: n === 0 ? 0 : wins / n,
    profitFactor: safeRatio(grossProfit, grossLoss),
    expectancy: n === 0 ? 0 : totalPnl / n,
    expectancyR: allHaveRisk ? rSum / n : null,
    averageWin,
    averageLoss,
    payoffRatio: safeRatio(averageWin, -averageLoss),
    bestTrade: n === 0 ? 0 : best,
    worstTrade: n === 0 ? 0 : worst,
    longestWinStreak,
    longestLossStreak,
    feesPaid,
    tradedNotional,
  };
}
