import { describe, expect, it } from '@jest/globals';
import { BacktestConfigSchema } from './BacktestConfigSchema.js';

/** Each issue as `path: message`. */
function issues(input: unknown): string[] {
  const result = BacktestConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('BacktestConfigSchema, model strategies and custom objectives', () => {
  it('accepts a model strategy, ref defaulting to the champion', () => {
    const config = BacktestConfigSchema.parse({ strategy: { kind: 'model', model: { registry: 'models', name: 'trees' } } });
    expect(config.strategy.model).toEqual({ registry: 'models', name: 'trees', ref: 'champion' });
  });

  it('asks for the model section when the kind is model', () => {
    expect(issues({ strategy: { kind: 'model' } })).toEqual(['strategy.model: expected a model section (registry, ref) when "kind" is "model"']);
  });

  it('refuses optimization with a model strategy, and accepts it with a rule strategy', () => {
    const model = { kind: 'model', model: { registry: 'models' } };
    expect(issues({ strategy: model, optimization: {} })).toEqual([
      'optimization: expected no optimization with "strategy.kind" "model" (optimization searches rule-strategy parameters; retrain the model instead)',
    ]);
    expect(issues({ optimization: {} })).toEqual([]);
  });

  it('asks for the module path when the objective is custom', () => {
    expect(issues({ optimization: { objective: 'custom' } })).toEqual(['optimization.customObjective: expected the path of the objective module when "objective" is "custom"']);
    expect(BacktestConfigSchema.parse({ optimization: { objective: 'custom', customObjective: 'objective.mjs' } }).optimization?.customObjective).toBe('objective.mjs');
  });
});
