import nodemailer, { type Transporter } from 'nodemailer';
import type { DeepReadonly } from '../config/loadConfig.js';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { type Clock, sleep } from '../clock/Clock.js';
import { LiveClock } from '../clock/LiveClock.js';
import { parseOptions } from '../logging/InvalidOptionError.js';
import { RetryExhaustedError } from '../retry/RetryExhaustedError.js';
import { retry } from '../retry/retry.js';
import { DEFAULT_THROTTLE_MS, type EmailConfig, EmailConfigSchema } from './EmailConfigSchema.js';
import type { NotificationEvent, Notifier } from './Notifier.js';
import { createSecretScrubber } from '../logging/scrubSecrets.js';
import { type RenderedNotification, renderNotification } from './renderNotification.js';

/** Delivery counters of an {@link EmailNotifier}, cumulative since it was created. */
export interface EmailNotifierStats {
  /** Mails the server accepted. */
  readonly sent: number;
  /** Mails given up on after the allowed attempts. */
  readonly failed: number;
  /** Retries after a transient failure. */
  readonly retried: number;
  /** Events not mailed because of the throttle or dedupe windows. */
  readonly suppressed: number;
  /** Mails dropped because the queue was full. */
  readonly dropped: number;
}

export interface EmailNotifierOptions {
  /** Time of the throttle and dedupe windows and of the `Time` row. Default LiveClock. */
  readonly clock?: Clock;
  /** Where delivery failures go (warn per retry, error when given up); use the main stream so errors reach errors.log. */
  readonly logger?: Pick<Logger, 'warn' | 'error'>;
  /**
   * Secret values never to be mailed (pass the config's, e.g. `listSecretValues(config, schema)`); the
   * SMTP password is always included. They are replaced in every text field of an event before rendering.
   */
  readonly secrets?: readonly string[];
}

interface QueuedMail extends RenderedNotification {
  readonly key: string;
}

/**
 * Mails notifications over SMTP with nodemailer. `notify` renders, throttles and queues; a background
 * loop sends one mail at a time with connection, greeting and socket timeouts and bounded retries.
 * Nothing is ever thrown to the caller. Waits between retries and flush deadlines run on the wall
 * clock even when a SimClock drives the windows, since they time real network I/O.
 */
export class EmailNotifier implements Notifier {
  readonly #config: z.output<typeof EmailConfigSchema>;
  readonly #throttleMs: Record<NotificationEvent['type'], number>;
  readonly #clock: Clock;
  readonly #wall = new LiveClock();
  readonly #logger: Pick<Logger, 'warn' | 'error'> | undefined;
  readonly #scrub: (text: string) => string;
  readonly #transport: Transporter;
  readonly #queue: QueuedMail[] = [];
  readonly #lastSentByKey = new Map<string, number>();
  readonly #lastSentBySubject = new Map<string, number>();
  readonly #suppressedByKey = new Map<string, number>();
  readonly #abort = new AbortController();
  readonly #stats = { sent: 0, failed: 0, retried: 0, suppressed: 0, dropped: 0 };
  #sending: Promise<void> | undefined;
  #closing: Promise<void> | undefined;

  constructor(config: DeepReadonly<EmailConfig>, options: EmailNotifierOptions = {}) {
    this.#config = parseOptions(EmailConfigSchema, config, 'EmailNotifier');
    this.#throttleMs = { ...DEFAULT_THROTTLE_MS, ...this.#config.throttleMs };
    this.#clock = options.clock ?? new LiveClock();
    this.#logger = options.logger;
    const secrets = [...(options.secrets ?? []), ...(this.#config.password === undefined ? [] : [this.#config.password])];
    this.#scrub = createSecretScrubber(secrets);
    const c = this.#config;
    this.#transport = nodemailer.createTransport({
      host: c.host,
      port: c.port,
      secure: c.secure,
      ignoreTLS: c.ignoreTLS,
      auth: c.user === undefined ? undefined : { user: c.user, pass: c.password },
      connectionTimeout: c.connectionTimeoutMs,
      greetingTimeout: c.greetingTimeoutMs,
      socketTimeout: c.socketTimeoutMs,
    });
  }

