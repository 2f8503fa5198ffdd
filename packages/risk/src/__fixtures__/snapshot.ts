import type { PortfolioSnapshot } from '../engine/PortfolioSnapshot.type.js';

/** 2026-11-22T12:00:00.000Z */
export const NOON = Date.UTC(2026, 10, 22, 12);

/** A calm flat account with 10 000 quote: every limit passes. */
export function snapshot(overrides: Partial<PortfolioSnapshot> = {}): PortfolioSnapshot {
  return {
    timestamp: NOON,
    equity: 10_000,
    peakEquity: 10_000,
    dayStartEquity: 10_000,
    dayStartTimestamp: Date.UTC(2026, 10, 22),
    cash: 10_000,
    positionQuantity: 0,
    otherExposure: 0,
    openOrderCount: 0,
    recentOrderTimestamps: [],
    recentTradeResults: [],
    lastTradeTimestamp: Number.NaN,
    lastStopOutTimestamp: Number.NaN,
    ...overrides,
  };
}
