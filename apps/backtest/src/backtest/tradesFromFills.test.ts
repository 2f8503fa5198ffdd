import type { Fill } from '@ares/connectors';
import { describe, expect, it } from '@jest/globals';
import { tradesFromFills } from './tradesFromFills.js';

const fill = (side: 'buy' | 'sell', quantity: number, price: number, fee: number, timestamp: number): Fill => ({
  orderId: `o${timestamp}`,
  clientOrderId: `c${timestamp}`,
  symbol: 'BTC/USDT',
  side,
  quantity,
  price,
  fee,
  feeCurrency: 'USDT',
  liquidity: 'taker',
  timestamp,
});

describe('tradesFromFills', () => {
  it('pairs a long entry and exit: pnl = 2 × (110 − 100) − (0.2 + 0.22) = 19.58, return 19.58 / 200', () => {
    const { trades, open } = tradesFromFills([fill('buy', 2, 100, 0.2, 1), fill('sell', 2, 110, 0.22, 2)]);
    expect(open).toBeNull();
    expect(trades).toHaveLength(1);
    const t = trades[0];
    expect(t).toMatchObject({ side: 'long', entryTime: 1, exitTime: 2, quantity: 2, entryPrice: 100, exitPrice: 110 });
    expect(t?.fees).toBeCloseTo(0.42, 12);
    expect(t?.pnl).toBeCloseTo(19.58, 12);
    expect(t?.returnPct).toBeCloseTo(19.58 / 200, 12);
  });

  it('averages partial fills per leg: entry (1 × 100 + 1 × 102) / 2 = 101, exit (0.5 × 90 + 1.5 × 94) / 2 = 93; the long loses 2 × (93 − 101) = −16', () => {
    const { trades } = tradesFromFills([fill('buy', 1, 100, 0, 1), fill('buy', 1, 102, 0, 2), fill('sell', 0.5, 90, 0, 3), fill('sell', 1.5, 94, 0, 4)]);
    expect(trades).toHaveLength(1);
    expect(trades[0]?.entryPrice).toBeCloseTo(101, 12);
    expect(trades[0]?.exitPrice).toBeCloseTo(93, 12);
    expect(trades[0]?.pnl).toBeCloseTo(-16, 12);
    expect(trades[0]?.exitTime).toBe(4);
  });

  it('splits a fill that crosses zero: sell 3 against a long of 1 closes it and opens a short of 2 with 2/3 of the fee', () => {
    const { trades, open } = tradesFromFills([fill('buy', 1, 100, 0.1, 1), fill('sell', 3, 105, 0.3, 2), fill('buy', 2, 95, 0.2, 3)]);
    expect(open).toBeNull();
    expect(trades.map((t) => t.side)).toEqual(['long', 'short']);
    // long: 1 × (105 − 100) − 0.1 − 0.1 = 4.8; short: 2 × (105 − 95) − 0.2 − 0.2 = 19.6
    expect(trades[0]?.pnl).toBeCloseTo(4.8, 12);
    expect(trades[1]?.pnl).toBeCloseTo(19.6, 12);
    expect(trades[1]?.returnPct).toBeCloseTo(19.6 / 210, 12);
  });

  it('leaves a position without its exit open (no trade)', () => {
    const { trades, open } = tradesFromFills([fill('buy', 1.5, 100, 0.15, 1)]);
    expect(trades).toEqual([]);
    expect(open).toMatchObject({ side: 1, quantity: 1.5, entryNotional: 150, exitQuantity: 0 });
  });
});
