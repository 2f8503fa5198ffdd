import { InvalidArgumentError } from './InvalidArgumentError.js';
import { isFiniteNumber } from './math.js';

/** Rejects NaN and ±Infinity before a detector touches its state. */
export function checkFinite(x: number): void {
  if (!isFiniteNumber(x)) {
    throw new InvalidArgumentError({ argument: 'x', message: `Invalid "x": expected a finite number, received "${x}".` });
  }
}

/** Rejects anything but 0 (correct prediction) or 1 (error) for the error-rate detectors. */
export function checkBinary(x: number): void {
  if (x !== 0 && x !== 1) {
    throw new InvalidArgumentError({
      argument: 'x',
      message: `Invalid "x": expected 0 (correct) or 1 (error), received "${x}".`,
    });
  }
}
