import type { Clock } from '../clock/Clock.js';
import type { LogStreams } from '../logging/LogStreams.js';
import type { MetricLine } from '../logging/logLines.js';
import { Counter } from './Counter.js';
import { Gauge } from './Gauge.js';
import { Histogram } from './Histogram.js';

type Metric = Counter | Gauge | Histogram;

/** One metric's current reading, the shape written as a metric line. */
export type MetricSample = MetricLine & { type: 'counter' | 'gauge' | 'histogram' };

/**
 * Named counters, gauges and latency histograms, flushed as metric lines to metrics.log.
 * Asking twice for the same name returns the same metric; the same name with another kind is an error.
 */
export class MetricsRegistry {
  readonly #metrics = new Map<string, Metric>();
  #timers = 0;

  counter(name: string, unit?: string): Counter {
    return this.#get(name, Counter, () => new Counter(name, unit));
  }

  gauge(name: string, unit?: string): Gauge {
    return this.#get(name, Gauge, () => new Gauge(name, unit));
  }

  histogram(name: string, unit: string): Histogram {
    return this.#get(name, Histogram, () => new Histogram(name, unit));
  }

  /** Current readings in registration order; histograms with no values since the last flush are left out. */
  snapshot(): MetricSample[] {
    const samples: MetricSample[] = [];
    for (const metric of this.#metrics.values()) {
      const unit = metric.unit === undefined ? {} : { unit: metric.unit };
      if (metric instanceof Histogram) {
        if (metric.count === 0) continue;
        const histogram = metric.stats();
        samples.push({ name: metric.name, type: 'histogram', value: histogram.p50, ...unit, histogram });
      } else {
        samples.push({ name: metric.name, type: metric instanceof Counter ? 'counter' : 'gauge', value: metric.value, ...unit });
      }
    }
    return samples;
  }

  /** Writes one metric line per sample, then resets the histograms (counters stay cumulative). */
  flushTo(logs: Pick<LogStreams, 'metric'>): void {
    for (const sample of this.snapshot()) logs.metric(sample);
    for (const metric of this.#metrics.values()) if (metric instanceof Histogram) metric.reset();
  }

  /** Flushes every `intervalMs` of `clock` time; returns the function that stops it. */
  startPeriodicFlush(clock: Clock, intervalMs: number, logs: Pick<LogStreams, 'metric'>): () => void {
    const name = `metrics-flush#${this.#timers++}`;
    clock.setTimer(name, intervalMs, () => this.flushTo(logs));
    return () => clock.cancelTimer(name);
  }

  #get<M extends Metric>(name: string, kind: new (...args: never[]) => M, create: () => M): M {
    if (name.length === 0) throw new RangeError('Invalid metric name: expected a non-empty string, received "".');
    const existing = this.#metrics.get(name);
    if (existing === undefined) {
      const metric = create();
      this.#metrics.set(name, metric);
      return metric;
    }
    if (existing instanceof kind) return existing;
    throw new RangeError(`Invalid metric "${name}": already registered as a ${existing.constructor.name}, requested as a ${kind.name}.`);
  }
}