  get stats(): EmailNotifierStats {
    return { ...this.#stats };
  }

  notify(event: NotificationEvent): void {
    try {
      this.#accept(event);
    } catch (error) {
      this.#logger?.error({ err: error, notification: event.type }, 'notification could not be prepared');
    }
  }

  async flush(timeoutMs?: number): Promise<void> {
    const deadline = new AbortController();
    const timeout =
      timeoutMs === undefined
        ? new Promise<void>(() => {})
        : sleep(this.#wall, timeoutMs, deadline.signal).catch(() => undefined);
    try {
      while (this.#sending !== undefined) {
        const expired = await Promise.race([this.#sending.then(() => false), timeout.then(() => true)]);
        if (expired) return;
      }
    } finally {
      deadline.abort();
    }
  }

  close(): Promise<void> {
    this.#closing ??= this.flush(this.#config.closeTimeoutMs).then(() => {
      this.#abort.abort(new Error('EmailNotifier closed'));
      this.#transport.close();
    });
    return this.#closing;
  }

  #accept(event: NotificationEvent): void {
    if (this.#closing !== undefined || !this.#config.events.includes(event.type)) return;
    const now = this.#clock.now();
    const key = `${event.type}:${throttleKeyOf(event)}`;
    const last = this.#lastSentByKey.get(key);
    const window = this.#throttleMs[event.type];
    if (last !== undefined && now - last < window) {
      this.#suppress(key);
      return;
    }

    const options = { prefix: this.#config.subjectPrefix, time: now };
    const safe = scrubEvent(event, this.#scrub);
    const plain = renderNotification(safe, options);
    const lastSubject = this.#lastSentBySubject.get(plain.subject);
    if (lastSubject !== undefined && now - lastSubject < this.#config.dedupeMs) {
      this.#suppress(key);
      return;
    }
    if (this.#queue.length >= this.#config.maxQueue) {
      this.#stats.dropped++;
      this.#logger?.warn({ subject: plain.subject, maxQueue: this.#config.maxQueue }, 'notification queue full: mail dropped');
      return;
    }
    const notes = event.type === 'summary' ? this.#takeAllSuppressed() : this.#takeSuppressed(key);
    const mail = notes.length === 0 ? plain : renderNotification(safe, { ...options, notes });
    this.#lastSentByKey.set(key, now);
    this.#rememberSubject(mail.subject, now);
    this.#queue.push({ ...mail, key });
    this.#sending ??= this.#drain().finally(() => {
      this.#sending = undefined;
    });
  }

  async #drain(): Promise<void> {
    // Let the caller's synchronous code finish before any network work starts.
    await Promise.resolve();
    for (let mail = this.#queue.shift(); mail !== undefined; mail = this.#queue.shift()) await this.#deliver(mail);
  }

  async #deliver(mail: QueuedMail): Promise<void> {
    const c = this.#config;
    try {
      await retry(
        () =>
          this.#transport.sendMail({
            from: c.from,
            to: c.to,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            attachments: mail.attachments.map((a) => ({ ...a })),
          }),
        {
          maxAttempts: c.maxRetries + 1,
          baseDelayMs: c.retryDelayMs,
          clock: this.#wall,
          signal: this.#abort.signal,
          retryOn: isTransient,
          onRetry: ({ attempt, delayMs, error }) => {
            this.#stats.retried++;
            this.#logger?.warn({ err: error, subject: mail.subject, attempt, delayMs }, 'notification email failed, retrying');
          },
        },
      );
      this.#stats.sent++;
    } catch (error) {
      this.#stats.failed++;
      const cause = RetryExhaustedError.isInstance(error) ? error.cause : error;
      const attempts = RetryExhaustedError.isInstance(error) ? error.attempts : 1;
      this.#logger?.error({ err: cause, subject: mail.subject, key: mail.key, attempts }, `notification email not sent: ${describe(cause)}`);
    }
  }

  /** Subjects vary (prices, messages), so entries older than the dedupe window are pruned to bound memory. */
  #rememberSubject(subject: string, now: number): void {
    if (this.#lastSentBySubject.size >= 1_000)
      for (const [old, time] of this.#lastSentBySubject) if (now - time >= this.#config.dedupeMs) this.#lastSentBySubject.delete(old);
    this.#lastSentBySubject.set(subject, now);
  }

  #suppress(key: string): void {
    this.#stats.suppressed++;
    this.#suppressedByKey.set(key, (this.#suppressedByKey.get(key) ?? 0) + 1);
  }

  #takeSuppressed(key: string): string[] {
    const count = this.#suppressedByKey.get(key);
    if (count === undefined) return [];
    this.#suppressedByKey.delete(key);
    return [suppressedNote(key, count)];
  }

  #takeAllSuppressed(): string[] {
    const notes = [...this.#suppressedByKey].map(([key, count]) => suppressedNote(key, count));
    this.#suppressedByKey.clear();
    return notes;
  }
}

/** Events of one type that share this key share a throttle window. */
function throttleKeyOf(event: NotificationEvent): string {
  switch (event.type) {
    case 'pipeline-started':
    case 'pipeline-succeeded':
    case 'pipeline-failed':
      return event.pipeline;
    case 'safe-mode':
      return `${event.state}:${event.symbol ?? ''}`;
    case 'trade':
      return event.symbol;
    case 'error':
      return event.source ?? '';
    case 'summary':
      return event.title;
  }
}

function suppressedNote(key: string, count: number): string {
  return `${count} similar notification${count === 1 ? ' was' : 's were'} suppressed (${key}).`;
}

/** SMTP 5xx replies and authentication or envelope errors will fail again; connection trouble and 4xx may not. */
function isTransient(error: unknown): boolean {
  const e = error as { code?: unknown; responseCode?: unknown } | null;
  if (typeof e?.responseCode === 'number' && e.responseCode >= 500) return false;
  return !['EAUTH', 'EENVELOPE', 'EMESSAGE', 'ECONFIG'].includes(String(e?.code));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The event with every secret replaced in its text fields and summary metrics. */
function scrubEvent(event: NotificationEvent, scrub: (text: string) => string): NotificationEvent {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) copy[key] = typeof value === 'string' ? scrub(value) : value;
  if (event.type === 'summary') {
    copy.metrics = Object.fromEntries(Object.entries(event.metrics).map(([k, v]) => [k, typeof v === 'string' ? scrub(v) : v]));
  }
  return copy as NotificationEvent;
}
