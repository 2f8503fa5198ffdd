import type { Fill } from '@ares/connectors';
import { DriftMonitor, type DriftMonitorState } from '@ares/drift';
import { ATR, type ATRState, type Bar, compileStreaming, type StreamingFeatureState, type StreamingFeatureVector, specHash, timeframeToMs, validateBar } from '@ares/features';
import { Histogram, type Clock } from '@ares/pipeline-kit';
import {
  createRiskEngine,
  type OrderProposal,
  type ParsedStopConfig,
  type RiskDecision,
  type RiskEngine,
} from '@ares/risk';
import type { SignalContext, SignalDecision, SignalSource, SignalTarget } from '../signal/SignalSource.js';
import { BarBuffer } from './BarBuffer.js';
import { ReasonLabels } from './ReasonLabels.js';
import { EnginePortfolio, type PortfolioState } from './EnginePortfolio.js';
import type { OrderIntent, StageOutcome, TickResult, TickStage } from './TickResult.js';
import { type ParsedTradingEngineConfig, parseTradingEngineConfig, type TradingEngineConfig } from './TradingEngineConfigSchema.js';
import { TradingEngineError } from './TradingEngineError.js';

/** What the engine is built from besides its config. */
export interface TradingEngineDependencies {
  /** Where decisions come from; its `featureSpec` fixes the engine's features for good. */
  readonly signal: SignalSource;
  /** Limits, kill switch, sizing and stops. Default `createRiskEngine()` with its defaults. */
  readonly risk?: RiskEngine;
  /** Drift detection; a drift decision puts the engine in safe mode. Default none. */
  readonly drift?: DriftMonitor;
  /** Reported in `status()`; the engine itself takes time from the bars. Default none. */
  readonly clock?: Clock;
}

/** The engine's view of its state, for the apps' status endpoints and logs. */
export interface EngineStatus {
  /** `warming-up` until features are ready; `halted` while the kill switch or the drawdown halt is on. */
  state: 'warming-up' | 'trading' | 'safe-mode' | 'halted';
  symbol: string;
  /** Bars accepted so far. */
  bars: number;
  /** Bars rejected by validation so far. */
  rejectedBars: number;
  /** Signed position, base units. */
  position: number;
  /** NaN when flat. */
  averageEntryPrice: number;
  cash: number;
  equity: number;
  lastDecision: { timestamp: number; target: SignalTarget; probability: number | undefined; reason: string } | null;
  /** The signal source in use (strategy name or model@version). */
  signalId: string;
  safeModeReason: string | null;
  killSwitch: { tripped: boolean; trippedBy: string | null };
  drawdownHalted: boolean;
  /** processTick latency percentiles in ns (NaN before the first measured tick or with `measureStages` off). */
  latencyNs: { p50: number; p99: number; count: number };
  /** `clock.now()` when a clock was given, else NaN. */
  time: number;
}

