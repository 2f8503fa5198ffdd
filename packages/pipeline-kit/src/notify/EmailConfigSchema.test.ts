import { describe, expect, it } from '@jest/globals';
import { listSecretValues, redactConfig } from '../config/redactConfig.js';
import { DEFAULT_THROTTLE_MS, EmailConfigSchema } from './EmailConfigSchema.js';
import { NOTIFICATION_TYPES } from './Notifier.js';

describe('EmailConfigSchema', () => {
  const minimal = { host: 'smtp.example.com', from: 'ares@example.com', to: ['ops@example.com'] };

  it('fills the documented defaults', () => {
    expect(EmailConfigSchema.parse(minimal)).toEqual({
      ...minimal,
      port: 587,
      secure: false,
      ignoreTLS: false,
      subjectPrefix: '[Ares]',
      events: [...NOTIFICATION_TYPES],
      throttleMs: {},
      dedupeMs: 600_000,
      connectionTimeoutMs: 10_000,
      greetingTimeoutMs: 10_000,
      socketTimeoutMs: 30_000,
      maxRetries: 3,
      retryDelayMs: 2_000,
      maxQueue: 100,
      closeTimeoutMs: 10_000,
    });
  });

  it('has a throttle default for every event type', () => {
    expect(Object.keys(DEFAULT_THROTTLE_MS).sort()).toEqual([...NOTIFICATION_TYPES].sort());
  });

  it('marks the SMTP password as a secret for the config loader', () => {
    const config = EmailConfigSchema.parse({ ...minimal, user: 'ares', password: 'smtp-pa55' });
    expect(listSecretValues(config, EmailConfigSchema)).toEqual(['smtp-pa55']);
    expect(redactConfig(config, EmailConfigSchema)).toMatchObject({ user: 'ares', password: '[redacted]' });
  });
});
