const marker = 'ares.error.FeatureSpec';
const symbol = Symbol.for(marker);

/** One problem found in a feature spec. */
export interface FeatureSpecIssue {
  /** The feature's name when known, else its position (`features[3]`), or `spec` for top-level fields. */
  readonly feature: string;
  /** The field inside the feature, e.g. `params.period`. */
  readonly field: string;
  readonly message: string;
}

/** A feature spec failed validation; `issues` lists every problem at once. */
export class FeatureSpecError extends Error {
  readonly [symbol] = true;
  readonly issues: readonly FeatureSpecIssue[];

  constructor(o: { issues: readonly FeatureSpecIssue[] }) {
    super(
      `Invalid feature spec:\n${o.issues.map((i) => `  - feature "${i.feature}", field "${i.field}": ${i.message}`).join('\n')}`,
    );
    this.name = 'FeatureSpecError';
    this.issues = o.issues;
  }

  static isInstance(error: unknown): error is FeatureSpecError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
