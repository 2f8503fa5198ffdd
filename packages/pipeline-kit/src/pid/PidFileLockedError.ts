const marker = 'ares.error.PidFileLocked';
const symbol = Symbol.for(marker);

/** Another live process holds the PID file: a second instance must not start. */
export class PidFileLockedError extends Error {
  private readonly [symbol] = true;
  readonly path: string;
  /** The holder's process id. */
  readonly pid: number;
  /** When the holder took the lock, epoch ms (undefined if the file did not say). */
  readonly startedAt: number | undefined;

  constructor(o: { path: string; pid: number; startedAt: number | undefined }) {
    const since = o.startedAt === undefined ? '' : ` since ${new Date(o.startedAt).toISOString()}`;
    super(
      `PID file "${o.path}" is held by running process ${o.pid}${since}: another instance is running. Stop it first, or use another PID file path.`,
    );
    this.name = 'PidFileLockedError';
    this.path = o.path;
    this.pid = o.pid;
    this.startedAt = o.startedAt;
  }

  static isInstance(error: unknown): error is PidFileLockedError {
    return typeof error === 'object' && error !== null && symbol in error;
  }
}
