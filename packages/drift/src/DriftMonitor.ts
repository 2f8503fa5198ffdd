import { z } from 'zod';
import { checkBinary, checkFinite } from './checkInput.js';
import { createDetector, type DetectorState, DetectorSpecSchema, restoreDetector } from './createDetector.js';
import type { DriftDetector } from './DriftDetector.js';
import { InvalidArgumentError } from './InvalidArgumentError.js';
import { parseWithSchema } from './parseWithSchema.js';

const nonNegativeInteger = z.number().int('expected an integer >= 0').min(0, 'expected an integer >= 0');
const positiveInteger = z.number().int('expected an integer >= 1').min(1, 'expected an integer >= 1');

/** What counts as drift, and how safe mode starts and ends. Durations are in ticks (calls to `update`). */
export const DriftPolicySchema = z.object({
  /** Distinct counted detectors (any stream) that must signal drift within `quorumWindowTicks` for a drift decision. */
  driftQuorum: positiveInteger.default(1),
  /** Ticks over which drift signals are pooled for the quorum; 1 = the same tick only. */
  quorumWindowTicks: positiveInteger.default(1),
  /** After a drift decision, further drift signals within this many ticks are reported as warnings only. */
  cooldownTicks: nonNegativeInteger.default(0),
  /** Safe mode lasts at least this many ticks after the last drift decision. */
  safeModeTicks: nonNegativeInteger.default(500),
  /** …and ends only after this many consecutive ticks without any counted signal (0: duration alone). */
  exitQuietTicks: nonNegativeInteger.default(0),
});
export type DriftPolicy = z.input<typeof DriftPolicySchema>;

export const DriftMonitorConfigSchema = z.object({
  /** Named streams (model error, confidence, prediction, each feature) and the detectors fed by each. */
  streams: z
    .record(z.string().min(1, 'expected a non-empty stream name'), z.array(DetectorSpecSchema).min(1, 'expected at least one detector'))
    .refine((streams) => Object.keys(streams).length > 0, { message: 'expected at least one stream' })
    .superRefine((streams, context) => {
      for (const [stream, specs] of Object.entries(streams)) {
        const names = specs.map((s) => s.name ?? s.type);
        names.forEach((name, i) => {
          if (names.indexOf(name) !== i) {
            context.addIssue({ code: 'custom', message: `expected unique detector names, "${name}" repeats`, path: [stream, i, 'name'] });
          }
        });
      }
    }),
  policy: DriftPolicySchema.prefault({}),
});
export type DriftMonitorConfig = z.input<typeof DriftMonitorConfigSchema>;
type ParsedConfig = z.output<typeof DriftMonitorConfigSchema>;

/** One detector's signal at a tick. */
export interface DriftTrigger {
  stream: string;
  /** The detector's name within its stream. */
  detector: string;
  /** The detector's type, e.g. `adwin`. */
  type: string;
  /** What the detector reported (before its role is applied). */
  signal: 'drift' | 'warning';
  /** False for `observe` detectors: reported, not counted. */
  counted: boolean;
  statisticName: string;
  statistic: number;
  threshold: number;
  estimate: number | undefined;
}

/** The monitor's verdict for one tick: what the engine logs, notifies and acts on. */
export interface DriftDecision {
  /** `drift`: a drift decision was taken at this tick; `warning`: signals below the drift policy; `normal`: none. */
  status: 'normal' | 'warning' | 'drift';
  /** Ticks since construction / reset, starting at 1. */
  tick: number;
  /** Whether the engine should be in safe mode after this tick. */
  safeMode: boolean;
  /** Set on the tick safe mode starts or ends. */
  event: 'safe-mode-entered' | 'safe-mode-exited' | undefined;
  /** Every signal at this tick, counted or not, in stream then detector order. */
  triggers: DriftTrigger[];
  /** A one-line explanation, e.g. `drift: loss/adwin drift: |mean(W0) - mean(W1)| = 0.31 (drift > 0.12) [safe-mode-entered]`. */
  reason: string;
}

export interface DriftMonitorState {
  type: 'drift-monitor';
  config: ParsedConfig;
  tick: number;
  safeMode: boolean;
  /** Tick of the last drift decision (0: none). */
  lastDriftTick: number;
  /** Tick of the last counted signal (0: none). */
  lastSignalTick: number;
  /** Per `stream/detector`, the tick of a drift signal not yet used by a decision. */
  pendingDrift: Record<string, number>;
  detectors: Record<string, DetectorState[]>;
}

