import { z } from 'zod';

/** Trading rules of one simulated market; the shape of `MarketInfo`. */
export const MarketInfoSchema = z
  .object({
    /** Unified symbol, e.g. `BTC/USDT`. */
    symbol: z.string().min(1),
    /** Base asset, e.g. `BTC`: quantities are in it. */
    base: z.string().min(1),
    /** Quote asset, e.g. `USDT`: prices, cash and fees are in it. */
    quote: z.string().min(1),
    /** Smallest price increment; order prices must be multiples of it. 0 = any price. */
    tickSize: z.number().min(0).default(0),
    /** Lot size; order quantities must be multiples of it. 0 = any quantity. */
    quantityStep: z.number().min(0).default(0),
    /** Smallest order quantity. */
    minQuantity: z.number().min(0).default(0),
    /** Smallest order value in the quote currency (quantity × reference price). */
    minNotional: z.number().min(0).default(0),
    /** Fee of a fill that rested in the book, as a fraction of notional (0.001 = 0.1 %). Negative = rebate. */
    makerFee: z.number().gt(-1).lt(1).default(0.001),
    /** Fee of a fill that took liquidity, as a fraction of notional. */
    takerFee: z.number().gt(-1).lt(1).default(0.001),
  })
  .strict();

/**
 * How far a taker fill is pushed against the order (a buy pays more, a sell receives less). The
 * slipped price is clamped to the bar's [low, high]; limit prices are never crossed.
 */
export const SlippageSchema = z.discriminatedUnion('kind', [
  /** Fill exactly at the rule's price. */
  z.object({ kind: z.literal('none') }).strict(),
  /** A fixed fraction of the price, in basis points (1 bp = 0.01 %). */
  z.object({ kind: z.literal('fixed-bps'), bps: z.number().min(0).max(10_000) }).strict(),
  /** A fraction of the bar's range: price ± fraction × (high − low). */
  z.object({ kind: z.literal('range-fraction'), fraction: z.number().min(0).max(1) }).strict(),
  /**
   * Liquidity cap: all fills of one symbol in one bar take at most `maxShare` × bar volume; the rest
   * of an order stays open for the next bars (partial fills). `impactBps` adds fixed-bps slippage.
   */
  z
    .object({
      kind: z.literal('volume-share'),
      maxShare: z.number().gt(0).max(1),
      impactBps: z.number().min(0).max(10_000).default(0),
    })
    .strict(),
]);

export const SimulatedExchangeConfigSchema = z
  .object({
    /** Venue name, reported in errors and by the venue wrapper. */
    name: z.string().min(1).default('simulated'),
    /** The tradable markets. All must share one quote currency (the cash currency). */
    markets: z.array(MarketInfoSchema).min(1),
    /**
     * Starting balances by asset: the quote currency (cash) and optionally base assets. A base
     * holding opens a long position in the first market listed with that base, entered at the open
     * of that market's first processed bar.
     */
    initialBalances: z.record(z.string(), z.number().min(0)).default({}),
    /** Slippage model of taker fills. */
    slippage: SlippageSchema.default({ kind: 'none' }),
    /**
     * Order latency in bars. 0: an order submitted after bar t's close is eligible from bar t+1
     * (its open); n: from bar t+1+n.
     */
    latencyBars: z.number().int().min(0).max(1_000).default(0),
    /**
     * false (default): spot. Buys are paid from cash, sells need the base asset; no shorting.
     * true: a margin/derivatives account: signed positions, cash accounting (a short sale credits
     * cash), orders limited to 1× gross exposure of equity.
     */
    allowShort: z.boolean().default(false),
  })
  .strict()
  .superRefine((config, context) => {
    const seen = new Set<string>();
    config.markets.forEach((market, i) => {
      if (seen.has(market.symbol)) {
        context.addIssue({ code: 'custom', path: ['markets', i, 'symbol'], message: 'expected a symbol listed once' });
      }
      seen.add(market.symbol);
      const quote = config.markets[0]?.quote;
      if (market.quote !== quote) {
        context.addIssue({ code: 'custom', path: ['markets', i, 'quote'], message: `expected the quote currency of every market ("${quote}")` });
      }
    });
    const assets = new Set(config.markets.flatMap((m) => [m.base, m.quote]));
    for (const asset of Object.keys(config.initialBalances)) {
      if (!assets.has(asset)) {
        context.addIssue({ code: 'custom', path: ['initialBalances', asset], message: 'expected an asset of one of the markets' });
      }
    }
  });

/** The config as written by a user (defaults optional). */
export type SimulatedExchangeConfig = z.input<typeof SimulatedExchangeConfigSchema>;
/** The config with its defaults filled in. */
export type ResolvedSimulatedExchangeConfig = z.output<typeof SimulatedExchangeConfigSchema>;
export type SlippageModel = z.output<typeof SlippageSchema>;
