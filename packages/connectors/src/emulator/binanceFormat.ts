import type { Bar } from '@ares/features';
import type { Balance, MarketInfo, Order, OrderStatus, OrderType } from '../venue/orders.type.js';

/**
 * Binance spot REST shapes (strings for decimals, as Binance sends them).
 * @see https://developers.binance.com/docs/binance-spot-api-docs/rest-api
 */

/** A decimal as Binance prints it: fixed, 8 places. */
export function decimal(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '0.00000000' : value.toFixed(8);
}

/** `BTC/USDT` → `BTCUSDT`. */
export function marketId(info: MarketInfo): string {
  return `${info.base}${info.quote}`;
}

/** One entry of `exchangeInfo.symbols`, with the filters ccxt reads precision and limits from. */
export function binanceSymbol(info: MarketInfo): Record<string, unknown> {
  return {
    symbol: marketId(info),
    status: 'TRADING',
    baseAsset: info.base,
    baseAssetPrecision: 8,
    quoteAsset: info.quote,
    quotePrecision: 8,
    quoteAssetPrecision: 8,
    orderTypes: ['LIMIT', 'MARKET', 'STOP_LOSS', 'STOP_LOSS_LIMIT'],
    icebergAllowed: false,
    ocoAllowed: false,
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    filters: [
      { filterType: 'PRICE_FILTER', minPrice: decimal(info.tickSize), maxPrice: '1000000.00000000', tickSize: decimal(info.tickSize) },
      { filterType: 'LOT_SIZE', minQty: decimal(info.minQuantity), maxQty: '9000.00000000', stepSize: decimal(info.quantityStep) },
      { filterType: 'NOTIONAL', minNotional: decimal(info.minNotional), applyMinToMarket: true, maxNotional: '9000000.00000000', applyMaxToMarket: false, avgPriceMins: 5 },
    ],
    permissions: [],
    permissionSets: [['SPOT']],
    defaultSelfTradePreventionMode: 'EXPIRE_MAKER',
    allowedSelfTradePreventionModes: ['EXPIRE_MAKER'],
  };
}

/** A kline: `[openTime, open, high, low, close, volume, closeTime, quoteVolume, trades, takerBase, takerQuote, ignore]`. */
export function binanceKline(bar: Bar, timeframeMs: number): unknown[] {
  return [
    bar.timestamp,
    decimal(bar.open),
    decimal(bar.high),
    decimal(bar.low),
    decimal(bar.close),
    decimal(bar.volume),
    bar.timestamp + timeframeMs - 1,
    decimal(bar.volume * bar.close),
    0,
    '0.00000000',
    '0.00000000',
    '0',
  ];
}

const STATUS: Readonly<Record<OrderStatus, string>> = {
  open: 'NEW',
  'partially-filled': 'PARTIALLY_FILLED',
  filled: 'FILLED',
  canceled: 'CANCELED',
  rejected: 'REJECTED',
  expired: 'EXPIRED',
};

const TYPE: Readonly<Record<OrderType, string>> = {
  market: 'MARKET',
  limit: 'LIMIT',
  'stop-market': 'STOP_LOSS',
  'stop-limit': 'STOP_LOSS_LIMIT',
};

/** Binance order type → ours; undefined for types the emulator does not trade. */
export function orderTypeOf(binanceType: string): OrderType | undefined {
  return (Object.keys(TYPE) as OrderType[]).find((type) => TYPE[type] === binanceType);
}

/** An order as `GET /api/v3/order` returns it. */
export function binanceOrder(order: Order, info: MarketInfo): Record<string, unknown> {
  const filledQuote = order.filledQuantity > 0 ? order.filledQuantity * order.averageFillPrice : 0;
  return {
    symbol: marketId(info),
    orderId: Number(order.id),
    orderListId: -1,
    clientOrderId: order.clientOrderId,
    price: decimal(order.price ?? 0),
    origQty: decimal(order.quantity),
    executedQty: decimal(order.filledQuantity),
    cummulativeQuoteQty: decimal(filledQuote),
    status: STATUS[order.status],
    timeInForce: 'GTC',
    type: TYPE[order.type],
    side: order.side.toUpperCase(),
    stopPrice: decimal(order.stopPrice ?? 0),
    icebergQty: '0.00000000',
    time: order.createdAt,
    updateTime: order.updatedAt,
    isWorking: true,
    workingTime: order.createdAt,
    origQuoteOrderQty: '0.00000000',
    selfTradePreventionMode: 'EXPIRE_MAKER',
  };
}

/** One entry of `account.balances`. */
export function binanceBalance(balance: Balance): Record<string, string> {
  return { asset: balance.asset, free: decimal(balance.free), locked: decimal(balance.used) };
}
