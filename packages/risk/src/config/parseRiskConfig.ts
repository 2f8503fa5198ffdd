import { parseWithSchema } from '../RiskConfigError.js';
import { type ParsedRiskConfig, RiskConfigSchema } from './RiskConfigSchema.js';

/**
 * Validates a risk config (e.g. a YAML/JSON section) and fills in defaults. Throws one
 * `RiskConfigError` that names every bad field with what was expected and received.
 */
export function parseRiskConfig(input: unknown): ParsedRiskConfig {
  return parseWithSchema(RiskConfigSchema, input);
}
