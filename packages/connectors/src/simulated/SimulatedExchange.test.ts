import { describe, expect, it } from '@jest/globals';
import { ExchangeError } from '../errors/ExchangeError.js';
import type { Fill, OrderRequest, OrderStatus } from '../venue/orders.type.js';
import { SimulatedExchange } from './SimulatedExchange.js';
import type { SimulatedExchangeConfig } from './SimulatedExchangeConfigSchema.js';
import { SimulationInputError } from './SimulationInputError.js';

const HOUR = 3_600_000;
const MARKET = {
  symbol: 'BTC/USDT',
  base: 'BTC',
  quote: 'USDT',
  tickSize: 0.01,
  quantityStep: 0.001,
  minQuantity: 0.001,
  minNotional: 5,
  // Distinct maker and taker fees so that every fill shows which one applied.
  makerFee: 0.001,
  takerFee: 0.002,
};
const BASE_CONFIG: SimulatedExchangeConfig = { markets: [MARKET], initialBalances: { USDT: 10_000 } };

type Step =
  | readonly ['bar', number, number, number, number, number?]
  | readonly ['submit', Partial<OrderRequest> & { clientOrderId: string }]
  | readonly ['cancel', string];
type ExpectedFill = readonly [side: 'buy' | 'sell', quantity: number, price: number, fee: number, liquidity: 'maker' | 'taker'];
interface Scenario {
  readonly config?: Partial<SimulatedExchangeConfig>;
  readonly steps: readonly Step[];
  readonly fills: readonly ExpectedFill[];
  readonly cash: number;
  readonly position: number;
  readonly averageEntry: number;
  readonly realizedPnl: number;
  readonly feesPaid: number;
  readonly statuses?: Readonly<Record<string, OrderStatus>>;
}

/** Runs the steps; bar k opens at k hours, orders are submitted at the last bar's time. */
function run(scenario: Scenario): { exchange: SimulatedExchange; fills: Fill[] } {
  const exchange = new SimulatedExchange({ ...BASE_CONFIG, ...scenario.config });
  const fills: Fill[] = [];
  let bars = 0;
  for (const step of scenario.steps) {
    if (step[0] === 'bar') {
      const [, open, high, low, close, volume = 1_000] = step;
      fills.push(...exchange.processBar('BTC/USDT', { timestamp: bars++ * HOUR, open, high, low, close, volume }));
    } else if (step[0] === 'submit') {
      exchange.submit({ symbol: 'BTC/USDT', side: 'buy', type: 'market', quantity: 1, ...step[1] }, bars * HOUR);
    } else {
      exchange.cancel('BTC/USDT', exchange.getOrder('BTC/USDT', { clientOrderId: step[1] }).id, bars * HOUR);
    }
  }
  return { exchange, fills };
}

const BAR0 = ['bar', 100, 101, 99, 100] as const;
const FLAT = ['bar', 100, 101, 99, 100] as const;
const buy = (clientOrderId: string, extra: Partial<OrderRequest> = {}) => ['submit', { clientOrderId, side: 'buy', ...extra }] as const;
const sell = (clientOrderId: string, extra: Partial<OrderRequest> = {}) => ['submit', { clientOrderId, side: 'sell', ...extra }] as const;

