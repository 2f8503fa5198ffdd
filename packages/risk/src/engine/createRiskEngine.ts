import { type ParsedRiskConfig, type RiskConfig, RiskConfigSchema } from '../config/RiskConfigSchema.js';
import { KillSwitch } from '../killswitch/KillSwitch.js';
import { roundDownToStep, roundPriceToTick, stepDecimals } from '../market/roundToStep.js';
import { parseWithSchema } from '../RiskConfigError.js';
import { kellyFraction } from '../sizing/kellyFraction.js';
import { riskPerTradeQuantity } from '../sizing/riskPerTradeQuantity.js';
import { targetVolatilityLeverage } from '../sizing/targetVolatilityLeverage.js';
import { fixedFractionQuantity } from '../sizing/fixedFractionQuantity.js';
import { distanceOf } from '../stops/stopDistance.js';
import { stopLossAt, takeProfitAt } from '../stops/stopPrices.js';
import type { OrderProposal } from './OrderProposal.type.js';
import type { OrderTimestampWindow } from './OrderTimestampWindow.js';
import type { PortfolioSnapshot } from './PortfolioSnapshot.type.js';
import type { AdjustmentCode, ReasonCode, RiskDecision } from './RiskDecision.js';

const DAY_MS = 86_400_000;

/** Checks and sizes orders for one instrument. Create with {@link createRiskEngine}. */
export interface RiskEngine {
  /** The parsed, frozen configuration (every default filled in). */
  readonly config: Readonly<ParsedRiskConfig>;
  /** The kill switch this engine obeys; trip it by hand or `poll()` sources off the hot path. */
  readonly killSwitch: KillSwitch;
  /** True while the max-drawdown halt is in force (it latches; see `limits.drawdownResumeBelow`). */
  readonly isDrawdownHalted: boolean;
  /**
   * Runs every limit and, for an entry, sizes the order: one call per proposal, never throws.
   * Returns the engine's reused decision object, overwritten by the next call.
   */
  evaluate(snapshot: PortfolioSnapshot, proposal: OrderProposal): RiskDecision;
  /** Lifts the drawdown halt by hand (it trips again if drawdown is still at or past the limit). */
  resumeAfterDrawdown(): void;
}

/** Options for {@link createRiskEngine}. */
export interface RiskEngineOptions {
  /** Share one kill switch between engines (one per instrument). Default: a new switch. */
  readonly killSwitch?: KillSwitch;
}

/**
 * Parses `config` once (throws `RiskConfigError` listing every bad field) and returns an engine
 * whose `evaluate` does no parsing and allocates nothing beyond its reused decision.
 */
export function createRiskEngine(config: RiskConfig = {}, options: RiskEngineOptions = {}): RiskEngine {
  return new DefaultRiskEngine(parseWithSchema(RiskConfigSchema, config), options.killSwitch ?? new KillSwitch());
}

