import { describe, expect, it } from '@jest/globals';
import { DEFAULT_FEATURE_SPEC } from './defaultFeatureSpec.js';
import { FeatureSpecError, type FeatureSpecIssue } from './FeatureSpecError.js';
import { parseFeatureSpec } from './parseFeatureSpec.js';
import { specHash } from './specHash.js';

function issuesOf(input: unknown): readonly FeatureSpecIssue[] {
  try {
    parseFeatureSpec(input);
  } catch (error) {
    if (FeatureSpecError.isInstance(error)) return error.issues;
    throw error;
  }
  return [];
}

describe('parseFeatureSpec', () => {
  it('fills defaults: params, input column, hidden', () => {
    const spec = parseFeatureSpec({ version: 1, features: [{ name: 'rsi', indicator: 'rsi' }] });
    expect(spec.features[0]).toEqual({ name: 'rsi', indicator: 'rsi', params: { period: 14 }, input: 'close', hidden: false });
  });

  it('accepts the default spec', () => {
    expect(parseFeatureSpec(DEFAULT_FEATURE_SPEC).features.length).toBe(DEFAULT_FEATURE_SPEC.features.length);
  });

  it.each([
    ['a bad parameter', { name: 'rsi_0', indicator: 'rsi', params: { period: 0 } }, 'rsi_0', 'params.period'],
    ['an unknown parameter', { name: 'sma_x', indicator: 'sma', params: { length: 3 } }, 'sma_x', 'params'],
    ['an unknown indicator', { name: 'foo', indicator: 'supertrend' }, 'foo', 'indicator'],
    ['a missing output of a multi-output indicator', { name: 'm', indicator: 'macd' }, 'm', 'output'],
    ['an output on a single-output indicator', { name: 's', indicator: 'sma', output: 'middle' }, 's', 'output'],
    ['a reference to an unknown feature', { name: 'l', transform: 'lag', of: 'nothing' }, 'l', 'of'],
    ['a bad lag', { name: 'l', transform: 'lag', of: 'close', periods: -1 }, 'l', 'periods'],
    ['a name like a column', { name: 'close', indicator: 'sma' }, 'close', 'name'],
    ['an invalid MACD combination', { name: 'm', indicator: 'macd', params: { fastPeriod: 30 }, output: 'macd' }, 'm', 'params.fastPeriod'],
  ])('names the feature and field for %s', (_name, feature, featureName, field) => {
    const issues = issuesOf({ version: 1, features: [feature] });
    expect(issues.map((i) => [i.feature, i.field])).toContainEqual([featureName, field]);
  });

  it('reports every problem at once, and a forward reference as unknown', () => {
    const issues = issuesOf({
      version: 1,
      features: [
        { name: 'early', transform: 'diff', of: 'late' },
        { name: 'late', indicator: 'ema', params: { period: 'ten' } },
        { name: 'late', indicator: 'ema' },
      ],
    });
    expect(issues.map((i) => `${i.feature}.${i.field}`)).toEqual(['early.of', 'late.params.period', 'late.name']);
  });

  it('rejects a wrong version in the top-level field', () => {
    expect(issuesOf({ version: 2, features: [{ name: 'a', indicator: 'sma' }] })[0]).toMatchObject({ feature: 'spec', field: 'version' });
  });

  it('throws a message listing the feature and field', () => {
    expect(() => parseFeatureSpec({ version: 1, features: [{ name: 'rsi_0', indicator: 'rsi', params: { period: 0 } }] })).toThrow(
      'feature "rsi_0", field "params.period"',
    );
  });
});

describe('specHash', () => {
  it('is a stable sha256 hex of the canonical spec', () => {
    expect(specHash(DEFAULT_FEATURE_SPEC)).toMatch(/^[0-9a-f]{64}$/);
    expect(specHash(DEFAULT_FEATURE_SPEC)).toBe(specHash(JSON.parse(JSON.stringify(DEFAULT_FEATURE_SPEC))));
  });

  it('ignores key order and omitted defaults, but not parameters', () => {
    const a = specHash({ version: 1, features: [{ name: 'r', indicator: 'rsi' }] });
    const b = specHash({ features: [{ params: { period: 14 }, input: 'close', indicator: 'rsi', name: 'r', hidden: false }], version: 1 });
    const c = specHash({ version: 1, features: [{ name: 'r', indicator: 'rsi', params: { period: 15 } }] });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