/** A checkpoint of the engine (plain JSON). The signal source and risk config are not in it: they are rebuilt from config. */
export interface TradingEngineState {
  version: 1;
  engineId: string;
  symbol: string;
  features: StreamingFeatureState;
  portfolio: PortfolioState;
  previousBar: Bar | null;
  safeModeReason: string | null;
  pendingEntry: -1 | 0 | 1;
  pendingReason: string;
  lastProbability: number | null;
  bars: number;
  drift: DriftMonitorState | null;
  /** The stops' ATR, when a stop is an ATR multiple. */
  atr: ATRState | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const WARMING_UP = 'features warming up';
const NO_CHANGE = 'no change';
// Node's global `performance` is an accessor: reading it calls a getter (~14 ns of a ~60 ns `now()`).
const stopwatch = performance;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * The two halves of `processTick`, for the backtest runner only (package-internal, not exported from
 * `index.ts`): it validates each bar once, through the engine, before the exchange sees the bar.
 */
export interface TickSteps {
  /** Resets the result and validates the bar: the final result when the bar is refused, else null. */
  begin(engine: TradingEngine, bar: Bar): TickResult | null;
  /** The rest of a tick whose bar `begin` accepted. */
  rest(engine: TradingEngine, bar: Bar): TickResult | Promise<TickResult>;
  /** `out[index] = engine.equity`, without a double crossing a call (V8 boxes those it does not inline). */
  writeEquity(engine: TradingEngine, out: Float64Array, index: number): void;
}

/** Set once by `TradingEngine`'s static block (only code inside the class can reach its private steps). */
export let tickSteps: TickSteps;

/**
 * The decision engine, identical in backtest, paper and live trading. `processTick(bar)` runs the hot
 * path at the bar's close: validate → features → drift → signal → risk → sizing → intent. It never
 * throws; every failure is a {@link TickResult}. It answers synchronously unless the signal source
 * returns a promise (model inference). Fills come back through `onFill`.
 */
export class TradingEngine {
  readonly #config: ParsedTradingEngineConfig;
  readonly #timeframeMs: number;
  readonly #validateOptions: { readonly timeframeMs: number };
  readonly #risk: RiskEngine;
  #drift: DriftMonitor | undefined;
  readonly #clock: Clock | undefined;
  readonly #features: StreamingFeatureVector;
  readonly #driftColumns: readonly { name: string; index: number }[];
  readonly #portfolio: EnginePortfolio;
  readonly #latency = new Histogram('engine.tick', 'ns');
  #signal: SignalSource;
  #pendingSignal: SignalSource | undefined;
  #inFlight = false;
  readonly #previous = new BarBuffer();
  #hasPrevious = false;
  #bars = 0;
  #rejectedBars = 0;
  #ready = false;
  #safeModeReason: string | null = null;
  #pendingEntry: -1 | 0 | 1 = 0;
  #pendingReason = '';
  /** `<engine id>-`, and the same followed by the high digits of the last bar time an id used. */
  readonly #idPrefix: string;
  #idHigh = Number.NaN;
  #idHighPrefix = '';
  #adjustedCode = '';
  #adjusted = '';
  #lastProbability: number | undefined;
  #lastDecisionTime = Number.NaN;
  #lastTarget: SignalTarget = null;
  #lastReason = '';
  readonly #context: Mutable<SignalContext>;
  readonly #labels = new ReasonLabels();
  readonly #proposal: Mutable<OrderProposal> = { side: 'buy', intent: 'entry', price: 0, probability: undefined, atr: undefined };
  readonly #result: TickResult;
  /** `#result.stages`, held directly: the stage objects are passed around, never looked up by name. */
  readonly #stages: Record<TickStage, StageOutcome>;
  #stageStart = Number.NaN;
  #tickStart = Number.NaN;
  #measure: boolean;
  /** Wilder ATR for ATR-multiple stops (period from the risk config's stop specs); null when no stop uses ATR. */
  #atr: ATR | null;

  static {
    tickSteps = {
      begin: (engine, bar) => engine.#begin(bar),
      rest: (engine, bar) => engine.#rest(bar),
      writeEquity: (engine, out, index) => engine.#portfolio.writeEquity(out, index),
    };
  }

  constructor(config: TradingEngineConfig, dependencies: TradingEngineDependencies) {
    this.#config = parseTradingEngineConfig(config);
    this.#idPrefix = `${this.#config.id}-`;
    this.#measure = this.#config.measureStages;
    this.#timeframeMs = timeframeToMs(this.#config.timeframe, 'config.timeframe');
    this.#validateOptions = { timeframeMs: this.#timeframeMs };
    this.#signal = dependencies.signal;
    this.#risk = dependencies.risk ?? createRiskEngine();
    this.#drift = dependencies.drift;
    this.#clock = dependencies.clock;
    this.#features = compileStreaming(this.#signal.featureSpec);
    const atrPeriod = atrStopPeriod(this.#risk.config.stops);
    this.#atr = atrPeriod === undefined ? null : new ATR(atrPeriod);
    this.#portfolio = new EnginePortfolio();
    this.#driftColumns = this.#config.driftStreams.features.map((name) => {
      const index = this.#features.columns.indexOf(name);
      if (index < 0) {
        throw new TradingEngineError({
          argument: 'config.driftStreams.features',
          message: `Invalid "config.driftStreams.features": expected feature columns of the signal's spec (${this.#features.columns.join(', ')}), received "${name}".`,
        });
      }
      return { name, index };
    });
    const wanted = [...this.#config.driftStreams.features, ...(this.#config.driftStreams.probability ? ['probability'] : [])];
    if (wanted.length > 0) {
      const streams = this.#drift === undefined ? [] : Object.keys(this.#drift.config.streams);
      const missing = wanted.filter((stream) => !streams.includes(stream));
      if (missing.length > 0) {
        throw new TradingEngineError({
          argument: 'dependencies.drift',
          message: `Invalid "dependencies.drift": expected a drift monitor with the streams ${wanted.map((s) => `"${s}"`).join(', ')}, received ${this.#drift === undefined ? 'no monitor' : `one without ${missing.map((s) => `"${s}"`).join(', ')}`}.`,
        });
      }
    }
    this.#context = { bar: this.#previous, features: this.#features.values, featuresReady: false, position: 0 };
    this.#result = new ReusedTickResult(this.#signal.id);
    this.#stages = this.#result.stages;
  }

