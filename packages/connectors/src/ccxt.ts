// The ccxt entry point, @ares/connectors/ccxt: the venue and feed on any ccxt exchange. Kept out of the
// main entry because importing ccxt takes about half a second: backtests, optimization workers and the
// simulated exchange start without it.
export type { CcxtConnectionOptions } from './ccxt/CcxtConnection.js';
export type { CcxtFeedOptions } from './ccxt/createCcxtFeed.js';
export { createCcxtFeed } from './ccxt/createCcxtFeed.js';
export type { CcxtVenueOptions } from './ccxt/createCcxtVenue.js';
export { createCcxtVenue } from './ccxt/createCcxtVenue.js';
export { mapCcxtError } from './ccxt/mapCcxtError.js';