class DefaultRiskEngine implements RiskEngine {
  readonly config: Readonly<ParsedRiskConfig>;
  readonly killSwitch: KillSwitch;
  readonly #decision: RiskDecision = {
    approved: false,
    side: 'buy',
    quantity: 0,
    price: 0,
    reduceOnly: false,
    flatten: false,
    stopLoss: null,
    takeProfit: null,
    reasons: emptyCodeList<ReasonCode>(),
    adjustments: emptyCodeList<AdjustmentCode>(),
  };
  readonly #stepDecimals: number;
  readonly #tickDecimals: number;
  #drawdownHalted = false;

  constructor(config: ParsedRiskConfig, killSwitch: KillSwitch) {
    this.config = deepFreeze(config);
    this.killSwitch = killSwitch;
    this.#stepDecimals = config.market.quantityStep === undefined ? 0 : stepDecimals(config.market.quantityStep);
    this.#tickDecimals = config.market.priceTick === undefined ? 0 : stepDecimals(config.market.priceTick);
  }

  get isDrawdownHalted(): boolean {
    return this.#drawdownHalted;
  }

  resumeAfterDrawdown(): void {
    this.#drawdownHalted = false;
  }

  evaluate(snapshot: PortfolioSnapshot, proposal: OrderProposal): RiskDecision {
    const d = this.#decision;
    const { limits, market } = this.config;
    d.approved = false;
    d.side = proposal.side;
    d.quantity = 0;
    d.price = proposal.price;
    d.reduceOnly = proposal.intent !== 'entry';
    d.flatten = false;
    d.stopLoss = null;
    d.takeProfit = null;
    // pop() keeps the arrays' backing stores; `length = 0` would free them and the next push would allocate.
    while (d.reasons.length > 0) d.reasons.pop();
    while (d.adjustments.length > 0) d.adjustments.pop();

    if (!isValidSnapshot(snapshot)) return deny(d, 'invalid-snapshot');
    if (!(proposal.price > 0 && proposal.price < Number.POSITIVE_INFINITY) || (proposal.side !== 'buy' && proposal.side !== 'sell')) {
      return deny(d, 'invalid-proposal');
    }
    let price = proposal.price;
    if (market.priceTick !== undefined) {
      price = roundPriceToTick(price, market.priceTick, proposal.side, this.#tickDecimals);
      if (!(price > 0)) return deny(d, 'invalid-proposal');
      if (price !== proposal.price) d.adjustments.push('price-tick');
      d.price = price;
    }

    const { equity, positionQuantity: position, timestamp } = snapshot;
    // Losses are compared as amounts (peak − equity >= limit × peak), not as 1 − equity/peak, so that an
    // exact 20 % drawdown trips a 0.2 limit (1 − 8000/10000 is 0.19999999999999996 in binary).
    const peak = snapshot.peakEquity;
    const drop = peak - equity;
    if (peak > 0 && drop >= limits.maxDrawdown * peak) this.#drawdownHalted = true;
    else if (this.#drawdownHalted && limits.drawdownResumeBelow !== undefined && drop <= limits.drawdownResumeBelow * peak) this.#drawdownHalted = false;
    const killed = this.killSwitch.isTripped;
    d.flatten = position !== 0 && ((killed && this.config.killSwitch.flatten) || (this.#drawdownHalted && limits.flattenOnMaxDrawdown));

    // The rate limit protects the venue's API, so it applies to every order, reductions included.
    if (ordersInWindow(snapshot.recentOrderTimestamps, timestamp - limits.orderRateWindowMs, timestamp) >= limits.maxOrdersPerWindow) {
      d.reasons.push('order-rate');
    }
    if (proposal.intent === 'entry') return this.#entry(d, snapshot, proposal, price, killed);
    return this.#reduction(d, position, proposal, price);
  }

  #entry(d: RiskDecision, s: PortfolioSnapshot, proposal: OrderProposal, price: number, killed: boolean): RiskDecision {
    const { limits } = this.config;
    const { equity, timestamp } = s;
    if (killed) d.reasons.push('kill-switch');
    if (this.#drawdownHalted) d.reasons.push('max-drawdown');
    // The daily loss counts only while dayStartTimestamp is in the snapshot's UTC day: it resets at 00:00:00.000 UTC.
    if (Math.floor(s.dayStartTimestamp / DAY_MS) === Math.floor(timestamp / DAY_MS) && s.dayStartEquity > 0 && s.dayStartEquity - equity >= limits.maxDailyLoss * s.dayStartEquity) {
      d.reasons.push('daily-loss');
    }
    if (s.openOrderCount >= limits.maxOpenOrders) d.reasons.push('max-open-orders');
    if (limits.lossCooldownMs > 0 && timestamp - s.lastTradeTimestamp < limits.lossCooldownMs && lossStreak(s.recentTradeResults) >= limits.maxConsecutiveLosses) {
      d.reasons.push('cooldown-losses');
    }
    if (limits.stopOutCooldownMs > 0 && timestamp - s.lastStopOutTimestamp < limits.stopOutCooldownMs) d.reasons.push('cooldown-stop-out');
    if (!(equity > 0)) d.reasons.push('non-positive-equity');
    if (d.reasons.length > 0) return d;

    // Sizing sees the distance to the stop as the venue will hold it (on the tick): risk-per-trade keeps its budget.
    const stopLoss = this.#stopLossPrice(proposal, price);
    const stop = Number.isNaN(stopLoss) ? 0 : Math.abs(price - stopLoss);
    let quantity = this.#size(d, s, proposal, price, stop);
    if (!(quantity > 0)) return d;

    // Each cap bounds |position after the order|; with s = ±1 for buy/sell the room left is cap − s·position.
    const signedPosition = proposal.side === 'buy' ? s.positionQuantity : -s.positionQuantity;
    quantity = applyCap(d, quantity, (limits.maxPositionFraction * equity) / price - signedPosition, 'max-position-fraction');
    if (limits.maxPositionNotional !== undefined) quantity = applyCap(d, quantity, limits.maxPositionNotional / price - signedPosition, 'max-notional');
    quantity = applyCap(d, quantity, (limits.maxLeverage * equity - s.otherExposure) / price - signedPosition, 'max-leverage');
    if (limits.maxExposure !== undefined) quantity = applyCap(d, quantity, (limits.maxExposure - s.otherExposure) / price - signedPosition, 'max-exposure');
    if (d.reasons.length > 0) return d;

    if (!this.#approveQuantity(d, quantity, price)) return d;
    if (!Number.isNaN(stopLoss)) d.stopLoss = stopLoss;
    this.#placeTakeProfit(d, proposal, price);
    return d;
  }

  /** The configured sizing method's quantity, or 0 with a reason pushed. */
  #size(d: RiskDecision, s: PortfolioSnapshot, proposal: OrderProposal, price: number, stop: number): number {
    const sizing = this.config.sizing;
    switch (sizing.method) {
      case 'fixed-fraction': {
        const quantity = fixedFractionQuantity(sizing.basis === 'cash' ? s.cash : s.equity, sizing.fraction, price);
        return quantity > 0 ? quantity : noSize(d, 'no-cash');
      }
      case 'kelly': {
        const p = proposal.probability ?? sizing.winProbability;
        const b = proposal.payoffRatio ?? sizing.payoffRatio;
        if (p === undefined) return noSize(d, 'missing-probability');
        if (b === undefined) return noSize(d, 'missing-payoff');
        if (!(p >= 0 && p <= 1 && b >= 0 && b < Number.POSITIVE_INFINITY)) return noSize(d, 'invalid-proposal');
        let fraction = sizing.multiplier * kellyFraction(p, b);
        if (fraction === 0) return noSize(d, 'zero-edge');
        if (fraction > sizing.cap) {
          fraction = sizing.cap;
          d.adjustments.push('kelly-cap');
        }
        return (fraction * s.equity) / price;
      }
      case 'target-volatility': {
        const leverage = targetVolatilityLeverage(sizing.targetVolatility, proposal.volatility ?? Number.NaN, sizing.barsPerYear, this.config.limits.maxLeverage);
        if (leverage === 0) return noSize(d, 'no-volatility');
        return (leverage * s.equity) / price;
      }
      case 'risk-per-trade': {
        const quantity = riskPerTradeQuantity(s.equity, sizing.riskFraction, stop);
        return quantity > 0 ? quantity : noSize(d, 'no-stop-distance');
      }
    }
  }

  /** The stop-loss price of an entry at `price`, from the proposal's or the configured stop distance; NaN for none. */
  #stopLossPrice(proposal: OrderProposal, price: number): number {
    const spec = this.config.stops.stopLoss;
    const distance = proposal.stopDistance ?? (spec === undefined ? 0 : distanceOf(spec, price, proposal.atr));
    if (!(distance > 0 && distance < Number.POSITIVE_INFINITY)) return Number.NaN;
    return this.#onTick(stopLossAt(proposal.side, price, distance), proposal.side === 'buy');
  }

  #placeTakeProfit(d: RiskDecision, proposal: OrderProposal, price: number): void {
    const spec = this.config.stops.takeProfit;
    if (spec === undefined) return;
    const distance = distanceOf(spec, price, proposal.atr);
    if (distance > 0) d.takeProfit = this.#onTick(takeProfitAt(proposal.side, price, distance), proposal.side !== 'buy');
  }

  /** A stop price on the venue's tick, rounded away from the entry (down when it sits `below` it): rounding never moves a stop closer. */
  #onTick(stopPrice: number, below: boolean): number {
    const tick = this.config.market.priceTick;
    return tick === undefined ? stopPrice : roundPriceToTick(stopPrice, tick, below ? 'buy' : 'sell', this.#tickDecimals);
  }

  #reduction(d: RiskDecision, position: number, proposal: OrderProposal, price: number): RiskDecision {
    if (position === 0) return deny(d, 'no-position');
    if ((proposal.side === 'buy') === position > 0) return deny(d, 'not-reducing');
    const size = Math.abs(position);
    let quantity = size;
    if (proposal.intent === 'reduce') {
      const requested = proposal.quantity ?? Number.NaN;
      if (!(requested > 0 && requested < Number.POSITIVE_INFINITY)) return deny(d, 'invalid-proposal');
      if (requested > size) d.adjustments.push('clamped-to-position');
      else quantity = requested;
    }
    if (d.reasons.length > 0) return d;
    this.#approveQuantity(d, quantity, price);
    return d;
  }

  /** Rounds down to the lot step, checks the venue minimums, and approves. */
  #approveQuantity(d: RiskDecision, quantity: number, price: number): boolean {
    const { market } = this.config;
    let rounded = quantity;
    if (market.quantityStep !== undefined) {
      rounded = roundDownToStep(quantity, market.quantityStep, this.#stepDecimals);
      if (rounded !== quantity) d.adjustments.push('lot-step');
    }
    if (!(rounded > 0) || rounded < market.minQuantity) d.reasons.push('below-min-quantity');
    if (rounded * price < market.minNotional) d.reasons.push('below-min-notional');
    if (d.reasons.length > 0) return false;
    d.quantity = rounded;
    d.approved = true;
    return true;
  }
}

