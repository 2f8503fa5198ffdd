import { z } from 'zod';
import { LogStreamsOptionsSchema } from '../logging/createLogStreams.js';
import { EmailConfigSchema } from '../notify/EmailConfigSchema.js';

/**
 * The settings every Ares pipeline shares; apps extend it with their own sections
 * (`PipelineConfigSchema.extend({ risk: RiskConfigSchema })`). Documented example:
 * `config/examples/pipeline.example.yaml`.
 */
export const PipelineConfigSchema = z.object({
  /** Names the pipeline in logs, notifications and the PID file warning. */
  name: z.string().min(1),
  /** PID file held for the whole run, so a second instance is refused. Omit to run without one. */
  pidFile: z.string().min(1).optional(),
  /** Time after the first SIGINT/SIGTERM before the process is forced to exit, ms. */
  graceMs: z.number().int().positive().default(10_000),
  /** Where checkpoints go and how many are kept. */
  checkpoints: z
    .object({
      /** Folder of the checkpoint files. */
      dir: z.string().min(1).default('checkpoints'),
      /** Checkpoints kept by pruning, newest first. */
      keep: z.number().int().min(1).default(5),
    })
    .prefault({}),
  /** Log files and console output (see the logging section of the README). */
  logging: LogStreamsOptionsSchema.pick({ level: true, console: true, maxSize: true, maxFiles: true })
    .extend({
      /** Folder of main.log, trades.log, errors.log and metrics.log. */
      dir: z.string().min(1).default('logs'),
    })
    .prefault({}),
  /** Email notifications; omit to send none. The SMTP password is a secret: `ARES_EMAIL__PASSWORD`. */
  email: EmailConfigSchema.optional(),
});

/** A pipeline config as written in a file (defaults optional). */
export type PipelineConfig = z.input<typeof PipelineConfigSchema>;
