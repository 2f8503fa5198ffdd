import { describe, expect, it } from '@jest/globals';
import { type DriftDecision, DriftMonitor, type DriftMonitorConfig, type DriftPolicy } from './DriftMonitor.js';
import { InvalidArgumentError } from './InvalidArgumentError.js';
import { SeededRandom } from './SeededRandom.js';

// Page-Hinkley with delta 0, alpha 1, lambda 1.5: three 0s then a 3 gives PH = 3 − 0.75 = 2.25 > 1.5 → drift
// at that item, then the detector restarts; so drifts fire exactly where the hand-made streams put them.
const ph = { minInstances: 1, delta: 0, alpha: 1, lambda: 1.5, direction: 'up' } as const;
const fireAt = (tick: number) => (t: number) => (t === tick ? 3 : 0);

function monitor(policy: DriftPolicy, roles: { a?: 'drift' | 'warning' | 'observe'; b?: 'drift' | 'warning' | 'observe' } = {}) {
  return new DriftMonitor({
    streams: {
      a: [{ type: 'page-hinkley', role: roles.a ?? 'drift', config: ph }],
      b: [{ type: 'page-hinkley', role: roles.b ?? 'drift', config: ph }],
    },
    policy,
  });
}

/** Feeds ticks 1..n; a(t), b(t) give each stream's value. */
function feed(m: DriftMonitor, n: number, a: (t: number) => number, b: (t: number) => number = () => 0): DriftDecision[] {
  return Array.from({ length: n }, (_, i) => m.update({ a: a(i + 1), b: b(i + 1) }));
}

const summary = (decisions: DriftDecision[]) => decisions.map((d) => `${d.tick}:${d.status}${d.safeMode ? '+safe' : ''}${d.event ? `(${d.event})` : ''}`);

