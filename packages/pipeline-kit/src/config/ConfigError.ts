const marker = 'ares.error.Config';
const symbol = Symbol.for(marker);

/** One problem with a config value. */
export interface ConfigIssue {
  /** Dotted path of the value (`risk.maxDrawdown`); empty for the whole config. */
  readonly path: string;
  /** What the value should be. */
  readonly expected: string;
  /** What it was, quoted as JSON; `[redacted]` for secrets. */
  readonly received: string;
  /** Where it came from: `file <path>[:line:column]`, `env ARES_…`, `defaults`, or `not set`. */
  readonly source: string;
}

/** A config that cannot be used. Lists every problem at once, so one run shows everything to fix. */
export class ConfigError extends Error {
  private readonly [symbol] = true;
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    const lines = issues.map((i) => `  - ${i.path === '' ? '(config)' : i.path}: expected ${i.expected}, received ${i.received} (${i.source})`);
    super(`Invalid config: ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }

  static isInstance(error: unknown): error is ConfigError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
