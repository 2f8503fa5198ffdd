import { FeatureSpecError, type FeatureSpecIssue } from './FeatureSpecError.js';
import { type FeatureSpec, FeatureSpecSchema } from './FeatureSpecSchema.js';

/**
 * Validates a feature spec (e.g. from a model's metadata JSON) and fills defaults.
 * @throws FeatureSpecError listing every problem with the feature's name and the field.
 */
export function parseFeatureSpec(input: unknown): FeatureSpec {
  const result = FeatureSpecSchema.safeParse(input);
  if (result.success) return result.data as FeatureSpec;
  const rawFeatures = typeof input === 'object' && input !== null && 'features' in input ? (input as { features: unknown }).features : undefined;
  const issues: FeatureSpecIssue[] = result.error.issues.map((issue) => {
    const [top, index, ...rest] = issue.path;
    if (top !== 'features' || typeof index !== 'number') {
      return { feature: 'spec', field: issue.path.map(String).join('.') || '(root)', message: issue.message };
    }
    const raw = Array.isArray(rawFeatures) ? (rawFeatures[index] as { name?: unknown } | undefined) : undefined;
    const feature = typeof raw?.name === 'string' ? raw.name : `features[${index}]`;
    return { feature, field: rest.map(String).join('.') || '(feature)', message: issue.message };
  });
  throw new FeatureSpecError({ issues });
}
