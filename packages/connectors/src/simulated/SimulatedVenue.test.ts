import { describe, expect, it } from '@jest/globals';
import { SimClock } from '@ares/pipeline-kit';
import { ExchangeError } from '../errors/ExchangeError.js';
import type { ExecutionVenue } from '../venue/ExecutionVenue.js';
import type { Fill } from '../venue/orders.type.js';
import { SimulatedExchange } from './SimulatedExchange.js';
import { SimulatedVenue } from './SimulatedVenue.js';

const MARKET = { symbol: 'BTC/USDT', base: 'BTC', quote: 'USDT', tickSize: 0.01, quantityStep: 0.001, makerFee: 0.001, takerFee: 0.001 };

function setup() {
  const clock = new SimClock(1_000);
  const exchange = new SimulatedExchange({ markets: [MARKET], initialBalances: { USDT: 1_000 }, name: 'paper' });
  exchange.processBar('BTC/USDT', { timestamp: 0, open: 100, high: 100, low: 100, close: 100, volume: 10 });
  const venue: ExecutionVenue = new SimulatedVenue(exchange, clock);
  return { clock, exchange, venue };
}

describe('SimulatedVenue', () => {
  it('places, fills and reports orders through the async venue interface with clock times', async () => {
    const { clock, exchange, venue } = setup();
    const fills: Fill[] = [];
    venue.onFill((fill) => fills.push(fill));
    const order = await venue.createOrder({ clientOrderId: 'c1', symbol: 'BTC/USDT', side: 'buy', type: 'limit', price: 99, quantity: 2 });
    expect([venue.name, order.status, order.createdAt]).toEqual(['paper', 'open', 1_000]);
    expect((await venue.fetchOpenOrders('BTC/USDT')).map((o) => o.id)).toEqual([order.id]);
    clock.advanceTo(3_600_000);
    exchange.processBar('BTC/USDT', { timestamp: 3_600_000, open: 100, high: 100, low: 98, close: 99, volume: 10 });
    // 2 × 99 = 198 plus maker fee 0.198: cash 1000 − 198.198 = 801.802
    expect(await venue.fetchOrder('BTC/USDT', { clientOrderId: 'c1' })).toMatchObject({ status: 'filled', averageFillPrice: 99 });
    expect((await venue.fetchBalances()).map((b) => [b.asset, b.total])).toEqual([['USDT', expect.closeTo(801.802, 9)], ['BTC', 2]]);
    expect((await venue.fetchPositions())[0]).toMatchObject({ symbol: 'BTC/USDT', quantity: 2, averageEntryPrice: 99 });
    expect(fills.map((f) => [f.quantity, f.price, f.liquidity])).toEqual([[2, 99, 'maker']]);
    expect(await venue.getMarketInfo('BTC/USDT')).toMatchObject({ tickSize: 0.01, minNotional: 0 });
  });

  it('cancels with the clock time', async () => {
    const { clock, venue } = setup();
    const order = await venue.createOrder({ clientOrderId: 'c1', symbol: 'BTC/USDT', side: 'buy', type: 'limit', price: 90, quantity: 1 });
    clock.advanceTo(5_000);
    expect(await venue.cancelOrder('BTC/USDT', order.id)).toMatchObject({ status: 'canceled', updatedAt: 5_000 });
  });

  it.each([
    ['createOrder', (v: ExecutionVenue) => v.createOrder({ clientOrderId: 'x', symbol: 'BTC/USDT', side: 'buy', type: 'market', quantity: 100 }), 'insufficient-funds'],
    ['fetchOrder', (v: ExecutionVenue) => v.fetchOrder('BTC/USDT', { orderId: 'nope' }), 'order-not-found'],
    ['getMarketInfo', (v: ExecutionVenue) => v.getMarketInfo('DOGE/USDT'), 'invalid-order'],
  ])('%s rejects with a typed ExchangeError', async (_name, call, kind) => {
    const error = await call(setup().venue).catch((e: unknown) => e);
    expect(ExchangeError.isInstance(error) ? error.kind : error).toBe(kind);
  });
});
