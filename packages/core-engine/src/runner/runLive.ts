import { type ExecutionVenue, type Fill, type MarketDataFeed, SimulatedVenue } from '@ares/connectors';
import type { Clock } from '@ares/pipeline-kit';
import type { TickResult } from '../engine/TickResult.js';
import { type TradingEngine, tickSteps } from '../engine/TradingEngine.js';
import { type DecisionRecord, errorMessage, type RunResult, recordDecision, type SubmittedOrder } from './RunResult.js';

/** The slice of a pino logger the runner writes to. */
export interface RunnerLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface LiveOptions {
  readonly engine: TradingEngine;
  /** Closed bars: a ccxt feed (paper, live) or a `ReplayFeed` (tests, offline paper). */
  readonly feed: MarketDataFeed;
  /** A `SimulatedVenue` (paper) or the ccxt venue (live). */
  readonly venue: ExecutionVenue;
  readonly clock: Clock;
  /** Stops the loop after the tick in progress. */
  readonly signal: AbortSignal;
  readonly symbol: string;
  readonly timeframe: string;
  /** Called after each tick with the engine's (reused) result. */
  readonly onTick?: (result: TickResult) => void;
  /** Rejected bars and orders, and the start and stop, are logged here. Default: silent. */
  readonly logger?: RunnerLogger;
}

const SILENT: RunnerLogger = { info() {}, warn() {} };

/**
 * The live event loop, for paper and live trading: awaits each closed bar from `feed`, runs
 * `engine.processTick`, sends the intent to `venue`, and books the venue's fills into the engine as
 * they arrive. One thread of control: a bar is processed only after the previous tick and its order
 * finished. A bad bar or a rejected order is logged and the loop goes on; on abort it finishes the
 * tick in progress and resolves.
 *
 * With a `SimulatedVenue` the runner also moves the simulated market: each valid bar goes to
 * `exchange.processBar` before the tick, exactly as in {@link runBacktest}, so the two runners agree.
 * The engine's cash and position start from the venue's balances and positions.
 */
export async function runLive(options: LiveOptions): Promise<RunResult> {
  const { engine, feed, venue, clock, signal, symbol, timeframe, onTick } = options;
  const logger = options.logger ?? SILENT;
  const decisions: DecisionRecord[] = [];
  const orders: SubmittedOrder[] = [];
  const fills: Fill[] = [];
  const unsubscribe = venue.onFill((fill) => {
    engine.onFill(fill);
    fills.push(fill);
  });
  let bars = 0;
  try {
    const [info, balances, positions] = await Promise.all([venue.getMarketInfo(symbol), venue.fetchBalances(), venue.fetchPositions()]);
    const position = positions.find((p) => p.symbol === symbol);
    engine.syncPortfolio({
      cash: balances.find((b) => b.asset === info.quote)?.total ?? 0,
      position: position?.quantity ?? 0,
      averageEntryPrice: position?.averageEntryPrice ?? Number.NaN,
    });
    const exchange = venue instanceof SimulatedVenue ? venue.exchange : undefined;
    const { begin, rest } = tickSteps;
    logger.info({ symbol, timeframe, venue: venue.name, feed: feed.name, signalId: engine.signalSource.id }, 'runner started');
    for await (const bar of feed.watchClosedBars(symbol, timeframe, signal)) {
      bars++;
      // The engine validates the bar once; a bar it rejects never reaches the simulated exchange.
      const rejected = begin(engine, bar);
      if (rejected === null && exchange !== undefined) {
        try {
          exchange.processBar(symbol, bar);
        } catch (error) {
          logger.warn({ symbol, timestamp: bar.timestamp }, `simulated exchange refused the bar: ${errorMessage(error)}`);
        }
      }
      const result = rejected ?? (await rest(engine, bar));
      recordDecision(decisions, result);
      if (result.stages.validate.status === 'rejected') logger.warn({ symbol, timestamp: result.timestamp }, result.reason);
      onTick?.(result);
      const intent = result.intent;
      if (intent !== null) {
        const sentAt = clock.now();
        try {
          const order = await venue.createOrder(intent);
          orders.push({ intent, sentAt, status: 'accepted', orderId: order.id, error: null });
          logger.info({ symbol, clientOrderId: intent.clientOrderId, side: intent.side, quantity: intent.quantity }, intent.reason);
        } catch (error) {
          orders.push({ intent, sentAt, status: 'rejected', orderId: null, error: errorMessage(error) });
          logger.warn({ symbol, clientOrderId: intent.clientOrderId }, `order rejected: ${errorMessage(error)}`);
        }
      }
      if (signal.aborted) break;
    }
  } finally {
    unsubscribe();
  }
  logger.info({ symbol, bars }, 'runner stopped');
  return { bars, decisions, orders, fills, finalState: engine.getState() };
}
