/**
 * A Binance error response: HTTP status and the `{code, msg}` body, with Binance's own codes and
 * messages so that ccxt maps them as it would the real exchange's. Internal to the emulator.
 * @see https://developers.binance.com/docs/binance-spot-api-docs/errors
 */
export class BinanceApiError extends Error {
  readonly status: number;
  readonly code: number;

  constructor(status: number, code: number, msg: string) {
    super(msg);
    this.name = 'BinanceApiError';
    this.status = status;
    this.code = code;
  }

  static missingParameter(name: string): BinanceApiError {
    return new BinanceApiError(400, -1102, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`);
  }
}
