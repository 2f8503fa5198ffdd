import { z } from 'zod';
import { SimulatedExchangeConfigSchema } from './SimulatedExchangeConfigSchema.js';

const finite = z.number().finite();
const side = z.enum(['buy', 'sell']);

/** One order as checkpointed (the exchange's internal record). */
export const OrderStateSchema = z
  .object({
    id: z.string().min(1),
    clientOrderId: z.string().min(1),
    symbol: z.string().min(1),
    side,
    type: z.enum(['market', 'limit', 'stop-market', 'stop-limit']),
    quantity: finite.positive(),
    filled: finite.min(0),
    notional: finite.min(0),
    price: finite.positive().optional(),
    stopPrice: finite.positive().optional(),
    reduceOnly: z.boolean(),
    timeInForce: z.enum(['GTC', 'IOC', 'FOK']),
    stopLoss: finite.positive().optional(),
    takeProfit: finite.positive().optional(),
    status: z.enum(['open', 'partially-filled', 'filled', 'canceled', 'rejected', 'expired']),
    createdAt: finite,
    updatedAt: finite,
    eligibleFrom: z.number().int().min(0),
    triggered: z.boolean(),
    reservePerUnit: finite.min(0),
    reservesBase: z.boolean(),
    ocoId: z.string().optional(),
    parentId: z.string().optional(),
    legIds: z.array(z.string()),
  })
  .strict();

/** Per-market accounting as checkpointed; `null` stands for NaN / "no bar yet" (JSON has no NaN). */
export const MarketStateSchema = z
  .object({
    symbol: z.string().min(1),
    position: finite,
    averageEntry: finite.nullable(),
    realizedGross: finite,
    feesPaid: finite,
    reservedBase: finite,
    barIndex: z.number().int().min(0),
    lastPrice: finite.nullable(),
    lastTimestamp: finite.nullable(),
  })
  .strict();

/** The plain-JSON checkpoint of a `SimulatedExchange` (`getState()` / `fromState()`). */
export const SimulatedExchangeStateSchema = z
  .object({
    version: z.literal(1),
    config: SimulatedExchangeConfigSchema,
    cash: finite,
    reservedQuote: finite,
    nextOrderNumber: z.number().int().min(1),
    markets: z.array(MarketStateSchema),
    orders: z.array(OrderStateSchema),
  })
  .strict();

export type OrderState = z.output<typeof OrderStateSchema>;
export type SimulatedExchangeState = z.output<typeof SimulatedExchangeStateSchema>;