// Fees: maker 0.1 %, taker 0.2 % of notional. Cash starts at 10000 USDT. realizedPnl is net of all fees.
const SCENARIOS: ReadonlyArray<readonly [string, Scenario]> = [
  [
    // buy 1 @ next open 102, fee 102 × 0.002 = 0.204; cash 10000 − 102 − 0.204 = 9897.796
    'market buy fills at the next open with the taker fee',
    { steps: [BAR0, buy('a'), ['bar', 102, 103, 101, 102]], fills: [['buy', 1, 102, 0.204, 'taker']], cash: 9897.796, position: 1, averageEntry: 102, realizedPnl: -0.204, feesPaid: 0.204 },
  ],
  [
    // buy 1 @ 102 (fee 0.204), sell 1 @ 110 (fee 0.22); cash 10000 − 102.204 + 109.78 = 10007.576; realized 8 − 0.424 = 7.576
    'market round trip realizes the price difference net of both fees',
    {
      steps: [BAR0, buy('a'), ['bar', 102, 103, 101, 102], sell('b'), ['bar', 110, 111, 109, 110]],
      fills: [['buy', 1, 102, 0.204, 'taker'], ['sell', 1, 110, 0.22, 'taker']],
      cash: 10007.576, position: 0, averageEntry: Number.NaN, realizedPnl: 7.576, feesPaid: 0.424,
    },
  ],
  [
    'limit buy below the bar range does not fill',
    { steps: [BAR0, buy('a', { type: 'limit', price: 95 }), ['bar', 100, 101, 96, 99]], fills: [], cash: 10_000, position: 0, averageEntry: Number.NaN, realizedPnl: 0, feesPaid: 0, statuses: { a: 'open' } },
  ],
  [
    // low 94 <= 95: fills at 95 as maker, fee 0.095; cash 10000 − 95.095 = 9904.905
    'limit buy the bar trades through fills at the limit price as maker',
    { steps: [BAR0, buy('a', { type: 'limit', price: 95 }), ['bar', 100, 101, 94, 96]], fills: [['buy', 1, 95, 0.095, 'maker']], cash: 9904.905, position: 1, averageEntry: 95, realizedPnl: -0.095, feesPaid: 0.095 },
  ],
  [
    // open 93 < 95: fills at the better open 93 as taker, fee 0.186; cash 10000 − 93.186 = 9906.814
    'limit buy gapped through fills at the open (better) as taker',
    { steps: [BAR0, buy('a', { type: 'limit', price: 95 }), ['bar', 93, 96, 92, 95]], fills: [['buy', 1, 93, 0.186, 'taker']], cash: 9906.814, position: 1, averageEntry: 93, realizedPnl: -0.186, feesPaid: 0.186 },
  ],
  [
    // high 106 >= 105: fills at the stop 105, fee 0.21; cash 10000 − 105.21 = 9894.79
    'buy stop touched intrabar fills at the stop price',
    { steps: [BAR0, buy('a', { type: 'stop-market', stopPrice: 105 }), ['bar', 101, 106, 100, 104]], fills: [['buy', 1, 105, 0.21, 'taker']], cash: 9894.79, position: 1, averageEntry: 105, realizedPnl: -0.21, feesPaid: 0.21 },
  ],
  [
    // buy @100 (fee 0.2); open 90 <= stop 95: sells at 90 (worse), fee 0.18; cash 10000 − 100.2 + 89.82 = 9989.62; realized −10 − 0.38
    'sell stop gapped through fills at the open (worse)',
    {
      steps: [BAR0, buy('a'), FLAT, sell('s', { type: 'stop-market', stopPrice: 95 }), ['bar', 90, 92, 88, 91]],
      fills: [['buy', 1, 100, 0.2, 'taker'], ['sell', 1, 90, 0.18, 'taker']],
      cash: 9989.62, position: 0, averageEntry: Number.NaN, realizedPnl: -10.38, feesPaid: 0.38,
    },
  ],
  [
    // stop-limit: high 107 >= stop 105, 105 <= limit 106: fills at 105 as taker, fee 0.21
    'stop-limit buy triggered within its limit fills at the stop',
    { steps: [BAR0, buy('a', { type: 'stop-limit', stopPrice: 105, price: 106 }), ['bar', 101, 107, 100, 104]], fills: [['buy', 1, 105, 0.21, 'taker']], cash: 9894.79, position: 1, averageEntry: 105, realizedPnl: -0.21, feesPaid: 0.21 },
  ],
  [
    // entry @100 (fee 0.2); next bar touches SL 95 and TP 110: the stop is taken, fee 95 × 0.002 = 0.19;
    // cash 10000 − 100.2 + 94.81 = 9994.61; realized −5 − 0.39 = −5.39
    'stop-loss and take-profit touched in one bar: the stop is taken first and the take-profit canceled',
    {
      steps: [BAR0, buy('a', { stopLoss: 95, takeProfit: 110 }), FLAT, ['bar', 100, 111, 94, 100]],
      fills: [['buy', 1, 100, 0.2, 'taker'], ['sell', 1, 95, 0.19, 'taker']],
      cash: 9994.61, position: 0, averageEntry: Number.NaN, realizedPnl: -5.39, feesPaid: 0.39,
      statuses: { a: 'filled', 'a:sl': 'filled', 'a:tp': 'canceled' },
    },
  ],
  [
    // The entry bar itself touches both exits, but they are placed after the entry fills and wait for
    // the next bar; there TP 110 fills as maker, fee 0.11; cash 10000 − 100.2 + 109.89 = 10009.69
    'attached exits are checked from the bar after the entry fill',
    {
      steps: [BAR0, buy('a', { stopLoss: 95, takeProfit: 110 }), ['bar', 100, 111, 94, 100], ['bar', 100, 112, 99, 111]],
      fills: [['buy', 1, 100, 0.2, 'taker'], ['sell', 1, 110, 0.11, 'maker']],
      cash: 10009.69, position: 0, averageEntry: Number.NaN, realizedPnl: 9.69, feesPaid: 0.31,
      statuses: { 'a:sl': 'canceled', 'a:tp': 'filled' },
    },
  ],
  [
    // SL 95 gapped: open 90, fills at 90, fee 0.18; cash 10000 − 100.2 + 89.82 = 9989.62
    'stop-loss gapped through fills at the open',
    {
      steps: [BAR0, buy('a', { stopLoss: 95, takeProfit: 110 }), FLAT, ['bar', 90, 92, 88, 91]],
      fills: [['buy', 1, 100, 0.2, 'taker'], ['sell', 1, 90, 0.18, 'taker']],
      cash: 9989.62, position: 0, averageEntry: Number.NaN, realizedPnl: -10.38, feesPaid: 0.38,
    },
  ],
  [
    // TP 110 gapped: open 115 fills at 115 (better) as taker, fee 0.23; cash 10000 − 100.2 + 114.77 = 10014.57
    'take-profit gapped through fills at the open',
    {
      steps: [BAR0, buy('a', { stopLoss: 95, takeProfit: 110 }), FLAT, ['bar', 115, 116, 114, 115]],
      fills: [['buy', 1, 100, 0.2, 'taker'], ['sell', 1, 115, 0.23, 'taker']],
      cash: 10014.57, position: 0, averageEntry: Number.NaN, realizedPnl: 14.57, feesPaid: 0.43,
    },
  ],
  [
    // maxShare 0.1: volume 20 → 2 @100 (fee 0.4), 20 → 2 @101 (fee 0.404), 10 → 1 @102 (fee 0.204);
    // cost 504 + fees 1.008; cash 10000 − 505.008 = 9494.992; average 504 / 5 = 100.8
    'volume-share slippage fills a market order partially across bars',
    {
      config: { slippage: { kind: 'volume-share', maxShare: 0.1 } },
      steps: [BAR0, buy('a', { quantity: 5 }), ['bar', 100, 101, 99, 100, 20], ['bar', 101, 102, 100, 101, 20], ['bar', 102, 103, 101, 102, 10]],
      fills: [['buy', 2, 100, 0.4, 'taker'], ['buy', 2, 101, 0.404, 'taker'], ['buy', 1, 102, 0.204, 'taker']],
      cash: 9494.992, position: 5, averageEntry: 100.8, realizedPnl: -1.008, feesPaid: 1.008, statuses: { a: 'filled' },
    },
  ],
  [
    // volume 15 × 0.1 = 1.5 of 5 filled: partially filled, the rest waits
    'volume-share leaves the unfilled rest open',
    {
      config: { slippage: { kind: 'volume-share', maxShare: 0.1 } },
      steps: [BAR0, buy('a', { quantity: 5 }), ['bar', 100, 101, 99, 100, 15]],
      fills: [['buy', 1.5, 100, 0.3, 'taker']], cash: 9849.7, position: 1.5, averageEntry: 100, realizedPnl: -0.3, feesPaid: 0.3, statuses: { a: 'partially-filled' },
    },
  ],
  [
    // latency 1: the bar after submission (open 102) is skipped, the next (open 104) fills; fee 0.208
    'latency of one bar fills one bar later',
    {
      config: { latencyBars: 1 },
      steps: [BAR0, buy('a'), ['bar', 102, 103, 101, 102], ['bar', 104, 105, 103, 104]],
      fills: [['buy', 1, 104, 0.208, 'taker']], cash: 9895.792, position: 1, averageEntry: 104, realizedPnl: -0.208, feesPaid: 0.208,
    },
  ],
  [
    // long 1 @100; reduce-only sell 2 is trimmed to 1 @110, fee 0.22; cash 10000 − 100.2 + 109.78 = 10009.58
    'reduce-only order larger than the position is trimmed to it',
    {
      steps: [BAR0, buy('a'), FLAT, sell('r', { quantity: 2, reduceOnly: true }), ['bar', 110, 111, 109, 110]],
      fills: [['buy', 1, 100, 0.2, 'taker'], ['sell', 1, 110, 0.22, 'taker']],
      cash: 10009.58, position: 0, averageEntry: Number.NaN, realizedPnl: 9.58, feesPaid: 0.42, statuses: { r: 'canceled' },
    },
  ],
  [
    // the second submit with id "a" returns the first order: one fill only
    'resubmitting a client order id does not duplicate the order',
    { steps: [BAR0, buy('a'), buy('a', { quantity: 3 }), ['bar', 102, 103, 101, 102]], fills: [['buy', 1, 102, 0.204, 'taker']], cash: 9897.796, position: 1, averageEntry: 102, realizedPnl: -0.204, feesPaid: 0.204 },
  ],
  [
    'a canceled limit does not fill',
    { steps: [BAR0, buy('a', { type: 'limit', price: 95 }), ['cancel', 'a'], ['bar', 96, 97, 90, 92]], fills: [], cash: 10_000, position: 0, averageEntry: Number.NaN, realizedPnl: 0, feesPaid: 0, statuses: { a: 'canceled' } },
  ],
  [
    // buy 1 @100 (fee 0.2) and 1 @110 (fee 0.22): average (100 + 110) / 2 = 105; cash 10000 − 210 − 0.42 = 9789.58
    'two buys average the entry price',
    {
      steps: [BAR0, buy('a'), FLAT, buy('b'), ['bar', 110, 111, 109, 110]],
      fills: [['buy', 1, 100, 0.2, 'taker'], ['buy', 1, 110, 0.22, 'taker']],
      cash: 9789.58, position: 2, averageEntry: 105, realizedPnl: -0.42, feesPaid: 0.42,
    },
  ],
  [
    // margin: short 1 @100 credits 100 − 0.2 = 99.8; cover @90 costs 90.18; cash 10009.62; realized 10 − 0.38
    'short sale and cover on a margin account',
    {
      config: { allowShort: true },
      steps: [BAR0, sell('a'), FLAT, buy('b'), ['bar', 90, 91, 89, 90]],
      fills: [['sell', 1, 100, 0.2, 'taker'], ['buy', 1, 90, 0.18, 'taker']],
      cash: 10009.62, position: 0, averageEntry: Number.NaN, realizedPnl: 9.62, feesPaid: 0.38,
    },
  ],
  [
    // long 1 @100 (fee 0.2), sell 3 @110 (fee 0.66): closes 1 for +10, opens −2 @110;
    // cash 10000 − 100.2 + 330 − 0.66 = 10229.14; realized 10 − 0.86 = 9.14
    'a sell larger than the long flips the position on a margin account',
    {
      config: { allowShort: true },
      steps: [BAR0, buy('a'), FLAT, sell('b', { quantity: 3 }), ['bar', 110, 111, 109, 110]],
      fills: [['buy', 1, 100, 0.2, 'taker'], ['sell', 3, 110, 0.66, 'taker']],
      cash: 10229.14, position: -2, averageEntry: 110, realizedPnl: 9.14, feesPaid: 0.86,
    },
  ],
  [
    // 10 bps: buy at 100 × 1.001 = 100.1, fee 0.2002; cash 10000 − 100.3002 = 9899.6998
    'fixed-bps slippage raises the buy price',
    { config: { slippage: { kind: 'fixed-bps', bps: 10 } }, steps: [BAR0, buy('a'), FLAT], fills: [['buy', 1, 100.1, 0.2002, 'taker']], cash: 9899.6998, position: 1, averageEntry: 100.1, realizedPnl: -0.2002, feesPaid: 0.2002 },
  ],
  [
    // 10 % of the range 104 − 98 = 6: a buy pays 100 + 0.6 = 100.6, fee 0.2012; cash 10000 − 100.8012 = 9899.1988
    'range-fraction slippage adds a fraction of the bar range',
    { config: { slippage: { kind: 'range-fraction', fraction: 0.1 } }, steps: [BAR0, buy('a'), ['bar', 100, 104, 98, 101]], fills: [['buy', 1, 100.6, 0.2012, 'taker']], cash: 9899.1988, position: 1, averageEntry: 100.6, realizedPnl: -0.2012, feesPaid: 0.2012 },
  ],
  [
    // 50 % of range 6 would give 103, above the high 101: clamped to 101, fee 0.202
    'slipped prices are clamped to the bar range',
    { config: { slippage: { kind: 'range-fraction', fraction: 0.5 } }, steps: [BAR0, buy('a'), ['bar', 100, 101, 95, 100]], fills: [['buy', 1, 101, 0.202, 'taker']], cash: 9898.798, position: 1, averageEntry: 101, realizedPnl: -0.202, feesPaid: 0.202 },
  ],
  [
    // IOC is matched at the open only: open 100 > 99, so it expires though the low reaches 98
    'immediate-or-cancel limit not marketable at the open expires',
    { steps: [BAR0, buy('a', { type: 'limit', price: 99, timeInForce: 'IOC' }), ['bar', 100, 101, 98, 100]], fills: [], cash: 10_000, position: 0, averageEntry: Number.NaN, realizedPnl: 0, feesPaid: 0, statuses: { a: 'expired' } },
  ],
  [
    // margin short @100 (fee 0.2) with SL 105 / TP 90; next bar low 89 reaches TP: buy 1 @90 maker, fee 0.09;
    // cash 10000 + 99.8 − 90.09 = 10009.71; realized 10 − 0.29 = 9.71
    'short entry with attached exits takes profit with a buy limit',
    {
      config: { allowShort: true },
      steps: [BAR0, sell('a', { stopLoss: 105, takeProfit: 90 }), FLAT, ['bar', 99, 100, 89, 95]],
      fills: [['sell', 1, 100, 0.2, 'taker'], ['buy', 1, 90, 0.09, 'maker']],
      cash: 10009.71, position: 0, averageEntry: Number.NaN, realizedPnl: 9.71, feesPaid: 0.29, statuses: { 'a:sl': 'canceled' },
    },
  ],
  [
    // both exits of the short touched (high 106, low 89): the buy stop at 105 first, fee 0.21;
    // cash 10000 + 99.8 − 105.21 = 9994.59; realized −5 − 0.41 = −5.41
    'short entry with both exits touched takes the stop first',
    {
      config: { allowShort: true },
      steps: [BAR0, sell('a', { stopLoss: 105, takeProfit: 90 }), FLAT, ['bar', 100, 106, 89, 95]],
      fills: [['sell', 1, 100, 0.2, 'taker'], ['buy', 1, 105, 0.21, 'taker']],
      cash: 9994.59, position: 0, averageEntry: Number.NaN, realizedPnl: -5.41, feesPaid: 0.41, statuses: { 'a:tp': 'canceled' },
    },
  ],
  [
    // open 108 gaps over stop 105 but also over limit 106: triggered, rests as a limit; next bar's low
    // 105 reaches 106: buy @106 maker, fee 0.106; cash 10000 − 106.106 = 9893.894
    'stop-limit gapped beyond its limit rests and fills later at the limit',
    {
      steps: [BAR0, buy('a', { type: 'stop-limit', stopPrice: 105, price: 106 }), ['bar', 108, 109, 107, 108], ['bar', 106.5, 107, 105, 106]],
      fills: [['buy', 1, 106, 0.106, 'maker']], cash: 9893.894, position: 1, averageEntry: 106, realizedPnl: -0.106, feesPaid: 0.106,
    },
  ],
  [
    // spot, 1000 USDT: buy 9 accepted at reference 100 (holds 9 × 100 × 1.002 = 901.8); the open gaps to 115:
    // cash covers floor(1000 / (115 × 1.002), step 0.001) = 8.678; 8.678 × 115 = 997.97, fee 1.99594;
    // cash 1000 − 999.96594 = 0.03406; the rest is canceled
    'a spot buy the cash no longer covers after a gap fills what the cash covers',
    {
      config: { initialBalances: { USDT: 1_000 } },
      steps: [BAR0, buy('a', { quantity: 9 }), ['bar', 115, 116, 114, 115]],
      fills: [['buy', 8.678, 115, 1.99594, 'taker']], cash: 0.03406, position: 8.678, averageEntry: 115, realizedPnl: -1.99594, feesPaid: 1.99594, statuses: { a: 'canceled' },
    },
  ],
  [
    // volume 20 × 0.1 = 2 < 5: fill-or-kill cannot fill whole, so it expires unfilled
    'fill-or-kill limit beyond the volume cap expires unfilled',
    {
      config: { slippage: { kind: 'volume-share', maxShare: 0.1 } },
      steps: [BAR0, buy('a', { type: 'limit', price: 101, quantity: 5, timeInForce: 'FOK' }), ['bar', 100, 101, 99, 100, 20]],
      fills: [], cash: 10_000, position: 0, averageEntry: Number.NaN, realizedPnl: 0, feesPaid: 0, statuses: { a: 'expired' },
    },
  ],
  [
    // spot: initial 0.5 BTC is entered at the first open 100; sold @110, fee 0.11: realized 5 − 0.11
    'an initial base holding is a long position entered at the first open',
    {
      config: { initialBalances: { USDT: 0, BTC: 0.5 } },
      steps: [BAR0, sell('a', { quantity: 0.5 }), ['bar', 110, 111, 109, 110]],
      fills: [['sell', 0.5, 110, 0.11, 'taker']], cash: 54.89, position: 0, averageEntry: Number.NaN, realizedPnl: 4.89, feesPaid: 0.11,
    },
  ],
];

