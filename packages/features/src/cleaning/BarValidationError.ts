import type { BarColumn } from '../market/Bar.js';
import type { BarIssue, BarRule } from './BarIssue.js';

const marker = 'ares.error.BarValidation';
const symbol = Symbol.for(marker);

/** A bar broke a validation rule whose policy is `'reject'`. */
export class BarValidationError extends Error {
  readonly [symbol] = true;
  readonly rule: BarRule;
  readonly field: BarColumn;
  /** Position in the input series, when known. */
  readonly index: number | undefined;
  readonly timestamp: number;
  readonly issue: BarIssue;

  constructor(issue: BarIssue) {
    super(`Rejected by rule "${issue.rule}": ${issue.message}`);
    this.name = 'BarValidationError';
    this.rule = issue.rule;
    this.field = issue.field;
    this.index = issue.index;
    this.timestamp = issue.timestamp;
    this.issue = issue;
  }

  static isInstance(error: unknown): error is BarValidationError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
