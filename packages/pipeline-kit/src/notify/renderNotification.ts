import type { NotificationAttachment, NotificationEvent } from './Notifier.js';

/** A notification as a mail: one-line subject, plain-text and HTML bodies, attachments. */
export interface RenderedNotification {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly NotificationAttachment[];
}

const MAX_SUBJECT = 160;

/**
 * Renders an event, e.g. `[Ares] backtest failed at execute: exchange unreachable`. `time` (epoch ms) is
 * the event's time on the notifier's clock; `notes` are appended lines (suppressed counts).
 */
export function renderNotification(event: NotificationEvent, o: { prefix: string; time: number; notes?: readonly string[] }): RenderedNotification {
  const { title, rows } = describe(event);
  const allRows: [string, string][] = [...rows, ['Time', new Date(o.time).toISOString()]];
  const notes = o.notes ?? [];
  const subject = oneLine(`${o.prefix} ${title}`, MAX_SUBJECT);
  const text = [...allRows.map(([k, v]) => `${k}: ${v}`), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
  const html = [
    `<h2>${escapeHtml(subject)}</h2>`,
    `<table>${allRows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`,
    ...notes.map((n) => `<p>${escapeHtml(n)}</p>`),
  ].join('\n');
  return { subject, text, html, attachments: event.type === 'summary' ? (event.attachments ?? []) : [] };
}

function describe(event: NotificationEvent): { title: string; rows: [string, string][] } {
  switch (event.type) {
    case 'pipeline-started':
      return { title: `${event.pipeline} started`, rows: pipelineRows(event) };
    case 'pipeline-succeeded':
      return { title: `${event.pipeline} succeeded`, rows: [...pipelineRows(event), ['Duration', formatDuration(event.durationMs)]] };
    case 'pipeline-failed':
      return {
        title: `${event.pipeline} failed at ${event.stage}: ${event.error}`,
        rows: [
          ...pipelineRows(event),
          ['Stage', event.stage],
          ['Error', event.error],
          ...(event.durationMs === undefined ? [] : ([['Duration', formatDuration(event.durationMs)]] as [string, string][])),
        ],
      };
    case 'safe-mode':
      return {
        title: `safe mode ${event.state}${event.symbol === undefined ? '' : ` on ${event.symbol}`}: ${event.reason}`,
        rows: [['State', event.state], ...(event.symbol === undefined ? [] : ([['Symbol', event.symbol]] as [string, string][])), ['Reason', event.reason]],
      };
    case 'trade':
      return {
        title: `trade ${event.side} ${event.quantity} ${event.symbol} @ ${event.price}`,
        rows: [
          ['Symbol', event.symbol],
          ['Side', event.side],
          ['Quantity', String(event.quantity)],
          ['Price', String(event.price)],
          ['Reason', event.reason],
        ],
      };
    case 'error':
      return {
        title: `error${event.source === undefined ? '' : ` in ${event.source}`}: ${event.message}`,
        rows: [...(event.source === undefined ? [] : ([['Source', event.source]] as [string, string][])), ['Error', event.message]],
      };
    case 'summary':
      return { title: event.title, rows: Object.entries(event.metrics).map(([k, v]) => [k, String(v)]) };
  }
}

function pipelineRows(event: { pipeline: string; runId?: string }): [string, string][] {
  return [['Pipeline', event.pipeline], ...(event.runId === undefined ? [] : ([['Run', event.runId]] as [string, string][]))];
}

function formatDuration(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${(ms / 1_000).toFixed(1)} s`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