describe('SimulatedExchange scenarios (hand-worked, fees maker 0.1 % / taker 0.2 %)', () => {
  it.each(SCENARIOS)('%s', (_name, scenario) => {
    const { exchange, fills } = run(scenario);
    expect(fills.map((f) => [f.side, f.quantity, f.price, f.fee, f.liquidity])).toEqual(
      scenario.fills.map(([side, quantity, price, fee, liquidity]) => [side, expect.closeTo(quantity, 9), expect.closeTo(price, 9), expect.closeTo(fee, 9), liquidity]),
    );
    const usdt = exchange.balances().find((b) => b.asset === 'USDT');
    expect(usdt?.total).toBeCloseTo(scenario.cash, 8);
    const position = exchange.position('BTC/USDT');
    expect(position.quantity).toBeCloseTo(scenario.position, 9);
    if (Number.isNaN(scenario.averageEntry)) expect(position.averageEntryPrice).toBeNaN();
    else expect(position.averageEntryPrice).toBeCloseTo(scenario.averageEntry, 9);
    expect(position.realizedPnl).toBeCloseTo(scenario.realizedPnl, 8);
    expect(position.feesPaid).toBeCloseTo(scenario.feesPaid, 9);
    expect(exchange.feesPaid).toBeCloseTo(scenario.feesPaid, 9);
    for (const [clientOrderId, status] of Object.entries(scenario.statuses ?? {})) {
      expect([clientOrderId, exchange.getOrder('BTC/USDT', { clientOrderId }).status]).toEqual([clientOrderId, status]);
    }
  });
});