const DriftMonitorStateSchema = z.object({
  type: z.literal('drift-monitor'),
  config: DriftMonitorConfigSchema,
  tick: nonNegativeInteger,
  safeMode: z.boolean(),
  lastDriftTick: nonNegativeInteger,
  lastSignalTick: nonNegativeInteger,
  pendingDrift: z.record(z.string(), nonNegativeInteger),
  detectors: z.record(z.string(), z.array(z.object({ type: z.string() }).loose())),
});

interface Slot {
  stream: string;
  name: string;
  key: string;
  role: 'drift' | 'warning' | 'observe';
  binary: boolean;
  detector: DriftDetector<DetectorState>;
}

function format(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : String(x);
}

/**
 * Feeds several named streams to their detectors and turns their signals into one decision per tick
 * under a {@link DriftPolicySchema policy}: drift (enter or extend safe mode), warning, or normal, with
 * the stream, detector and statistic behind it. Deterministic and clock-free: time is counted in ticks.
 */
export class DriftMonitor {
  readonly #config: ParsedConfig;
  readonly #streams: Map<string, Slot[]>;
  #tick = 0;
  #safeMode = false;
  #lastDriftTick = 0;
  #lastSignalTick = 0;
  #pendingDrift = new Map<string, number>();

  constructor(config: DriftMonitorConfig) {
    this.#config = parseWithSchema(DriftMonitorConfigSchema, config, 'config');
    this.#streams = new Map(
      Object.entries(this.#config.streams).map(([stream, specs]) => [
        stream,
        specs.map((spec) => {
          const name = spec.name ?? spec.type;
          return {
            stream,
            name,
            key: `${stream}/${name}`,
            role: spec.role,
            binary: spec.type === 'ddm' || spec.type === 'eddm',
            detector: createDetector(spec),
          };
        }),
      ]),
    );
  }

  get config(): Readonly<ParsedConfig> {
    return this.#config;
  }

  get safeMode(): boolean {
    return this.#safeMode;
  }

  /** The detector `name` of `stream`, e.g. to read ADWIN's window statistics. */
  detector(stream: string, name: string): DriftDetector<DetectorState> | undefined {
    return this.#streams.get(stream)?.find((slot) => slot.name === name)?.detector;
  }

  /**
   * One tick: each stream present in `observations` feeds all of its detectors (absent streams are
   * skipped). Unknown streams and invalid values throw `InvalidArgumentError` before anything changes.
   */
  update(observations: Readonly<Record<string, number>>): DriftDecision {
    for (const [stream, x] of Object.entries(observations)) {
      const slots = this.#streams.get(stream);
      if (slots === undefined) {
        throw new InvalidArgumentError({
          argument: stream,
          message: `Invalid "${stream}": expected one of the configured streams (${[...this.#streams.keys()].join(', ')}), received an unknown stream.`,
        });
      }
      try {
        checkFinite(x);
        if (slots.some((slot) => slot.binary)) checkBinary(x);
      } catch (error) {
        const message = InvalidArgumentError.isInstance(error) ? error.message.replace('"x"', `"${stream}"`) : String(error);
        throw new InvalidArgumentError({ argument: stream, message, cause: error });
      }
    }
    const tick = ++this.#tick;
    const triggers: DriftTrigger[] = [];
    for (const [stream, slots] of this.#streams) {
      const x = observations[stream];
      if (x === undefined) continue;
      for (const slot of slots) {
        const result = slot.detector.update(x);
        if (!result.drift && !result.warning) continue;
        triggers.push({
          stream,
          detector: slot.name,
          type: slot.detector.kind,
          signal: result.drift ? 'drift' : 'warning',
          counted: slot.role !== 'observe',
          statisticName: slot.detector.statisticName,
          statistic: result.statistic,
          threshold: result.threshold,
          estimate: result.estimate,
        });
        if (result.drift && slot.role === 'drift') this.#pendingDrift.set(slot.key, tick);
      }
    }
    return this.#decide(tick, triggers);
  }

  #decide(tick: number, triggers: DriftTrigger[]): DriftDecision {
    const policy = this.#config.policy;
    const counted = triggers.filter((t) => t.counted);
    if (counted.length > 0) this.#lastSignalTick = tick;
    for (const [key, at] of this.#pendingDrift) if (at <= tick - policy.quorumWindowTicks) this.#pendingDrift.delete(key);
    const quorum = this.#pendingDrift.size >= policy.driftQuorum;
    const coolingDown = this.#lastDriftTick > 0 && tick - this.#lastDriftTick <= policy.cooldownTicks;
    let status: DriftDecision['status'] = counted.length > 0 ? 'warning' : 'normal';
    let event: DriftDecision['event'];
    let note = '';
    if (quorum && !coolingDown) {
      status = 'drift';
      this.#pendingDrift.clear();
      this.#lastDriftTick = tick;
      if (!this.#safeMode) event = 'safe-mode-entered';
      this.#safeMode = true;
    } else if (quorum) {
      note = ` (drift suppressed: cool-down until tick ${this.#lastDriftTick + policy.cooldownTicks})`;
    } else if (this.#pendingDrift.size > 0) {
      note = ` (drift quorum ${this.#pendingDrift.size}/${policy.driftQuorum})`;
    }
    if (
      this.#safeMode &&
      status !== 'drift' &&
      tick - this.#lastDriftTick >= policy.safeModeTicks &&
      tick - this.#lastSignalTick >= policy.exitQuietTicks &&
      (policy.exitQuietTicks === 0 || counted.length === 0)
    ) {
      this.#safeMode = false;
      event = 'safe-mode-exited';
    }
    const signals = triggers
      .map((t) => {
        const comparison = t.type === 'eddm' ? '<' : '>';
        const tag = t.counted ? '' : ' [observe]';
        return `${t.stream}/${t.detector} ${t.signal}: ${t.statisticName} = ${format(t.statistic)} (drift ${comparison} ${format(t.threshold)})${tag}`;
      })
      .join('; ');
    const reason = `${status}${signals === '' ? '' : `: ${signals}`}${note}${event === undefined ? '' : ` [${event}]`}`;
    return { status, tick, safeMode: this.#safeMode, event, triggers, reason };
  }

  /** Forgets all detector data and safe mode; the configuration stays. */
  reset(): void {
    for (const slots of this.#streams.values()) for (const slot of slots) slot.detector.reset();
    this.#tick = 0;
    this.#safeMode = false;
    this.#lastDriftTick = 0;
    this.#lastSignalTick = 0;
    this.#pendingDrift.clear();
  }

  getState(): DriftMonitorState {
    const detectors: Record<string, DetectorState[]> = {};
    for (const [stream, slots] of this.#streams) detectors[stream] = slots.map((slot) => slot.detector.getState());
    return {
      type: 'drift-monitor',
      config: structuredClone(this.#config),
      tick: this.#tick,
      safeMode: this.#safeMode,
      lastDriftTick: this.#lastDriftTick,
      lastSignalTick: this.#lastSignalTick,
      pendingDrift: Object.fromEntries(this.#pendingDrift),
      detectors,
    };
  }

  static fromState(state: DriftMonitorState): DriftMonitor {
    const s = parseWithSchema(DriftMonitorStateSchema, state, 'state');
    const monitor = new DriftMonitor(s.config);
    for (const [stream, slots] of monitor.#streams) {
      const saved = state.detectors[stream];
      if (saved === undefined || saved.length !== slots.length) {
        throw new InvalidArgumentError({
          argument: `state.detectors.${stream}`,
          message: `Invalid "state.detectors.${stream}": expected ${slots.length} detector states, received ${saved?.length ?? 'none'}.`,
        });
      }
      slots.forEach((slot, i) => {
        const detectorState = saved[i];
        if (detectorState === undefined || detectorState.type !== slot.detector.kind) {
          throw new InvalidArgumentError({
            argument: `state.detectors.${stream}.${i}`,
            message: `Invalid "state.detectors.${stream}.${i}": expected a "${slot.detector.kind}" state, received "${detectorState?.type}".`,
          });
        }
        slot.detector = restoreDetector(detectorState);
      });
    }
    monitor.#tick = s.tick;
    monitor.#safeMode = s.safeMode;
    monitor.#lastDriftTick = s.lastDriftTick;
    monitor.#lastSignalTick = s.lastSignalTick;
    monitor.#pendingDrift = new Map(Object.entries(s.pendingDrift));
    return monitor;
  }
}
