/** A file attached to a summary mail: read from `path`, or given inline as `content`. */
export type NotificationAttachment = { readonly filename: string } & ({ readonly path: string } | { readonly content: string });

interface PipelineFacts {
  /** Pipeline name, e.g. `backtest`. */
  readonly pipeline: string;
  readonly runId?: string;
}

/** What Ares tells a human about. `type` selects the rendering, the throttle window and the filter. */
export type NotificationEvent =
  | (PipelineFacts & { readonly type: 'pipeline-started' })
  | (PipelineFacts & { readonly type: 'pipeline-succeeded'; readonly durationMs: number })
  | (PipelineFacts & {
      readonly type: 'pipeline-failed';
      /** The stage that failed: `initialize`, `execute` or `cleanup`. */
      readonly stage: string;
      /** The error message. */
      readonly error: string;
      readonly durationMs?: number;
    })
  | { readonly type: 'safe-mode'; readonly state: 'entered' | 'exited'; readonly reason: string; readonly symbol?: string }
  | {
      readonly type: 'trade';
      readonly symbol: string;
      readonly side: 'buy' | 'sell';
      readonly quantity: number;
      readonly price: number;
      readonly reason: string;
    }
  | { readonly type: 'error'; readonly message: string; /** Where it happened, e.g. `connector`. */ readonly source?: string }
  | {
      readonly type: 'summary';
      readonly title: string;
      /** Key figures, shown as a table in insertion order. */
      readonly metrics: Readonly<Record<string, string | number>>;
      readonly attachments?: readonly NotificationAttachment[];
    };

export type NotificationType = NotificationEvent['type'];

export const NOTIFICATION_TYPES = [
  'pipeline-started',
  'pipeline-succeeded',
  'pipeline-failed',
  'safe-mode',
  'trade',
  'error',
  'summary',
] as const satisfies readonly NotificationType[];

/**
 * Tells humans about pipeline events. `notify` never throws and never waits on I/O: delivery happens
 * in the background, and failures are logged and counted by the implementation.
 */
export interface Notifier {
  notify(event: NotificationEvent): void;
  /** Resolves when everything queued so far was delivered or given up on, or after `timeoutMs`. Never rejects. */
  flush(timeoutMs?: number): Promise<void>;
  /** Flushes, then releases connections; later events are ignored. Never rejects. */
  close(): Promise<void>;
}