describe('SimulatedExchange order validation', () => {
  const ready = (config: Partial<SimulatedExchangeConfig> = {}) => {
    const exchange = new SimulatedExchange({ ...BASE_CONFIG, ...config });
    exchange.processBar('BTC/USDT', { timestamp: 0, open: 100, high: 101, low: 99, close: 100, volume: 1_000 });
    return exchange;
  };
  const order = (extra: Partial<OrderRequest>): OrderRequest => ({ clientOrderId: 'x', symbol: 'BTC/USDT', side: 'buy', type: 'market', quantity: 1, ...extra });
  const rejection = (exchange: SimulatedExchange, request: OrderRequest): ExchangeError => {
    try {
      exchange.submit(request, 0);
    } catch (error) {
      if (ExchangeError.isInstance(error)) return error;
      throw error;
    }
    throw new Error('expected a rejection');
  };

  it.each([
    ['unknown symbol', { symbol: 'ETH/USDT' }, '"symbol"'],
    ['zero quantity', { quantity: 0 }, '"quantity": expected a finite number > 0, received "0"'],
    ['quantity off the lot step', { quantity: 1.0005 }, 'multiple of the quantity step 0.001'],
    ['quantity below the minimum notional', { quantity: 0.01 }, 'notional'],
    ['limit without a price', { type: 'limit' }, '"price": expected a price'],
    ['price off the tick', { type: 'limit', price: 95.005 }, 'multiple of the tick size 0.01'],
    ['price on a market order', { price: 95 }, '"price": expected no value'],
    ['stop without a stop price', { type: 'stop-market' }, '"stopPrice"'],
    ['stop-loss above the entry of a buy', { stopLoss: 105 }, '"stopLoss": expected a price below the entry reference 100'],
    ['take-profit below the entry of a buy', { takeProfit: 95 }, '"takeProfit": expected a price above'],
    ['reduce-only with no position', { side: 'sell', reduceOnly: true }, '"reduceOnly"'],
    ['IOC on a market order', { timeInForce: 'IOC' }, '"timeInForce"'],
  ] as const)('rejects %s as invalid-order naming the field', (_name, extra, message) => {
    const error = rejection(ready(), order(extra));
    expect([error.kind, error.isRetryable, error.venue]).toEqual(['invalid-order', false, 'simulated']);
    expect(error.message).toContain(message);
  });

  it.each([
    // 200 × 100 × 1.002 = 20040 > 10000
    ['a spot buy beyond free cash', {}, { quantity: 200 }],
    ['a spot sell without the base asset', {}, { side: 'sell' as const }],
    // margin 1× gross: 101 × 100 × 1.002 > 10000 equity
    ['a margin order beyond equity', { allowShort: true }, { side: 'sell' as const, quantity: 101 }],
  ])('rejects %s as insufficient-funds', (_name, config, extra) => {
    expect(rejection(ready(config), order(extra)).kind).toBe('insufficient-funds');
  });

  it('counts cash held by open orders against new orders', () => {
    const exchange = ready();
    // 90 × 100 × 1.002 = 9018 held; 10 more need 1002 > 10000 − 9018 = 982
    exchange.submit(order({ clientOrderId: 'a', type: 'limit', price: 100, quantity: 90 }), 0);
    const usdt = exchange.balances()[0];
    expect([usdt?.used, usdt?.free]).toEqual([expect.closeTo(9018, 6), expect.closeTo(982, 6)]);
    expect(rejection(exchange, order({ clientOrderId: 'b', quantity: 10 })).kind).toBe('insufficient-funds');
  });

  it('fills an order of 1/3 BTC completely when the market has no lot step (no dust left open)', () => {
    const exchange = new SimulatedExchange({ markets: [{ ...MARKET, quantityStep: 0, minQuantity: 0 }], initialBalances: { USDT: 10_000 } });
    exchange.processBar('BTC/USDT', { timestamp: 0, open: 100, high: 100, low: 100, close: 100, volume: 1_000 });
    exchange.submit({ clientOrderId: 'third', symbol: 'BTC/USDT', side: 'buy', type: 'market', quantity: 1 / 3 }, HOUR);
    const fills = [...exchange.processBar('BTC/USDT', { timestamp: HOUR, open: 100, high: 100, low: 100, close: 100, volume: 1_000 })];
    expect(fills.map((f) => f.quantity)).toEqual([expect.closeTo(1 / 3, 12)]);
    expect(exchange.getOrder('BTC/USDT', { clientOrderId: 'third' }).status).toBe('filled');
    expect(exchange.openOrders()).toEqual([]);
  });

  it('rejects a market order before any bar gave it a reference price', () => {
    const error = rejection(new SimulatedExchange(BASE_CONFIG), order({}));
    expect(error.message).toContain('a market order needs a reference price');
  });

  it('cancels both legs of an attached exit pair when one is canceled', () => {
    const exchange = ready();
    exchange.submit(order({ clientOrderId: 'a', stopLoss: 95, takeProfit: 110 }), 0);
    exchange.processBar('BTC/USDT', { timestamp: HOUR, open: 100, high: 101, low: 99, close: 100, volume: 1 });
    const stop = exchange.getOrder('BTC/USDT', { clientOrderId: 'a:sl' });
    expect(exchange.cancel('BTC/USDT', stop.id, HOUR).status).toBe('canceled');
    expect(exchange.openOrders().map((o) => o.clientOrderId)).toEqual([]);
  });

  it('throws order-not-found for unknown ids and invalid-order when cancelling a filled order', () => {
    const exchange = ready();
    expect(() => exchange.getOrder('BTC/USDT', { orderId: '42' })).toThrow(expect.objectContaining({ kind: 'order-not-found' }));
    const filled = exchange.submit(order({ clientOrderId: 'a' }), 0);
    exchange.processBar('BTC/USDT', { timestamp: HOUR, open: 100, high: 101, low: 99, close: 100, volume: 1 });
    expect(() => exchange.cancel('BTC/USDT', filled.id, HOUR)).toThrow(expect.objectContaining({ kind: 'invalid-order' }));
  });

  it('rejects a bar that does not move forward in time', () => {
    const exchange = ready();
    expect(() => exchange.processBar('BTC/USDT', { timestamp: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 })).toThrow(SimulationInputError);
  });

  it.each([
    [{ markets: [] }, 'config.markets'],
    [{ markets: [MARKET], latencyBars: -1 }, 'config.latencyBars'],
    [{ markets: [MARKET, { ...MARKET, symbol: 'ETH/EUR', base: 'ETH', quote: 'EUR' }] }, 'config.markets.1.quote'],
    [{ markets: [MARKET], initialBalances: { ETH: 1 } }, 'config.initialBalances.ETH'],
    [{ markets: [MARKET], slippage: { kind: 'volume-share', maxShare: 0 } }, 'config.slippage.maxShare'],
  ])('rejects a bad config naming the path %#', (config, path) => {
    try {
      new SimulatedExchange(config as SimulatedExchangeConfig);
      throw new Error('expected a rejection');
    } catch (error) {
      expect(SimulationInputError.isInstance(error) ? error.argument : error).toBe(path);
    }
  });
});

