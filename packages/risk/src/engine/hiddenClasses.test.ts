import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from '@jest/globals';
import { snapshot } from '../__fixtures__/snapshot.js';
import type { RiskConfig } from '../config/RiskConfigSchema.js';
import { createRiskEngine } from './createRiskEngine.js';

// V8's own check of whether two objects share a hidden class (map). Optimized code is specialised to the
// maps it has seen: if each engine brought new maps, code optimized for one engine would deoptimize on
// the next (every backtest trial and benchmark repetition in a process) and slow its first orders.
setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** Paths of the nested objects of `a` whose map differs from the same object in `b`. */
function differingMaps(a: object, b: object, path = 'config'): string[] {
  const out = haveSameMap(a, b) ? [] : [path];
  for (const [key, value] of Object.entries(a)) {
    if (typeof value === 'object' && value !== null) out.push(...differingMaps(value, (b as Record<string, object>)[key] as object, `${path}.${key}`));
  }
  return out;
}

describe('createRiskEngine: engines from one config share hidden classes', () => {
  it.each<[string, RiskConfig]>([
    ['all defaults', {}],
    ['stops, market and kill switch set', { stops: { stopLoss: { type: 'atr', multiple: 2 } }, market: { priceTick: 0.01 }, killSwitch: { flatten: true } }],
  ])('frozen configs: %s', (_name, config) => {
    expect(differingMaps(createRiskEngine(config).config, createRiskEngine(config).config)).toEqual([]);
  });

  it("a new engine's reason and adjustment lists have the map of lists that already hold codes", () => {
    const used = createRiskEngine({ market: { quantityStep: 0.01 } });
    const decision = used.evaluate(snapshot(), { side: 'buy', intent: 'entry', price: 3 });
    expect(decision.adjustments).toEqual(['lot-step']);
    expect(used.evaluate(snapshot({ equity: 0 }), { side: 'buy', intent: 'entry', price: 3 }).reasons.length).toBeGreaterThan(0);
    // An exit without a position: denied ('no-position'), nothing adjusted, so its adjustments list is as created.
    const fresh = createRiskEngine({ market: { quantityStep: 0.01 } }).evaluate(snapshot(), { side: 'buy', intent: 'exit', price: 3 });
    expect(fresh.adjustments).toEqual([]);
    expect(haveSameMap(fresh.adjustments, decision.adjustments)).toBe(true);
  });
});