describe('DriftMonitor decisions', () => {
  it('reports drift with the stream, detector and statistic that triggered it', () => {
    const decisions = feed(monitor({ safeModeTicks: 5 }), 4, fireAt(4));
    expect(decisions.slice(0, 3).map((d) => d.status)).toEqual(['normal', 'normal', 'normal']);
    expect(decisions[3]).toEqual({
      status: 'drift',
      tick: 4,
      safeMode: true,
      event: 'safe-mode-entered',
      triggers: [
        {
          stream: 'a',
          detector: 'page-hinkley',
          type: 'page-hinkley',
          signal: 'drift',
          counted: true,
          statisticName: 'PH',
          statistic: 2.25,
          threshold: 1.5,
          estimate: 0.75,
        },
      ],
      reason: 'drift: a/page-hinkley drift: PH = 2.25 (drift > 1.5) [safe-mode-entered]',
    });
  });

  it('keeps safe mode for safeModeTicks after the drift, then exits', () => {
    const decisions = feed(monitor({ safeModeTicks: 5 }), 10, fireAt(4));
    expect(summary(decisions).slice(3)).toEqual([
      '4:drift+safe(safe-mode-entered)',
      '5:normal+safe',
      '6:normal+safe',
      '7:normal+safe',
      '8:normal+safe',
      '9:normal(safe-mode-exited)',
      '10:normal',
    ]);
  });

  it('waits for exitQuietTicks without counted signals before leaving safe mode', () => {
    // drift from a at tick 4; a warning-role signal from b at tick 8 (b: seven 0s then 3 → PH = 3 − 0.375 = 2.625)
    const decisions = feed(monitor({ safeModeTicks: 2, exitQuietTicks: 5 }, { b: 'warning' }), 14, fireAt(4), fireAt(8));
    expect(summary(decisions).slice(3)).toEqual([
      '4:drift+safe(safe-mode-entered)',
      '5:normal+safe',
      '6:normal+safe',
      '7:normal+safe',
      '8:warning+safe',
      '9:normal+safe',
      '10:normal+safe',
      '11:normal+safe',
      '12:normal+safe',
      '13:normal(safe-mode-exited)',
      '14:normal',
    ]);
    expect(decisions[7]?.reason).toBe('warning: b/page-hinkley drift: PH = 2.625 (drift > 1.5)');
  });

  it('turns drift signals inside the cool-down into warnings that do not extend safe mode', () => {
    const decisions = feed(monitor({ safeModeTicks: 6, cooldownTicks: 10 }), 11, (t) => (t === 4 || t === 8 ? 3 : 0));
    expect(summary(decisions).slice(3)).toEqual([
      '4:drift+safe(safe-mode-entered)',
      '5:normal+safe',
      '6:normal+safe',
      '7:normal+safe',
      '8:warning+safe',
      '9:normal+safe',
      '10:normal(safe-mode-exited)',
      '11:normal',
    ]);
    expect(decisions[7]?.reason).toBe('warning: a/page-hinkley drift: PH = 2.25 (drift > 1.5) (drift suppressed: cool-down until tick 14)');
  });

  it('extends safe mode on a new drift when there is no cool-down', () => {
    const decisions = feed(monitor({ safeModeTicks: 6 }), 15, (t) => (t === 4 || t === 8 ? 3 : 0));
    expect(summary(decisions).slice(7)).toEqual([
      '8:drift+safe',
      '9:normal+safe',
      '10:normal+safe',
      '11:normal+safe',
      '12:normal+safe',
      '13:normal+safe',
      '14:normal(safe-mode-exited)',
      '15:normal',
    ]);
  });

  it.each([
    // b: five 0s then 3 → mean 0.5, PH = 2.5 at tick 6, within 3 ticks of a's drift at tick 4
    [6, ['4:warning', '5:normal', '6:drift+safe(safe-mode-entered)']],
    // b at tick 8: a's signal (tick 4) has left the 3-tick window
    [8, ['4:warning', '5:normal', '6:normal', '7:normal', '8:warning']],
  ])('needs driftQuorum detectors within quorumWindowTicks (b fires at tick %d)', (bTick, expected) => {
    const decisions = feed(monitor({ driftQuorum: 2, quorumWindowTicks: 3 }), bTick, fireAt(4), fireAt(bTick));
    expect(summary(decisions).slice(3)).toEqual(expected);
    expect(decisions[3]?.reason).toBe('warning: a/page-hinkley drift: PH = 2.25 (drift > 1.5) (drift quorum 1/2)');
  });

  it.each([
    ['warning', 'warning'],
    ['observe', 'normal'],
  ] as const)('a detector with role %s makes its drift a %s', (role, status) => {
    const decision = feed(monitor({}, { a: role }), 4, fireAt(4))[3];
    expect([decision?.status, decision?.safeMode, decision?.triggers[0]?.counted]).toEqual([status, false, role !== 'observe']);
  });

  it('skips streams absent from a tick', () => {
    const m = monitor({});
    for (let t = 1; t <= 3; t++) m.update({ a: 0 });
    expect(m.update({ b: 3 }).status).toBe('normal'); // b saw a single item: mean 3, PH 0
    expect(m.update({ a: 3 }).status).toBe('drift');
  });
});

describe('DriftMonitor input and configuration errors', () => {
  const config: DriftMonitorConfig = {
    streams: { loss: [{ type: 'adwin' }], error: [{ type: 'ddm' }, { type: 'eddm', role: 'warning' }] },
  };

  it.each([
    [{ loss: Number.NaN }, 'loss', 'Invalid "loss": expected a finite number, received "NaN".'],
    [{ loss: 0.1, error: 0.5 }, 'error', 'Invalid "error": expected 0 (correct) or 1 (error), received "0.5".'],
    [{ price: 1 }, 'price', 'Invalid "price": expected one of the configured streams (loss, error), received an unknown stream.'],
  ])('rejects %j with InvalidArgumentError, state unchanged', (observations, argument, message) => {
    const m = new DriftMonitor(config);
    for (let i = 0; i < 50; i++) m.update({ loss: 0.2, error: i % 3 === 0 ? 1 : 0 });
    const before = JSON.stringify(m.getState());
    let thrown: unknown;
    try {
      m.update(observations);
    } catch (error) {
      thrown = error;
    }
    expect(InvalidArgumentError.isInstance(thrown)).toBe(true);
    expect([(thrown as InvalidArgumentError).argument, (thrown as Error).message]).toEqual([argument, message]);
    expect(JSON.stringify(m.getState())).toBe(before);
  });

  it('reports every bad configuration path at once', () => {
    const bad = {
      streams: { loss: [{ type: 'adwin', config: { delta: 2 } }], error: [{ type: 'ddm' }, { type: 'ddm' }] },
      policy: { safeModeTicks: -1 },
    };
    expect(() => new DriftMonitor(bad as unknown as DriftMonitorConfig)).toThrow(
      'Invalid "config.streams.loss.0.config.delta": expected a number in (0, 1), received "2". ' +
        'Invalid "config.streams.error.1.name": expected unique detector names, "ddm" repeats, received "undefined". ' +
        'Invalid "config.policy.safeModeTicks": expected an integer >= 0, received "-1".',
    );
  });

  it('rejects an unknown detector type', () => {
    const bad = { streams: { loss: [{ type: 'cusum' }] } };
    expect(() => new DriftMonitor(bad as unknown as DriftMonitorConfig)).toThrow(/^Invalid "config\.streams\.loss\.0\.type": /);
  });
});

