import { z } from 'zod';
import { ADWIN, ADWINConfigSchema, type ADWINState } from './ADWIN.js';
import { DDM, DDMConfigSchema, type DDMState } from './DDM.js';
import type { DriftDetector } from './DriftDetector.js';
import { EDDM, EDDMConfigSchema, type EDDMState } from './EDDM.js';
import { InvalidArgumentError } from './InvalidArgumentError.js';
import { KSDetector, KSDetectorConfigSchema, type KSDetectorState } from './KSDetector.js';
import { KSWIN, KSWINConfigSchema, type KSWINState } from './KSWIN.js';
import { PageHinkley, PageHinkleyConfigSchema, type PageHinkleyState } from './PageHinkley.js';
import { PSIDetector, PSIDetectorConfigSchema, type PSIDetectorState } from './PSIDetector.js';

const common = {
  /** Name of the detector within its stream (default: its type); names are unique per stream. */
  name: z.string().min(1, 'expected a non-empty name').optional(),
  /**
   * How its signals count: `drift` (drift → drift, warning → warning), `warning` (any signal is only a
   * warning), `observe` (reported, never changes the decision).
   */
  role: z.enum(['drift', 'warning', 'observe']).default('drift'),
};

/** One detector of a monitored stream: its type, its configuration and how its signals count. */
export const DetectorSpecSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('adwin'), ...common, config: ADWINConfigSchema.prefault({}) }),
  z.object({ type: z.literal('page-hinkley'), ...common, config: PageHinkleyConfigSchema.prefault({}) }),
  z.object({ type: z.literal('ddm'), ...common, config: DDMConfigSchema.prefault({}) }),
  z.object({ type: z.literal('eddm'), ...common, config: EDDMConfigSchema.prefault({}) }),
  z.object({ type: z.literal('kswin'), ...common, config: KSWINConfigSchema.prefault({}) }),
  z.object({ type: z.literal('psi'), ...common, config: PSIDetectorConfigSchema }),
  z.object({ type: z.literal('ks'), ...common, config: KSDetectorConfigSchema }),
]);
export type DetectorSpec = z.input<typeof DetectorSpecSchema>;

/** The state of any detector of this package, tagged by `type`. */
export type DetectorState = ADWINState | PageHinkleyState | DDMState | EDDMState | KSWINState | PSIDetectorState | KSDetectorState;

/** Builds the detector a parsed spec describes. */
export function createDetector(spec: z.output<typeof DetectorSpecSchema>): DriftDetector<DetectorState> {
  switch (spec.type) {
    case 'adwin':
      return new ADWIN(spec.config);
    case 'page-hinkley':
      return new PageHinkley(spec.config);
    case 'ddm':
      return new DDM(spec.config);
    case 'eddm':
      return new EDDM(spec.config);
    case 'kswin':
      return new KSWIN(spec.config);
    case 'psi':
      return new PSIDetector(spec.config);
    case 'ks':
      return new KSDetector(spec.config);
  }
}

/** Restores any detector from its `getState()`, dispatching on `state.type`. */
export function restoreDetector(state: DetectorState): DriftDetector<DetectorState> {
  switch (state.type) {
    case 'adwin':
      return ADWIN.fromState(state);
    case 'page-hinkley':
      return PageHinkley.fromState(state);
    case 'ddm':
      return DDM.fromState(state);
    case 'eddm':
      return EDDM.fromState(state);
    case 'kswin':
      return KSWIN.fromState(state);
    case 'psi':
      return PSIDetector.fromState(state);
    case 'ks':
      return KSDetector.fromState(state);
    default:
      throw new InvalidArgumentError({
        argument: 'state.type',
        message: `Invalid "state.type": expected one of adwin, page-hinkley, ddm, eddm, kswin, psi, ks, received "${String((state as { type?: unknown }).type)}".`,
      });
  }
}
