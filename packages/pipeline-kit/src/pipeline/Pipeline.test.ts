import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { SimClock } from '../clock/SimClock.js';
import { MemoryNotifier } from '../notify/MemoryNotifier.js';
import { exitCodeOf, Pipeline, type PipelineOptions, type PipelineResult } from './Pipeline.js';

type Step = 'ok' | 'throw' | 'abort';

class ScriptedPipeline extends Pipeline<string> {
  readonly calls: string[] = [];
  constructor(
    readonly script: { initialize?: Step; execute?: Step; cleanup?: Step },
    options: Partial<PipelineOptions> & { clock: SimClock },
  ) {
    super({ name: 'scripted', handleSignals: false, ...options });
  }
  protected async initialize(): Promise<void> {
    this.calls.push('initialize');
    this.#act(this.script.initialize, 'initialize');
  }
  protected async execute(signal: AbortSignal): Promise<string> {
    this.calls.push('execute');
    (this.clock as SimClock).advanceBy(1_500);
    this.#act(this.script.execute, 'execute');
    return signal.aborted ? 'partial' : 'done';
  }
  protected async cleanup(): Promise<void> {
    this.calls.push('cleanup');
    this.#act(this.script.cleanup, 'cleanup');
  }
  #act(step: Step | undefined, stage: string): void {
    if (step === 'throw') throw new Error(`${stage} broke`);
    if (step === 'abort') this.abort(new Error('stop requested'));
  }
}

function capture(): { logger: pino.Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

function failed<T>(result: PipelineResult<T>) {
  if (result.ok) throw new Error('expected a failed result');
  return result;
}

describe('Pipeline.run', () => {
  it('runs initialize, execute, cleanup in order and returns the value with the clock duration', async () => {
    const notifier = new MemoryNotifier();
    const p = new ScriptedPipeline({}, { clock: new SimClock(10_000), notifier });
    const result = await p.run();
    expect(p.calls).toEqual(['initialize', 'execute', 'cleanup']);
    expect(result).toMatchObject({ ok: true, status: 'succeeded', value: 'done', startedAt: 10_000, durationMs: 1_500, pipeline: 'scripted' });
    expect(notifier.events.map((e) => e.type)).toEqual(['pipeline-started', 'pipeline-succeeded']);
  });

  it('a failing initialize skips execute but still cleans up once', async () => {
    const notifier = new MemoryNotifier();
    const p = new ScriptedPipeline({ initialize: 'throw' }, { clock: new SimClock(0), notifier });
    const result = failed(await p.run());
    expect(p.calls).toEqual(['initialize', 'cleanup']);
    expect(result).toMatchObject({ status: 'failed', failedStage: 'initialize', cleanupError: undefined, signal: undefined });
    expect(result.error.message).toBe('initialize broke');
    expect(notifier.events.at(-1)).toMatchObject({ type: 'pipeline-failed', stage: 'initialize', error: 'initialize broke' });
  });

  it('a failing execute is reported at execute and cleanup runs once', async () => {
    const p = new ScriptedPipeline({ execute: 'throw' }, { clock: new SimClock(0) });
    const result = failed(await p.run());
    expect(p.calls).toEqual(['initialize', 'execute', 'cleanup']);
    expect(result).toMatchObject({ status: 'failed', failedStage: 'execute' });
  });

  it('a failing cleanup after success fails the run at cleanup', async () => {
    const p = new ScriptedPipeline({ cleanup: 'throw' }, { clock: new SimClock(0) });
    const result = failed(await p.run());
    expect(result).toMatchObject({ status: 'failed', failedStage: 'cleanup', cleanupError: undefined });
    expect(result.error.message).toBe('cleanup broke');
  });

  it('keeps the first error and attaches a cleanup failure that follows it', async () => {
    const p = new ScriptedPipeline({ execute: 'throw', cleanup: 'throw' }, { clock: new SimClock(0) });
    const result = failed(await p.run());
    expect(p.calls.filter((c) => c === 'cleanup')).toHaveLength(1);
    expect(result.error.message).toBe('execute broke');
    expect(result.cleanupError?.message).toBe('cleanup broke');
  });

  it('an abort during execute ends as aborted, even when execute returns', async () => {
    const p = new ScriptedPipeline({ execute: 'abort' }, { clock: new SimClock(0) });
    const result = failed(await p.run());
    expect(p.calls).toEqual(['initialize', 'execute', 'cleanup']);
    expect(result).toMatchObject({ status: 'aborted', failedStage: 'execute', signal: undefined });
    expect(result.error.message).toBe('stop requested');
  });

  it('an abort during initialize skips execute', async () => {
    const p = new ScriptedPipeline({ initialize: 'abort' }, { clock: new SimClock(0) });
    const result = failed(await p.run());
    expect(p.calls).toEqual(['initialize', 'cleanup']);
    expect(result).toMatchObject({ status: 'aborted', failedStage: 'initialize' });
  });

  it('refuses to run twice', async () => {
    const p = new ScriptedPipeline({}, { clock: new SimClock(0) });
    await p.run();
    await expect(p.run()).rejects.toThrow('Pipeline "scripted" has already run; create a new instance to run again.');
  });

  it('logs the lifecycle with pipeline and run id on every line', async () => {
    const { logger, lines } = capture();
    const p = new ScriptedPipeline({ execute: 'throw' }, { clock: new SimClock(0), logger, runId: 'run-1' });
    await p.run();
    expect(lines.map((l) => l.event)).toEqual(['pipeline-started', 'pipeline-failed']);
    expect(lines.every((l) => l.pipeline === 'scripted' && l.runId === 'run-1')).toBe(true);
    expect(lines[1]).toMatchObject({ level: 50, failedStage: 'execute', msg: 'pipeline scripted failed at execute: execute broke' });
  });

  it('installs signal handlers only for the run', async () => {
    const before = process.listenerCount('SIGTERM');
    let during = -1;
    class Probe extends ScriptedPipeline {
      protected override async execute(signal: AbortSignal): Promise<string> {
        during = process.listenerCount('SIGTERM');
        return super.execute(signal);
      }
    }
    await new Probe({}, { clock: new SimClock(0), handleSignals: true }).run();
    expect(during).toBe(before + 1);
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});

describe('exitCodeOf', () => {
  const base = { pipeline: 'p', runId: 'r', startedAt: 0, durationMs: 0 };
  it.each([
    [{ ...base, ok: true, status: 'succeeded', value: 1 }, 0],
    [{ ...base, ok: false, status: 'failed', failedStage: 'execute', error: new Error('x'), signal: undefined, cleanupError: undefined }, 1],
    [{ ...base, ok: false, status: 'aborted', failedStage: 'execute', error: new Error('x'), signal: 'SIGINT', cleanupError: undefined }, 130],
    [{ ...base, ok: false, status: 'aborted', failedStage: 'execute', error: new Error('x'), signal: 'SIGTERM', cleanupError: undefined }, 143],
  ] as Array<[PipelineResult<number>, number]>)('maps %o to %i', (result, code) => {
    expect(exitCodeOf(result)).toBe(code);
  });
});
