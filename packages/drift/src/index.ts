export { ADWIN, type ADWINConfig, ADWINConfigSchema, type ADWINState, adwinCutThreshold } from './ADWIN.js';
export { createDetector, type DetectorSpec, DetectorSpecSchema, type DetectorState, restoreDetector } from './createDetector.js';
export { DDM, type DDMConfig, DDMConfigSchema, type DDMState } from './DDM.js';
export type { DriftDetector, DriftResult } from './DriftDetector.js';
export {
  type DriftDecision,
  DriftMonitor,
  type DriftMonitorConfig,
  DriftMonitorConfigSchema,
  type DriftMonitorState,
  type DriftPolicy,
  DriftPolicySchema,
  type DriftTrigger,
} from './DriftMonitor.js';
export { EDDM, type EDDMConfig, EDDMConfigSchema, type EDDMState } from './EDDM.js';
export { InvalidArgumentError } from './InvalidArgumentError.js';
export { KSDetector, type KSDetectorConfig, KSDetectorConfigSchema, type KSDetectorState } from './KSDetector.js';
export { KSWIN, type KSWINConfig, KSWINConfigSchema, type KSWINState } from './KSWIN.js';
export { ksExactPValueEqualSizes, ksPValue, ksStatistic } from './kolmogorovSmirnov.js';
export { PageHinkley, type PageHinkleyConfig, PageHinkleyConfigSchema, type PageHinkleyState } from './PageHinkley.js';
export { PSIDetector, type PSIDetectorConfig, PSIDetectorConfigSchema, type PSIDetectorState } from './PSIDetector.js';
export { PSI_EPSILON, type PsiLevel, populationStabilityIndex, psiLevel } from './populationStabilityIndex.js';
export { ReferenceDistribution, type ReferenceDistributionState, ReferenceDistributionStateSchema } from './ReferenceDistribution.js';
export { SeededRandom } from './SeededRandom.js';