/**
 * An empty array that already has V8's elements kind of a string array. A fresh `[]` holds small
 * integers until its first push, so code optimized on one engine's arrays would deoptimize at the next
 * engine's first denial or adjustment (every new engine in a process: each optimization trial).
 */
function emptyCodeList<T extends string>(): T[] {
  const list = [''] as T[];
  list.pop();
  return list;
}

function deny(d: RiskDecision, reason: ReasonCode): RiskDecision {
  d.reasons.push(reason);
  return d;
}

/** Sizing found nothing to trade: records why and sizes 0. */
function noSize(d: RiskDecision, reason: ReasonCode): number {
  d.reasons.push(reason);
  return 0;
}

/** Shrinks `quantity` to `room`, recording the cap; no room at all denies with the cap's code. */
function applyCap(d: RiskDecision, quantity: number, room: number, code: ReasonCode & AdjustmentCode): number {
  if (quantity <= room) return quantity;
  if (!(room > 0)) {
    d.reasons.push(code);
    return 0;
  }
  d.adjustments.push(code);
  return room;
}

function isValidSnapshot(s: PortfolioSnapshot): boolean {
  return (
    Number.isFinite(s.timestamp) &&
    Number.isFinite(s.equity) &&
    Number.isFinite(s.peakEquity) &&
    Number.isFinite(s.dayStartEquity) &&
    Number.isFinite(s.dayStartTimestamp) &&
    Number.isFinite(s.cash) &&
    Number.isFinite(s.positionQuantity) &&
    Number.isFinite(s.otherExposure) &&
    s.otherExposure >= 0 &&
    s.openOrderCount >= 0
  );
}

/** Orders submitted in (from, to]: O(1) amortized from a window, a scan of a plain list. */
function ordersInWindow(timestamps: ArrayLike<number> | OrderTimestampWindow, from: number, to: number): number {
  // Structural, not `instanceof`: two installs of this package still recognise each other's window.
  if ('countInWindow' in timestamps) return timestamps.countInWindow(from, to);
  let count = 0;
  for (let i = 0; i < timestamps.length; i++) {
    const t = timestamps[i] ?? Number.NaN;
    if (t > from && t <= to) count++;
  }
  return count;
}

/** Length of the trailing run of losing trades (result < 0). */
function lossStreak(results: ArrayLike<number>): number {
  let streak = 0;
  for (let i = results.length - 1; i >= 0 && (results[i] ?? 0) < 0; i--) streak++;
  return streak;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