describe('SimulatedExchange attached exits', () => {
  it('sizes the exit pair to the filled part of the entry and grows it with later partial fills', () => {
    const exchange = new SimulatedExchange({ ...BASE_CONFIG, slippage: { kind: 'volume-share', maxShare: 0.1 } });
    const bar = (hour: number, volume: number) => ({ timestamp: hour * HOUR, open: 100, high: 101, low: 99, close: 100, volume });
    exchange.processBar('BTC/USDT', bar(0, 1_000));
    exchange.submit({ clientOrderId: 'a', symbol: 'BTC/USDT', side: 'buy', type: 'market', quantity: 5, stopLoss: 90, takeProfit: 120 }, 0);
    const legs = () => exchange.openOrders().filter((o) => o.clientOrderId !== 'a').map((o) => [o.clientOrderId, o.type, o.side, o.quantity, o.reduceOnly]);
    // 0.1 × 20 = 2 filled: the pair covers 2
    exchange.processBar('BTC/USDT', bar(1, 20));
    expect(legs()).toEqual([['a:sl', 'stop-market', 'sell', 2, true], ['a:tp', 'limit', 'sell', 2, true]]);
    // 2 more: the pair covers 4
    exchange.processBar('BTC/USDT', bar(2, 20));
    expect(legs()).toEqual([['a:sl', 'stop-market', 'sell', 4, true], ['a:tp', 'limit', 'sell', 4, true]]);
  });
});