  get config(): Readonly<ParsedTradingEngineConfig> {
    return this.#config;
  }

  /** Whether stages are timed (starts as `config.measureStages`); the backtest runner turns it off for its run. */
  get measureStages(): boolean {
    return this.#measure;
  }

  set measureStages(on: boolean) {
    this.#measure = on;
  }

  /** The bar duration in ms: a bar's decision time is its open time + this. */
  get timeframeMs(): number {
    return this.#timeframeMs;
  }

  /** The risk engine (its kill switch: `engine.risk.killSwitch.trip()`). */
  get risk(): RiskEngine {
    return this.#risk;
  }

  /** The feature columns the signal reads, in order. */
  get featureColumns(): readonly string[] {
    return this.#features.columns;
  }

  /** `specHash` of the engine's feature spec: a new signal source must have the same. */
  get specHash(): string {
    return this.#features.specHash;
  }

  get signalSource(): SignalSource {
    return this.#pendingSignal ?? this.#signal;
  }

  /**
   * Replaces the signal source between ticks: at once when idle, after the tick in flight otherwise
   * (a tick never switches source midway).
   * @throws TradingEngineError when the source's feature spec differs from the engine's.
   */
  setSignalSource(source: SignalSource): void {
    let hash: string;
    try {
      hash = specHash(source.featureSpec);
    } catch (error) {
      throw new TradingEngineError({ argument: 'source.featureSpec', message: `Invalid "source.featureSpec" of "${source.id}": ${message(error)}`, cause: error });
    }
    if (hash !== this.#features.specHash) {
      throw new TradingEngineError({
        argument: 'source.featureSpec',
        message: `Invalid "source.featureSpec" of "${source.id}": expected the engine's feature spec (specHash "${this.#features.specHash}"), received specHash "${hash}". Build a new engine for a different feature set.`,
      });
    }
    if (this.#inFlight) this.#pendingSignal = source;
    else {
      this.#signal = source;
      this.#pendingSignal = undefined;
    }
  }

  /** Sets cash and position, e.g. from the venue's balances before the first tick. */
  syncPortfolio(portfolio: { cash: number; position?: number; averageEntryPrice?: number }): void {
    this.#portfolio.sync(portfolio.cash, portfolio.position ?? 0, portfolio.averageEntryPrice ?? Number.NaN);
  }

  /** Books a fill of the engine's symbol (others are ignored): position, average entry, cash, trade results. */
  onFill(fill: Fill): void {
    if (fill.symbol === this.#config.symbol) this.#portfolio.applyFill(fill);
  }

  /** Marks the position at `price` between bars (e.g. from a ticker); bars mark at their close. */
  markToMarket(price: number): void {
    if (price > 0 && price < Number.POSITIVE_INFINITY) this.#portfolio.markTo(price);
  }

  /** The engine's equity: cash + position at the last mark. */
  get equity(): number {
    return this.#portfolio.equity;
  }

  /** Signed position, base units. */
  get position(): number {
    return this.#portfolio.positionQuantity;
  }

  /**
   * Runs the hot path on one closed bar. Returns the engine's reused result (valid until the next
   * tick), or a promise of it when the signal source awaits inference. Never throws or rejects.
   */
  processTick(bar: Bar): TickResult | Promise<TickResult> {
    return this.#begin(bar) ?? this.#rest(bar);
  }

  /** Starts a tick: resets the result and validates the bar. The final result when the bar is refused, else null. */
  #begin(bar: Bar): TickResult | null {
    if (this.#inFlight) return busyResult(bar, this.#signal.id);
    const r = this.#result;
    // Written only when timing: storing a maybe-double 0 would box it on every tick.
    if (this.#measure) {
      const start = stopwatch.now();
      this.#tickStart = start;
      this.#stageStart = start;
    }
    if (this.#pendingSignal !== undefined) {
      this.#signal = this.#pendingSignal;
      this.#pendingSignal = undefined;
    }
    // Not `bar?.timestamp`: a possibly-undefined value is stored boxed, an allocation on every tick.
    r.timestamp = typeof bar === 'object' && bar !== null ? bar.timestamp : Number.NaN;
    r.target = null;
    r.probability = undefined;
    r.reason = '';
    r.intent = null;
    r.signalId = this.#signal.id;
    r.durationNs = Number.NaN;
    const stages = r.stages;
    resetStage(stages.validate);
    resetStage(stages.features);
    resetStage(stages.drift);
    resetStage(stages.signal);
    resetStage(stages.risk);
    resetStage(stages.sizing);
    resetStage(stages.intent);
    try {
      return this.#validate(bar) ? null : this.#finish();
    } catch (error) {
      return this.#crashed(error);
    }
  }

  /** The rest of a tick whose bar `#begin` accepted: features → drift → signal → risk → sizing → intent. */
  #rest(bar: Bar): TickResult | Promise<TickResult> {
    const r = this.#result;
    try {
      const atr = this.#atr;
      // The stops' ATR warms up with the features: a signal never acts before its stop can be placed.
      // (`add`'s return is not read: V8 would box the number; `isStable` says the same.)
      if (atr !== null) atr.add(bar);
      const ready = this.#features.update(bar) && (atr === null || atr.isStable);
      this.#ready = ready;
      this.#portfolio.onBar(bar, this.#timeframeMs);
      this.#done(this.#stages.features, 'ok', ready ? '' : WARMING_UP);
      this.#updateDrift(ready);
      if (!ready) {
        this.#done(this.#stages.signal, 'skipped', WARMING_UP);
        r.reason = WARMING_UP;
        return this.#act(bar, null);
      }
      const context = this.#context;
      context.bar = bar;
      context.featuresReady = true;
      const position = this.#portfolio.positionQuantity;
      context.position = position > 0 ? 1 : position < 0 ? -1 : 0;
      let decision: SignalDecision | Promise<SignalDecision>;
      try {
        decision = this.#signal.decide(context);
      } catch (error) {
        return this.#afterSignalFailure(bar, 'threw', error);
      }
      if (isPromise(decision)) return this.#awaitSignal(bar, decision);
      return this.#afterSignal(bar, decision);
    } catch (error) {
      return this.#crashed(error);
    }
  }

  /**
   * The asynchronous end of a tick. Its own method: closures inside `#rest` would make V8 allocate a
   * context for `bar` and `start` on every tick, synchronous ones included.
   */
  #awaitSignal(bar: Bar, decision: Promise<SignalDecision>): Promise<TickResult> {
    this.#inFlight = true;
    return decision.then(
      (d) => {
        this.#inFlight = false;
        return this.#afterSignal(bar, d);
      },
      (error: unknown) => {
        this.#inFlight = false;
        return this.#afterSignalFailure(bar, 'rejected', error);
      },
    );
  }

