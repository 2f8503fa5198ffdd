const marker = 'ares.error.ModelRegistry';
const symbol = Symbol.for(marker);

export type ModelRegistryErrorReason =
  | 'invalid-name'
  | 'unknown-model'
  | 'unknown-version'
  | 'version-exists'
  | 'no-pointer'
  | 'no-history'
  | 'corrupt-pointer';

/** A registry operation that cannot be done: unknown name or version, an existing version, nothing to promote or roll back. */
export class ModelRegistryError extends Error {
  private readonly [symbol] = true;
  readonly reason: ModelRegistryErrorReason;

  constructor(o: { reason: ModelRegistryErrorReason; message: string; cause?: unknown }) {
    super(o.message, { cause: o.cause });
    this.name = 'ModelRegistryError';
    this.reason = o.reason;
  }

  static isInstance(error: unknown): error is ModelRegistryError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
