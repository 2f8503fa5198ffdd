import { z } from 'zod';
import { secret } from '../config/secret.js';
import { NOTIFICATION_TYPES, type NotificationType } from './Notifier.js';

const NotificationTypeSchema = z.enum(NOTIFICATION_TYPES);

/** Default throttle window per event type, ms: lifecycle and summaries always go out; trades and errors are rate-limited. */
export const DEFAULT_THROTTLE_MS: Readonly<Record<NotificationType, number>> = {
  'pipeline-started': 0,
  'pipeline-succeeded': 0,
  'pipeline-failed': 0,
  'safe-mode': 60_000,
  trade: 60_000,
  error: 300_000,
  summary: 0,
};

/** SMTP settings and delivery policy of the {@link EmailNotifier}. */
export const EmailConfigSchema = z.object({
  /** SMTP server host. */
  host: z.string().min(1),
  /** SMTP port: 465 with `secure`, otherwise usually 587 (STARTTLS). */
  port: z.number().int().min(1).max(65_535).default(587),
  /** TLS from the first byte (port 465). With `false`, STARTTLS is used when the server offers it. */
  secure: z.boolean().default(false),
  /** Never upgrade with STARTTLS (a local test server only). */
  ignoreTLS: z.boolean().default(false),
  /** Sender address, e.g. `Ares <ares@example.com>`. */
  from: z.string().min(1),
  /** Recipients. */
  to: z.array(z.string().min(1)).min(1),
  /** SMTP user; omit for a server without authentication. */
  user: z.string().min(1).optional(),
  /** SMTP password. Marked secret: the config loader takes it only from the environment and redacts it. */
  password: secret(z.string().min(1)).optional(),
  /** Start of every subject. */
  subjectPrefix: z.string().default('[Ares]'),
  /** Event types that are mailed; others are ignored. Default: all. */
  events: z.array(NotificationTypeSchema).default([...NOTIFICATION_TYPES]),
  /** At most one mail per event type and key (pipeline, symbol, source, ...) per window, ms; merged over {@link DEFAULT_THROTTLE_MS}. */
  throttleMs: z.partialRecord(NotificationTypeSchema, z.number().int().nonnegative()).default({}),
  /** A mail whose subject equals one sent within this window, ms, is suppressed. */
  dedupeMs: z.number().int().nonnegative().default(600_000),
  /** Time to establish the TCP connection, ms. */
  connectionTimeoutMs: z.number().int().positive().default(10_000),
  /** Time to wait for the server's greeting once connected, ms. */
  greetingTimeoutMs: z.number().int().positive().default(10_000),
  /** Allowed socket inactivity during a send, ms. */
  socketTimeoutMs: z.number().int().positive().default(30_000),
  /** Extra attempts after a failed send (transient errors only). */
  maxRetries: z.number().int().min(0).max(10).default(3),
  /** Backoff ceiling before the first retry, ms; doubles per retry (full jitter). */
  retryDelayMs: z.number().int().nonnegative().default(2_000),
  /** Mails waiting to be sent; beyond it new mails are dropped and counted. */
  maxQueue: z.number().int().min(1).default(100),
  /** How long `close()` waits for queued mails, ms. */
  closeTimeoutMs: z.number().int().nonnegative().default(10_000),
});
export type EmailConfig = z.input<typeof EmailConfigSchema>;
