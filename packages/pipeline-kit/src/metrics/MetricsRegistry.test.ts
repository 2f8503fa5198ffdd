import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { SimClock } from '../clock/SimClock.js';
import { createLogStreams } from '../logging/createLogStreams.js';
import { type MetricLine, MetricLineSchema } from '../logging/logLines.js';
import { MetricsRegistry } from './MetricsRegistry.js';

function collector(): { lines: MetricLine[]; metric: (line: MetricLine) => void } {
  const lines: MetricLine[] = [];
  return { lines, metric: (line) => lines.push(line) };
}

describe('Counter and Gauge', () => {
  it('counts cumulatively and keeps the last gauge value', () => {
    const registry = new MetricsRegistry();
    const orders = registry.counter('orders.sent', 'orders');
    orders.inc();
    orders.inc(4);
    const equity = registry.gauge('equity', 'USDT');
    equity.set(10_000);
    equity.add(-250.5);
    expect(orders.value).toBe(5);
    expect(equity.value).toBe(9_749.5);
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects the counter increment %p', (n) => {
    expect(() => new MetricsRegistry().counter('c').inc(n)).toThrow(`Invalid increment for counter "c": expected a finite number >= 0, received "${n}".`);
  });

  it('rejects a non-finite gauge value', () => {
    expect(() => new MetricsRegistry().gauge('g').set(Number.NaN)).toThrow('Invalid value for gauge "g": expected a finite number, received "NaN".');
  });
});

describe('MetricsRegistry', () => {
  it('returns the same metric for the same name and refuses a name reused for another kind', () => {
    const registry = new MetricsRegistry();
    expect(registry.counter('x')).toBe(registry.counter('x'));
    expect(() => registry.gauge('x')).toThrow('Invalid metric "x": already registered as a Counter, requested as a Gauge.');
    expect(() => registry.histogram('', 'ms')).toThrow('Invalid metric name');
  });

  it('flushes one line per metric, resets histograms and keeps counters cumulative', () => {
    const registry = new MetricsRegistry();
    const bars = registry.counter('bars');
    const open = registry.gauge('positions.open');
    const latency = registry.histogram('tick.latency', 'ms');
    bars.inc(3);
    open.set(2);
    for (const v of [1, 2, 3, 4]) latency.record(v);
    const out = collector();
    registry.flushTo(out);
    expect(out.lines).toEqual([
      { name: 'bars', type: 'counter', value: 3 },
      { name: 'positions.open', type: 'gauge', value: 2 },
      // 2 lies in [2, 2.03125): midpoint 2.015625; 4 is the exact max.
      { name: 'tick.latency', type: 'histogram', value: 2.015625, unit: 'ms', histogram: { count: 4, min: 1, mean: 2.5, p50: 2.015625, p90: 4, p99: 4, max: 4 } },
    ]);

    bars.inc();
    const next = collector();
    registry.flushTo(next);
    expect(next.lines).toEqual([
      { name: 'bars', type: 'counter', value: 4 },
      { name: 'positions.open', type: 'gauge', value: 2 },
    ]);
  });

  it('flushes on the clock until stopped', () => {
    const clock = new SimClock(0);
    const registry = new MetricsRegistry();
    registry.counter('ticks').inc();
    const out = collector();
    const stop = registry.startPeriodicFlush(clock, 1_000, out);
    clock.advanceTo(2_500);
    expect(out.lines).toHaveLength(2);
    stop();
    clock.advanceTo(10_000);
    expect(out.lines).toHaveLength(2);
  });

  it('writes metric lines that parse back from metrics.log', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ares-metrics-'));
    try {
      const logs = await createLogStreams({ dir, console: 'none', clock: new SimClock(5_000) });
      const registry = new MetricsRegistry();
      registry.histogram('fill.latency', 'ms').record(12);
      registry.counter('fills').inc(2);
      registry.flushTo(logs);
      await logs.close();
      const file = (await readdir(dir)).find((f) => f.startsWith('metrics.')) ?? '';
      const lines = (await readFile(path.join(dir, file), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.map((l) => l.time)).toEqual([5_000, 5_000]);
      expect(lines.map((l) => MetricLineSchema.parse(l))).toEqual([
        { name: 'fill.latency', type: 'histogram', value: 12, unit: 'ms', histogram: { count: 1, min: 12, mean: 12, p50: 12, p90: 12, p99: 12, max: 12 } },
        { name: 'fills', type: 'counter', value: 2 },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
