import { describe, expect, it } from '@jest/globals';
import type { NotificationEvent } from './Notifier.js';
import { renderNotification } from './renderNotification.js';

const at = { prefix: '[Ares]', time: 0 };

describe('renderNotification', () => {
  it.each<[NotificationEvent, string]>([
    [{ type: 'pipeline-started', pipeline: 'backtest', runId: 'r1' }, '[Ares] backtest started'],
    [{ type: 'pipeline-succeeded', pipeline: 'train', durationMs: 65_000 }, '[Ares] train succeeded'],
    [{ type: 'pipeline-failed', pipeline: 'backtest', stage: 'execute', error: 'no data for\n2024-01-01' }, '[Ares] backtest failed at execute: no data for 2024-01-01'],
    [{ type: 'safe-mode', state: 'exited', reason: 'drift cleared' }, '[Ares] safe mode exited: drift cleared'],
    [{ type: 'trade', symbol: 'ETH/USDT', side: 'sell', quantity: 0.25, price: 3_100.5, reason: 'take-profit' }, '[Ares] trade sell 0.25 ETH/USDT @ 3100.5'],
    [{ type: 'error', message: 'feed stalled' }, '[Ares] error: feed stalled'],
    [{ type: 'summary', title: 'weekly report', metrics: {} }, '[Ares] weekly report'],
  ])('renders %o with the subject %p', (event, subject) => {
    expect(renderNotification(event, at).subject).toBe(subject);
  });

  it('writes the rows as text and escaped HTML, with the time and notes', () => {
    const mail = renderNotification(
      { type: 'error', message: '<script>alert("x")</script> & co', source: 'connector' },
      { prefix: '[Ares]', time: Date.UTC(2026, 10, 22), notes: ['3 similar notifications were suppressed (error:connector).'] },
    );
    expect(mail.text).toBe(
      'Source: connector\nError: <script>alert("x")</script> & co\nTime: 2026-11-22T00:00:00.000Z\n\n3 similar notifications were suppressed (error:connector).',
    );
    expect(mail.html).toContain('<td>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; co</td>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.attachments).toEqual([]);
  });

  it('cuts a long subject to 160 characters', () => {
    const subject = renderNotification({ type: 'error', message: 'x'.repeat(500) }, at).subject;
    expect(subject).toHaveLength(160);
    expect(subject.endsWith('...')).toBe(true);
  });

  it('formats durations under a second in ms and longer ones in seconds', () => {
    expect(renderNotification({ type: 'pipeline-succeeded', pipeline: 'p', durationMs: 250 }, at).text).toContain('Duration: 250 ms');
    expect(renderNotification({ type: 'pipeline-succeeded', pipeline: 'p', durationMs: 65_000 }, at).text).toContain('Duration: 65.0 s');
  });
});
