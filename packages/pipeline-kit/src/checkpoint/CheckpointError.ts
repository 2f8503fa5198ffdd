const marker = 'ares.error.Checkpoint';
const symbol = Symbol.for(marker);

/**
 * Why a checkpoint was refused:
 * - `corrupt`: checksum, length or header do not add up
 * - `truncated`: the file ends early
 * - `foreign`: not an Ares checkpoint, or one of another kind
 * - `newer-version`: written by a newer schema (or file format) than this code reads
 * - `older-version`: written by an older schema and no migration covers the step
 * - `invalid`: the payload fails the store's zod schema
 * - `not-found`: no such checkpoint
 */
export type CheckpointErrorReason = 'corrupt' | 'truncated' | 'foreign' | 'newer-version' | 'older-version' | 'invalid' | 'not-found';

/** A checkpoint that cannot be used. The message names the file and what is wrong with it. */
export class CheckpointError extends Error {
  private readonly [symbol] = true;
  readonly reason: CheckpointErrorReason;
  /** The checkpoint file (or directory, for a payload refused before saving). */
  readonly path: string;

  constructor(o: { reason: CheckpointErrorReason; path: string; detail: string; cause?: unknown }) {
    super(`Checkpoint "${o.path}" refused (${o.reason}): ${o.detail}.`, { cause: o.cause });
    this.name = 'CheckpointError';
    this.reason = o.reason;
    this.path = o.path;
  }

  static isInstance(error: unknown): error is CheckpointError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
