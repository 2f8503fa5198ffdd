import { InvalidArgumentError } from './InvalidArgumentError.js';

/** Rejects NaN and ±Infinity before a detector touches its state. */
export function checkFinite(x: number): void {
  if (!Number.isFinite(x)) {
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

/** Rejects values outside [0, 1], e.g. for ADWIN run on an error rate or a probability. */
export function checkUnitInterval(x: number): void {
  if (!(x >= 0 && x <= 1)) {
    throw new InvalidArgumentError({ argument: 'x', message: `Invalid "x": expected a number in [0, 1], received "${x}".` });
  }
}