describe('DriftMonitor state', () => {
  const reference = (() => {
    const random = new SeededRandom(11);
    return Array.from({ length: 1_000 }, () => random.nextGaussian());
  })();
  const config: DriftMonitorConfig = {
    streams: {
      loss: [{ type: 'adwin' }, { type: 'page-hinkley', config: { lambda: 5, delta: 0.05 } }],
      error: [{ type: 'ddm' }, { type: 'eddm', role: 'warning' }],
      feature: [{ type: 'psi', config: { reference: { values: reference }, windowSize: 200 } }, { type: 'kswin', role: 'observe' }],
    },
    policy: { driftQuorum: 1, cooldownTicks: 50, safeModeTicks: 200, exitQuietTicks: 20 },
  };
  const ticks = (() => {
    const random = new SeededRandom(12);
    return Array.from({ length: 3_000 }, (_, t) => {
      const regime = Math.floor(t / 1_000) % 2;
      return {
        loss: Math.min(1, Math.max(0, random.nextGaussian(regime === 0 ? 0.3 : 0.6, 0.1))),
        error: random.nextBernoulli(regime === 0 ? 0.1 : 0.35),
        feature: random.nextGaussian(regime === 0 ? 0 : 1, 1),
      };
    });
  })();

  it('enters safe mode after the regime change and leaves it once inputs are back to the reference', () => {
    const m = new DriftMonitor(config);
    const decisions = ticks.map((o) => m.update(o));
    const events = decisions.filter((d) => d.event !== undefined).map((d) => [d.event, d.tick] as const);
    // regime 1 (ticks 1001–2000) shifts every stream; PSI keeps re-triggering while the feature differs from
    // its reference, so safe mode lasts through the regime and ends within 600 ticks of the return
    expect(events.length).toBe(2);
    expect(events[0]?.[0]).toBe('safe-mode-entered');
    expect(events[0]?.[1]).toBeGreaterThan(1_000);
    expect(events[0]?.[1]).toBeLessThan(1_100);
    expect(events[1]?.[0]).toBe('safe-mode-exited');
    expect(events[1]?.[1]).toBeGreaterThan(2_000);
    expect(events[1]?.[1]).toBeLessThan(2_600);
    expect(decisions.slice(0, 1_000).every((d) => !d.safeMode)).toBe(true);
  });

  it.each([500, 1_100, 2_050])('continues exactly after a JSON round trip at tick %d', (split) => {
    const uninterrupted = new DriftMonitor(config);
    const expected = ticks.map((o) => uninterrupted.update(o));
    const first = new DriftMonitor(config);
    const head = ticks.slice(0, split).map((o) => first.update(o));
    const restored = DriftMonitor.fromState(JSON.parse(JSON.stringify(first.getState())));
    const tail = ticks.slice(split).map((o) => restored.update(o));
    expect([...head, ...tail]).toEqual(expected);
    expect(restored.getState()).toEqual(uninterrupted.getState());
  });

  it('reset() forgets detectors and safe mode', () => {
    const m = new DriftMonitor(config);
    for (const o of ticks.slice(0, 1_200)) m.update(o);
    m.reset();
    expect(m.getState()).toEqual(new DriftMonitor(config).getState());
  });

  it('exposes a stream detector for its statistics', () => {
    const m = new DriftMonitor(config);
    for (const o of ticks.slice(0, 100)) m.update(o);
    expect(m.detector('loss', 'adwin')?.getState()).toMatchObject({ type: 'adwin', width: 100 });
    expect(m.detector('loss', 'cusum')).toBeUndefined();
  });
});
