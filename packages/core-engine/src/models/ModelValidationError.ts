const marker = 'ares.error.ModelValidation';
const symbol = Symbol.for(marker);

/** One reason a model was refused: which field, what the engine expected, what the model has. */
export interface ModelValidationIssue {
  /** Dotted path, e.g. `sha256`, `input.shape`, `classifier.probabilityOutput`. */
  readonly field: string;
  readonly expected: string;
  readonly found: string;
}

/**
 * A model (ONNX file + metadata) that cannot be used: corrupt or altered file, metadata that does not
 * describe the graph, or a feature spec other than the engine's. `field`, `expected` and `found` are
 * those of the first issue; `issues` lists all of them.
 */
export class ModelValidationError extends Error {
  private readonly [symbol] = true;
  readonly field: string;
  readonly expected: string;
  readonly found: string;
  readonly issues: readonly ModelValidationIssue[];
  /** The ONNX or metadata file concerned. */
  readonly path: string;

  constructor(o: { path: string; issues: readonly [ModelValidationIssue, ...ModelValidationIssue[]]; hint?: string; cause?: unknown }) {
    const lines = o.issues.map((i) => `"${i.field}": expected ${i.expected}, found ${i.found}.`);
    super(`Invalid model "${o.path}": ${lines.join(' ')}${o.hint === undefined ? '' : ` ${o.hint}`}`, { cause: o.cause });
    this.name = 'ModelValidationError';
    const [first] = o.issues;
    this.field = first.field;
    this.expected = first.expected;
    this.found = first.found;
    this.issues = o.issues;
    this.path = o.path;
  }

  static isInstance(error: unknown): error is ModelValidationError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