/** A tiny LCG (Numerical Recipes constants) for the property test's own draws, independent of the code under test. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

interface Trace {
  fills: Fill[];
  exchange: SimulatedExchange;
}

/** Random walk bars and random orders of every kind; checks the invariants after every bar. */
function simulate(seed: number, allowShort: boolean, bars: number, checkpointAt = -1): Trace {
  const random = lcg(seed);
  let exchange = new SimulatedExchange({
    markets: [MARKET],
    initialBalances: { USDT: 10_000 },
    allowShort,
    slippage: { kind: 'volume-share', maxShare: 0.5, impactBps: 5 },
  });
  const fills: Fill[] = [];
  let price = 100;
  let cashFromFills = 10_000;
  let positionFromFills = 0;
  let feesFromFills = 0;
  const types = ['market', 'limit', 'stop-market', 'stop-limit'] as const;
  for (let t = 0; t < bars; t++) {
    if (t === checkpointAt) exchange = SimulatedExchange.fromState(JSON.parse(JSON.stringify(exchange.getState())));
    const open = price * (1 + (random() - 0.5) * 0.04);
    const close = open * (1 + (random() - 0.5) * 0.04);
    const high = Math.max(open, close) * (1 + random() * 0.01);
    const low = Math.min(open, close) * (1 - random() * 0.01);
    const bar = { timestamp: t * HOUR, open, high, low, close, volume: 1 + random() * 3 };
    price = close;
    const barFills = exchange.processBar('BTC/USDT', bar);
    for (const fill of barFills) {
      // Every fill lies within the bar's traded range (gap fills are at the open, which is inside it).
      expect(fill.price).toBeGreaterThanOrEqual(low - 1e-9);
      expect(fill.price).toBeLessThanOrEqual(high + 1e-9);
      const sign = fill.side === 'buy' ? 1 : -1;
      cashFromFills -= sign * fill.quantity * fill.price + fill.fee;
      positionFromFills += sign * fill.quantity;
      feesFromFills += fill.fee;
      const order = exchange.getOrder('BTC/USDT', { orderId: fill.orderId });
      if (fill.liquidity === 'maker') expect(fill.price).toBe(order.price);
      expect(order.filledQuantity).toBeLessThanOrEqual(order.quantity + 1e-12);
      // No look-ahead: an order fills only in a bar after the one it was submitted on.
      expect(fill.timestamp).toBeGreaterThan(order.createdAt);
      // Quantities stay on the lot step (0.001).
      expect(Math.abs(fill.quantity * 1000 - Math.round(fill.quantity * 1000))).toBeLessThan(1e-6);
    }
    fills.push(...barFills);
    const usdt = exchange.balances()[0];
    const position = exchange.position('BTC/USDT');
    // Accounting identities: cash and position equal the sums over fills; equity splits into
    // initial cash + realized (net of fees) + unrealized.
    expect(usdt?.total).toBeCloseTo(cashFromFills, 6);
    expect(position.quantity).toBeCloseTo(positionFromFills, 9);
    expect(exchange.feesPaid).toBeCloseTo(feesFromFills, 9);
    expect(exchange.equity()).toBeCloseTo(10_000 + position.realizedPnl + position.unrealizedPnl, 6);
    expect(exchange.equity({ 'BTC/USDT': 123 })).toBeCloseTo(cashFromFills + positionFromFills * 123, 6);
    // Funds held by orders are never negative.
    for (const balance of exchange.balances()) expect(balance.used).toBeGreaterThanOrEqual(-1e-6);
    if (!allowShort) {
      // Spot never borrows: no negative cash or base, and holds never exceed what is there.
      expect(usdt?.total).toBeGreaterThanOrEqual(-1e-6);
      expect(usdt?.free).toBeGreaterThanOrEqual(-1e-6);
      expect(position.quantity).toBeGreaterThanOrEqual(0);
    }
    // Random new order on some bars.
    if (random() < 0.5) {
      const type = types[Math.floor(random() * 4)] ?? 'market';
      const side = random() < 0.5 ? 'buy' : 'sell';
      const offset = (random() - 0.5) * 0.06;
      const level = Math.round(close * (1 + offset) * 100) / 100;
      const request: OrderRequest = {
        clientOrderId: `o${t}`,
        symbol: 'BTC/USDT',
        side,
        type,
        quantity: Math.round((0.1 + random() * 3) * 1000) / 1000,
        ...(type === 'limit' || type === 'stop-limit' ? { price: level } : {}),
        ...(type === 'stop-market' || type === 'stop-limit' ? { stopPrice: level } : {}),
        ...(random() < 0.3 && type === 'market' ? { stopLoss: Math.round(close * (side === 'buy' ? 0.97 : 1.03) * 100) / 100, takeProfit: Math.round(close * (side === 'buy' ? 1.03 : 0.97) * 100) / 100 } : {}),
      };
      try {
        exchange.submit(request, t * HOUR);
      } catch (error) {
        if (!ExchangeError.isInstance(error)) throw error;
      }
    }
  }
  return { fills, exchange };
}

