import { InvalidArgumentError } from '../InvalidArgumentError.js';

/**
 * Validates an equity curve once, before any metric reads it: same lengths, at least one bar,
 * strictly increasing finite timestamps, finite equity > 0 (returns are ratios of equity).
 */
export function checkEquityCurve(timestamps: Float64Array, equity: Float64Array): void {
  if (equity.length === 0) {
    throw new InvalidArgumentError({ argument: 'equity', message: 'Invalid "equity": expected at least 1 value, received "0" values.' });
  }
  if (timestamps.length !== equity.length) {
    throw new InvalidArgumentError({
      argument: 'timestamps',
      message: `Invalid "timestamps": expected one per equity value (${equity.length}), received "${timestamps.length}".`,
    });
  }
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i] as number;
    if (!(e > 0) || !Number.isFinite(e)) throw badEquity(i, e);
    const t = timestamps[i] as number;
    if (!Number.isFinite(t) || !(t > previous)) throw badTimestamp(i, t, previous);
    previous = t;
  }
}

// The errors are built outside the loop: with the messages' object literals written inline, V8 boxed the
// loop's doubles on every pass and the check ran ten times slower (1.4 ms instead of 0.15 ms on 62 482 bars).
function badEquity(i: number, e: number): InvalidArgumentError {
  return new InvalidArgumentError({ argument: `equity.${i}`, message: `Invalid "equity.${i}": expected a finite number > 0, received "${e}".` });
}

function badTimestamp(i: number, t: number, previous: number): InvalidArgumentError {
  return new InvalidArgumentError({
    argument: `timestamps.${i}`,
    message: `Invalid "timestamps.${i}": expected finite epoch ms, strictly increasing, received "${t}" after "${previous}".`,
  });
}
