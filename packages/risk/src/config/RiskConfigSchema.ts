import { z } from 'zod';
import { MarketConstraintsSchema } from './MarketConstraintsSchema.js';
import { RiskLimitsSchema } from './RiskLimitsSchema.js';
import { SizingConfigSchema } from './SizingConfigSchema.js';
import { StopConfigSchema } from './StopConfigSchema.js';

/** The whole risk configuration of one instrument. `RiskConfigSchema.parse({})` gives every default. */
export const RiskConfigSchema = z.object({
  /** Limits checked before every order. */
  limits: RiskLimitsSchema.default(() => RiskLimitsSchema.parse({})),
  /** How entries are sized. Default fixed fraction, 10 % of equity. */
  sizing: SizingConfigSchema.default(() => SizingConfigSchema.parse({ method: 'fixed-fraction' })),
  /** Stop-loss / take-profit / trailing / break-even settings. Default none. */
  stops: StopConfigSchema.prefault({}),
  /** The venue's order rules for the instrument. Default none. */
  market: MarketConstraintsSchema.default(() => MarketConstraintsSchema.parse({})),
  /** Kill switch behaviour. */
  killSwitch: z
    .object({
      /** Ask the caller to flatten (decision `flatten: true`) while the kill switch is tripped. Default false. */
      flatten: z.boolean().default(false),
    })
    .prefault({}),
});
/** Risk configuration as written in a config file (defaults optional). */
export type RiskConfig = z.input<typeof RiskConfigSchema>;
/** Risk configuration after parsing: every default filled in. */
export type ParsedRiskConfig = z.output<typeof RiskConfigSchema>;