describe('SimulatedExchange properties (seeded random bars and orders)', () => {
  it.each([
    [1, false],
    [2, false],
    [3, true],
    [4, true],
  ])('keeps the accounting identities and fills inside the bar range (seed %i, allowShort %s)', (seed, allowShort) => {
    const { fills } = simulate(seed, allowShort, 400);
    expect(fills.length).toBeGreaterThan(20);
  });

  it('gives identical fills for the same seed', () => {
    expect(simulate(7, true, 200).fills).toEqual(simulate(7, true, 200).fills);
  });

  it('resumes from a JSON checkpoint with the same fills as an uninterrupted run', () => {
    const whole = simulate(9, false, 300);
    const resumed = simulate(9, false, 300, 150);
    expect(resumed.fills).toEqual(whole.fills);
    expect(resumed.exchange.getState()).toEqual(whole.exchange.getState());
  });

  it('refuses a corrupt state naming the path', () => {
    const state = { ...simulate(9, false, 20).exchange.getState(), cash: 'lots' };
    expect(() => SimulatedExchange.fromState(state)).toThrow(expect.objectContaining({ argument: 'state.cash' }));
  });

  it.each([
    ['not a number', 'x'],
    ['not the canonical decimal', '01'],
    ['not issued yet (>= nextOrderNumber)', '100000'],
  ])('refuses a state whose order id is %s, naming the order', (_why, id) => {
    const state = simulate(9, false, 60).exchange.getState();
    expect(state.orders.length).toBeGreaterThan(1);
    const orders = state.orders.map((o, i) => (i === 1 ? { ...o, id } : o));
    expect(() => SimulatedExchange.fromState({ ...state, orders })).toThrow(expect.objectContaining({ argument: 'state.orders.1.id' }));
  });

  it('refuses a state that lists one order id twice', () => {
    const state = simulate(9, false, 60).exchange.getState();
    const orders = [...state.orders, state.orders[0]];
    expect(() => SimulatedExchange.fromState({ ...state, orders })).toThrow(expect.objectContaining({ argument: `state.orders.${state.orders.length}.id` }));
  });

  it('finds orders by the ids it issued only ("01" is not order 1)', () => {
    const exchange = new SimulatedExchange(BASE_CONFIG);
    exchange.processBar('BTC/USDT', { timestamp: 0, open: 100, high: 101, low: 99, close: 100, volume: 1 });
    const order = exchange.submit({ clientOrderId: 'a', symbol: 'BTC/USDT', side: 'buy', type: 'limit', price: 90, quantity: 1 }, 0);
    expect(exchange.getOrder('BTC/USDT', { orderId: order.id }).clientOrderId).toBe('a');
    expect(() => exchange.getOrder('BTC/USDT', { orderId: `0${order.id}` })).toThrow(expect.objectContaining({ kind: 'order-not-found' }));
  });

  it('reports fills to listeners until unsubscribed', () => {
    const exchange = new SimulatedExchange(BASE_CONFIG);
    const seen: number[] = [];
    const off = exchange.onFill((fill) => seen.push(fill.price));
    exchange.processBar('BTC/USDT', { timestamp: 0, open: 100, high: 101, low: 99, close: 100, volume: 1 });
    exchange.submit({ clientOrderId: 'a', symbol: 'BTC/USDT', side: 'buy', type: 'market', quantity: 1 }, 0);
    exchange.processBar('BTC/USDT', { timestamp: HOUR, open: 101, high: 101, low: 99, close: 100, volume: 1 });
    off();
    exchange.submit({ clientOrderId: 'b', symbol: 'BTC/USDT', side: 'sell', type: 'market', quantity: 1 }, HOUR);
    exchange.processBar('BTC/USDT', { timestamp: 2 * HOUR, open: 102, high: 102, low: 99, close: 100, volume: 1 });
    expect(seen).toEqual([101]);
  });
});