  #afterSignal(bar: Bar, decision: SignalDecision): TickResult {
    try {
      const r = this.#result;
      r.target = decision.target;
      r.probability = decision.probability;
      r.reason = decision.reason;
      this.#lastProbability = decision.probability;
      this.#lastDecisionTime = bar.timestamp;
      this.#lastTarget = decision.target;
      this.#lastReason = decision.reason;
      this.#done(this.#stages.signal, 'ok', decision.reason);
      return this.#act(bar, decision);
    } catch (error) {
      return this.#crashed(error);
    }
  }

  /** A failed signal is a rejected stage; forced exits (safe mode, kill switch) still run. */
  #afterSignalFailure(bar: Bar, how: 'threw' | 'rejected', error: unknown): TickResult {
    try {
      this.#lastProbability = undefined;
      const reason = `signal source "${this.#signal.id}" ${how}: ${message(error)}`;
      this.#result.reason = reason;
      this.#done(this.#stages.signal, 'rejected', reason);
      return this.#act(bar, null);
    } catch (failure) {
      return this.#crashed(failure);
    }
  }

  /**
   * Validates against the previous accepted bar; a rejected bar leaves every state untouched. The
   * rejections and the drift observation live in methods of their own: kept out of these per-bar
   * methods, their bytecode does not use up V8's inlining budget of the backtest loop.
   */
  #validate(bar: Bar): boolean {
    if (typeof bar !== 'object' || bar === null) return this.#reject(`bar rejected: expected a bar object, received "${String(bar)}"`);
    const issue = validateBar(bar, this.#hasPrevious ? this.#previous : undefined, this.#validateOptions);
    if (issue !== null && (issue.rule !== 'gap' || this.#config.validation.rejectGaps)) return this.#reject(`bar rejected (${issue.rule}): ${issue.message}`);
    this.#previous.copyFrom(bar);
    this.#hasPrevious = true;
    this.#bars++;
    this.#done(this.#stages.validate, 'ok', issue === null ? '' : issue.message);
    return true;
  }

  #reject(reason: string): false {
    this.#rejectedBars++;
    this.#result.reason = reason;
    this.#done(this.#stages.validate, 'rejected', reason);
    return false;
  }

  #updateDrift(ready: boolean): void {
    const drift = this.#drift;
    if (drift === undefined || !ready) this.#done(this.#stages.drift, 'skipped', drift === undefined ? '' : WARMING_UP);
    else this.#observeDrift(drift);
  }

  #observeDrift(drift: DriftMonitor): void {
    const observations: Record<string, number> = {};
    const values = this.#features.values;
    for (const { name, index } of this.#driftColumns) observations[name] = values[index] as number;
    if (this.#config.driftStreams.probability && this.#lastProbability !== undefined) observations.probability = this.#lastProbability;
    try {
      const decision = drift.update(observations);
      if (decision.event === 'safe-mode-entered' || (decision.safeMode && this.#safeModeReason === null)) this.#safeModeReason = decision.reason;
      if (!decision.safeMode) this.#safeModeReason = null;
      this.#done(this.#stages.drift, 'ok', decision.status === 'normal' ? '' : decision.reason);
    } catch (error) {
      this.#done(this.#stages.drift, 'rejected', `drift monitor refused the observations: ${message(error)}`);
    }
  }

  /** Turns the target (or a forced exit) into a risk-checked, sized order intent. */
  #act(bar: Bar, decision: SignalDecision | null): TickResult {
    const r = this.#result;
    const position = this.#portfolio.positionQuantity;
    const held = position > 0 ? 1 : position < 0 ? -1 : 0;
    const target = decision === null ? null : decision.target;
    const safeMode = this.#safeModeReason !== null;
    r.safeMode = safeMode;
    // Most bars: nothing wanted, no reversal pending, no safe mode, no flatten rule in reach. Decided here,
    // in a method small enough for V8 to inline into the per-bar path; everything else is `#change`.
    const reversal = target === null && this.#pendingEntry !== 0 && held === 0 && this.#stages.signal.status === 'ok';
    if ((target === null || target === held) && !safeMode && !reversal && !(held !== 0 && this.#mayFlatten())) {
      if (target !== null) this.#pendingEntry = 0;
      if (r.reason === '') r.reason = decision === null || decision.reason === '' ? NO_CHANGE : decision.reason;
      this.#done(this.#stages.risk, held === 0 ? 'skipped' : 'ok', '');
      return this.#finish();
    }
    return this.#change(bar, decision, held, safeMode);
  }

  /** `#act` for a tick that may trade: reversals, safe mode, flatten rules, exits and entries. */
  #change(bar: Bar, decision: SignalDecision | null, held: -1 | 0 | 1, safeMode: boolean): TickResult {
    const r = this.#result;
    let target: SignalTarget = decision === null ? null : decision.target;
    let why = decision === null ? '' : decision.reason;
    if (target !== null) this.#pendingEntry = 0;
    else if (this.#pendingEntry !== 0 && held === 0 && this.#result.stages.signal.status === 'ok') {
      // The second half of a reversal: the exit filled, the opposite entry follows.
      target = this.#pendingEntry;
      why = `${this.#pendingReason} (reversal)`;
      this.#pendingEntry = 0;
    }

    if (safeMode && this.#config.safeModeAction === 'flatten' && held !== 0) {
      return this.#order(bar, 'exit', held, `safe mode (flatten): ${this.#safeModeReason}`, decision);
    }
    if (target === null || target === held) {
      // Nothing wanted; a position is still checked against the risk engine's flatten rules.
      if (held !== 0 && this.#mayFlatten() && this.#evaluate(bar, 'exit', held, decision).flatten) {
        return this.#order(bar, 'exit', held, `risk: flatten (${this.#risk.killSwitch.isTripped ? 'kill switch' : 'max drawdown'})`, decision);
      }
      if (r.reason === '') r.reason = why === '' ? NO_CHANGE : why;
      this.#done(this.#stages.risk, held === 0 ? 'skipped' : 'ok', '');
      return this.#finish();
    }
    if (held !== 0) {
      if (target !== 0) {
        this.#pendingEntry = target;
        this.#pendingReason = this.#labels.of(ReasonLabels.index(false, target), why);
      }
      return this.#order(bar, 'exit', held, this.#labels.of(ReasonLabels.index(true, held), why), decision);
    }
    if (safeMode) {
      const reason = `safe mode: no new entries (${this.#safeModeReason})`;
      r.reason = reason;
      this.#done(this.#stages.risk, 'rejected', reason);
      return this.#finish();
    }
    return this.#order(bar, 'entry', target as -1 | 1, this.#labels.of(ReasonLabels.index(false, target), why), decision);
  }

  /**
   * Whether the risk engine could ask to flatten now (kill switch or drawdown, as configured): a cheap
   * pre-check so that an unchanged position is not run through every limit on every bar.
   */
  #mayFlatten(): boolean {
    const risk = this.#risk;
    const { killSwitch, limits } = risk.config;
    if (killSwitch.flatten && risk.killSwitch.isTripped) return true;
    if (!limits.flattenOnMaxDrawdown) return false;
    const peak = this.#portfolio.peakEquity;
    return risk.isDrawdownHalted || peak - this.#portfolio.equity >= limits.maxDrawdown * peak;
  }

  /** `direction` is the position's sign for an exit, the new position's for an entry. */
  #evaluate(bar: Bar, intent: 'entry' | 'exit', direction: -1 | 1, decision: SignalDecision | null): RiskDecision {
    const p = this.#proposal;
    p.intent = intent;
    p.side = (intent === 'entry') === direction > 0 ? 'buy' : 'sell';
    p.price = bar.close;
    p.probability = decision?.probability;
    p.atr = this.#atr === null || !this.#atr.isStable ? undefined : this.#atr.value;
    return this.#risk.evaluate(this.#portfolio, p);
  }

  #order(bar: Bar, intent: 'entry' | 'exit', direction: -1 | 1, reason: string, decision: SignalDecision | null): TickResult {
    const r = this.#result;
    const d = this.#evaluate(bar, intent, direction, decision);
    if (!d.approved) {
      const denied = `risk denied ${reason}: ${d.reasons.join(', ')}`;
      r.reason = denied;
      this.#done(this.#stages.risk, 'rejected', denied);
      return this.#finish();
    }
    const adjustments = d.adjustments;
    // One adjustment (usually the lot-step rounding of every entry) reuses a constant string.
    const adjusted = adjustments.length === 0 ? '' : adjustments.length === 1 ? this.#adjustedLabel(adjustments[0] as string) : `adjusted: ${adjustments.join(', ')}`;
    this.#done(this.#stages.risk, 'ok', adjusted);
    const side = d.side;
    // The risk engine places stops on the venue's tick, rounded away from the entry.
    const stopLoss = d.stopLoss === null ? undefined : d.stopLoss;
    const takeProfit = d.takeProfit === null ? undefined : d.takeProfit;
    this.#done(this.#stages.sizing, 'ok', '');
    const time = bar.timestamp + this.#timeframeMs;
    const orderIntent: OrderIntent = {
      clientOrderId: this.#clientOrderId(bar.timestamp),
      symbol: this.#config.symbol,
      side,
      type: 'market',
      quantity: d.quantity,
      reduceOnly: d.reduceOnly,
      stopLoss,
      takeProfit,
      reason,
    };
    this.#portfolio.recordOrder(time);
    r.intent = orderIntent;
    r.reason = reason;
    this.#done(this.#stages.intent, 'ok', '');
    return this.#finish();
  }

  /**
   * `<engine id>-<bar time, ms>`. A tick places at most one order and accepted bar times strictly increase,
   * so the id is unique; a bar replayed (a restart that re-runs history, a restored checkpoint) sends the
   * same id again, and the venue refuses the duplicate. The digits are those of `String(t)`, written as the
   * time's high digits (kept from the last id: they change every ~2.8 h) and the low seven (converting a
   * 13-digit double takes ~190 ns, a small integer far less). The id is still ~100 ns of an order tick (a
   * constant in its place, measured): the string builtins' code is cold, ~25 quiet ticks apart.
   */
  #clientOrderId(t: number): string {
    if (!(Number.isSafeInteger(t) && t >= 1e7)) return this.#idPrefix + String(t);
    const high = Math.floor(t / 1e7);
    if (high !== this.#idHigh) {
      this.#idHigh = high;
      this.#idHighPrefix = this.#idPrefix + String(high);
    }
    // Templates, not String(): `${n}` converts a number without the String builtin's two extra calls.
    const low = `${t - high * 1e7}`;
    return `${this.#idHighPrefix}${low.length === 7 ? low : ZEROS.slice(low.length) + low}`;
  }

  /**
   * `adjusted: <code>`, kept for the last code: nearly every entry has the same one (the lot-step
   * rounding), so it is one string comparison, not a map look-up (a builtin, run cold on an order tick).
   */
  #adjustedLabel(code: string): string {
    if (code !== this.#adjustedCode) {
      this.#adjustedCode = code;
      this.#adjusted = `adjusted: ${code}`;
    }
    return this.#adjusted;
  }

  #done(outcome: StageOutcome, status: StageOutcome['status'], reason: string): void {
    outcome.status = status;
    outcome.reason = reason;
    if (this.#measure) {
      const now = stopwatch.now();
      outcome.durationNs = (now - this.#stageStart) * 1e6;
      this.#stageStart = now;
    }
  }

  #finish(): TickResult {
    const r = this.#result;
    if (this.#measure) {
      r.durationNs = (stopwatch.now() - this.#tickStart) * 1e6;
      this.#latency.record(r.durationNs);
    }
    return r;
  }

  #crashed(error: unknown): TickResult {
    this.#inFlight = false;
    this.#result.reason = `engine error: ${message(error)}`;
    return this.#finish();
  }

  status(): EngineStatus {
    const risk = this.#risk;
    const killed = risk.killSwitch.isTripped || risk.isDrawdownHalted;
    return {
      state: killed ? 'halted' : this.#safeModeReason !== null ? 'safe-mode' : this.#ready ? 'trading' : 'warming-up',
      symbol: this.#config.symbol,
      bars: this.#bars,
      rejectedBars: this.#rejectedBars,
      position: this.#portfolio.positionQuantity,
      averageEntryPrice: this.#portfolio.averageEntry,
      cash: this.#portfolio.cash,
      equity: this.#portfolio.equity,
      lastDecision: Number.isNaN(this.#lastDecisionTime) ? null : { timestamp: this.#lastDecisionTime, target: this.#lastTarget, probability: this.#lastProbability, reason: this.#lastReason },
      signalId: this.signalSource.id,
      safeModeReason: this.#safeModeReason,
      killSwitch: { tripped: risk.killSwitch.isTripped, trippedBy: risk.killSwitch.trippedBy },
      drawdownHalted: risk.isDrawdownHalted,
      latencyNs: { p50: this.#latency.percentile(50), p99: this.#latency.percentile(99), count: this.#latency.count },
      time: this.#clock === undefined ? Number.NaN : this.#clock.now(),
    };
  }

  /** A JSON-serializable checkpoint: features, portfolio, safe mode, drift monitor. */
  getState(): TradingEngineState {
    return {
      version: 1,
      engineId: this.#config.id,
      symbol: this.#config.symbol,
      features: this.#features.getState(),
      portfolio: this.#portfolio.getState(),
      previousBar: this.#hasPrevious ? { ...this.#previous } : null,
      safeModeReason: this.#safeModeReason,
      pendingEntry: this.#pendingEntry,
      pendingReason: this.#pendingReason,
      lastProbability: this.#lastProbability ?? null,
      bars: this.#bars,
      drift: this.#drift === undefined ? null : this.#drift.getState(),
      atr: this.#atr === null ? null : this.#atr.getState(),
    };
  }

  /**
   * Loads a checkpoint from `getState()` of an engine with the same id, symbol and feature spec;
   * later ticks continue exactly as the saved engine's would.
   * @throws TradingEngineError for a foreign or corrupt state.
   */
  restore(state: TradingEngineState): void {
    const refuse = (field: string, expected: unknown, received: unknown): never => {
      throw new TradingEngineError({
        argument: `state.${field}`,
        message: `Invalid "state.${field}": expected "${String(expected)}", received "${String(received)}". The checkpoint belongs to another engine.`,
      });
    };
    if (state?.version !== 1) refuse('version', 1, state?.version);
    if (state.engineId !== this.#config.id) refuse('engineId', this.#config.id, state.engineId);
    if (state.symbol !== this.#config.symbol) refuse('symbol', this.#config.symbol, state.symbol);
    if (state.features?.specHash !== this.#features.specHash) refuse('features.specHash', this.#features.specHash, state.features?.specHash);
    if ((state.drift === null) !== (this.#drift === undefined)) refuse('drift', this.#drift === undefined ? 'null' : 'a drift monitor state', state.drift);
    const atr = state.atr ?? null;
    if ((atr === null) !== (this.#atr === null)) refuse('atr', this.#atr === null ? 'null' : `an ATR(${this.#atr.period}) state`, atr);
    if (atr !== null && atr.period !== this.#atr?.period) refuse('atr.period', this.#atr?.period, atr.period);
    this.#features.restore(state.features);
    if (atr !== null) this.#atr = ATR.fromState(atr);
    if (state.drift !== null) this.#drift = DriftMonitor.fromState(state.drift);
    this.#portfolio.restore(state.portfolio);
    if (state.previousBar === null) this.#hasPrevious = false;
    else {
      Object.assign(this.#previous, state.previousBar);
      this.#hasPrevious = true;
    }
    this.#safeModeReason = state.safeModeReason;
    this.#pendingEntry = state.pendingEntry;
    this.#pendingReason = state.pendingReason;
    this.#lastProbability = state.lastProbability ?? undefined;
    this.#bars = state.bars;
    this.#ready = state.features.bars >= this.#features.warmupBars && (this.#atr === null || this.#atr.getResult() !== null);
  }
}

const ZEROS = '0000000';

/** The ATR period of the stop specs that are ATR multiples (the risk config allows one), else undefined. */
function atrStopPeriod(stops: ParsedStopConfig): number | undefined {
  for (const spec of [stops.stopLoss, stops.takeProfit, stops.trailing]) if (spec?.type === 'atr') return spec.period;
  return undefined;
}

function resetStage(stage: StageOutcome): void {
  stage.status = 'skipped';
  stage.reason = '';
  stage.durationNs = Number.NaN;
}

/**
 * The engine's one result object, a class for the reason given at {@link BarBuffer}: a literal would
 * share its hidden class, and its `timestamp` field's representation, with every literal that starts
 * with the same keys, and storing the bar's time could then allocate on every tick.
 */
class ReusedTickResult implements TickResult {
  timestamp = Number.NaN;
  readonly stages: Record<TickStage, StageOutcome> = {
    validate: skippedStage(),
    features: skippedStage(),
    drift: skippedStage(),
    signal: skippedStage(),
    risk: skippedStage(),
    sizing: skippedStage(),
    intent: skippedStage(),
  };
  target: SignalTarget = null;
  probability: number | undefined = undefined;
  reason = '';
  intent: OrderIntent | null = null;
  signalId: string;
  safeMode = false;
  durationNs = Number.NaN;

  constructor(signalId: string) {
    this.signalId = signalId;
  }
}

function skippedStage(): StageOutcome {
  return { status: 'skipped', reason: '', durationNs: Number.NaN };
}

/** A tick arriving while another awaits inference: refused without touching any state. */
function busyResult(bar: Bar, signalId: string): TickResult {
  const reason = 'bar rejected: the previous tick is still awaiting the signal source';
  const stage = (status: StageOutcome['status']): StageOutcome => ({ status, reason: status === 'rejected' ? reason : '', durationNs: Number.NaN });
  return {
    timestamp: bar?.timestamp,
    stages: {
      validate: stage('rejected'),
      features: stage('skipped'),
      drift: stage('skipped'),
      signal: stage('skipped'),
      risk: stage('skipped'),
      sizing: stage('skipped'),
      intent: stage('skipped'),
    },
    target: null,
    probability: undefined,
    reason,
    intent: null,
    signalId,
    safeMode: false,
    durationNs: Number.NaN,
  };
}
