import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { SimClock } from '../clock/SimClock.js';
import { installShutdownHandlers, SIGNAL_EXIT_CODES } from './installShutdownHandlers.js';
import { ShutdownRequestedError } from './ShutdownRequestedError.js';

function setup(graceMs = 1_000) {
  const source = new EventEmitter();
  const clock = new SimClock(0);
  const controller = new AbortController();
  const exits: number[] = [];
  const phases: string[] = [];
  const handle = installShutdownHandlers({
    controller,
    graceMs,
    clock,
    source,
    exit: (code) => exits.push(code),
    onSignal: (signal, phase) => phases.push(`${signal}:${phase}`),
  });
  return { source, clock, controller, exits, phases, handle };
}

describe('installShutdownHandlers', () => {
  it('aborts with a ShutdownRequestedError on the first signal and does not exit', () => {
    const { source, controller, exits, handle } = setup();
    source.emit('SIGTERM');
    expect(controller.signal.aborted).toBe(true);
    expect(ShutdownRequestedError.isInstance(controller.signal.reason)).toBe(true);
    expect((controller.signal.reason as ShutdownRequestedError).signal).toBe('SIGTERM');
    expect(handle.signal).toBe('SIGTERM');
    expect(exits).toEqual([]);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('exits with 128+n on a second %s', (signal, code) => {
    const { source, exits, phases } = setup();
    source.emit(signal);
    source.emit(signal);
    expect(exits).toEqual([code]);
    expect(phases).toEqual([`${signal}:graceful`, `${signal}:forced`]);
    expect(SIGNAL_EXIT_CODES[signal]).toBe(code);
  });

  it('exits when the grace period runs out, not before', () => {
    const { source, clock, exits } = setup(5_000);
    source.emit('SIGINT');
    clock.advanceTo(4_999);
    expect(exits).toEqual([]);
    clock.advanceTo(5_000);
    expect(exits).toEqual([130]);
  });

  it('dispose removes listeners and the grace timer', () => {
    const { source, clock, exits, handle } = setup(100);
    source.emit('SIGTERM');
    handle.dispose();
    handle.dispose();
    clock.advanceTo(1_000);
    expect(exits).toEqual([]);
    expect(source.listenerCount('SIGINT')).toBe(0);
    expect(source.listenerCount('SIGTERM')).toBe(0);
  });

  it('leaks no process listeners over many installs', () => {
    const before = process.listenerCount('SIGTERM');
    for (let i = 0; i < 50; i++) installShutdownHandlers({ controller: new AbortController(), graceMs: 10, clock: new SimClock(0) }).dispose();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
