// The public face of @ares/pipeline-kit. Each section is owned by one area of the package.

// --- clock, retry, checkpoints, PID file, config ---
export type { Clock } from './clock/Clock.js';
export { sleep } from './clock/Clock.js';
export { LiveClock } from './clock/LiveClock.js';
export { SimClock } from './clock/SimClock.js';
export type { Random } from './random/createRandom.js';
export { createRandom } from './random/createRandom.js';
export type { RetryEvent, RetryOptions } from './retry/retry.js';
export { retry } from './retry/retry.js';
export { RetryExhaustedError } from './retry/RetryExhaustedError.js';
export type { Checkpoint, CheckpointInfo, CheckpointMigration, CheckpointStoreOptions } from './checkpoint/CheckpointStore.js';
export { CheckpointStore } from './checkpoint/CheckpointStore.js';
export type { CheckpointErrorReason } from './checkpoint/CheckpointError.js';
export { CheckpointError } from './checkpoint/CheckpointError.js';
export type { AcquirePidFileOptions, PidFileContent, PidFileHandle } from './pid/PidFile.js';
export { acquirePidFile } from './pid/PidFile.js';
export { PidFileLockedError } from './pid/PidFileLockedError.js';
export type { DeepPartial, DeepReadonly, LoadConfigOptions, LoadedConfig } from './config/loadConfig.js';
export { loadConfig } from './config/loadConfig.js';
export type { ConfigIssue } from './config/ConfigError.js';
export { ConfigError } from './config/ConfigError.js';
export { isSecretSchema, secret } from './config/secret.js';
export { listSecretValues, redactConfig } from './config/redactConfig.js';
export { configJsonSchema } from './config/configJsonSchema.js';
export type { PipelineConfig } from './config/PipelineConfigSchema.js';
export { PipelineConfigSchema } from './config/PipelineConfigSchema.js';
// --- end clock ---

// --- logging, notifications, progress, metrics ---
export { clockTimestamp } from './logging/clockTimestamp.js';
export type { LogStreamsOptions } from './logging/createLogStreams.js';
export { createLogStreams, DEFAULT_REDACT_KEYS, LOG_FILES, LogStreamsOptionsSchema } from './logging/createLogStreams.js';
export { InvalidOptionError } from './logging/InvalidOptionError.js';
export type { LogBindings, LogStreams } from './logging/LogStreams.js';
export type { DriftLine, HistogramStats, MetricLine, TradeLine } from './logging/logLines.js';
export { DriftLineSchema, HistogramStatsSchema, MetricLineSchema, TradeLineSchema } from './logging/logLines.js';
export { CompositeNotifier } from './notify/CompositeNotifier.js';
export type { EmailConfig } from './notify/EmailConfigSchema.js';
export { DEFAULT_THROTTLE_MS, EmailConfigSchema } from './notify/EmailConfigSchema.js';
export type { EmailNotifierOptions, EmailNotifierStats } from './notify/EmailNotifier.js';
export { EmailNotifier } from './notify/EmailNotifier.js';
export { MemoryNotifier } from './notify/MemoryNotifier.js';
export type { NotificationAttachment, NotificationEvent, NotificationType, Notifier } from './notify/Notifier.js';
export { NOTIFICATION_TYPES } from './notify/Notifier.js';
export type { RenderedNotification } from './notify/renderNotification.js';
export { renderNotification } from './notify/renderNotification.js';
export type { Progress, ProgressLine, ProgressLogger, ProgressOptions, ProgressStream } from './progress/createProgress.js';
export { createProgress, ProgressOptionsSchema } from './progress/createProgress.js';
export { Counter } from './metrics/Counter.js';
export { Gauge } from './metrics/Gauge.js';
export { HISTOGRAM_RELATIVE_PRECISION, Histogram } from './metrics/Histogram.js';
export type { MetricSample } from './metrics/MetricsRegistry.js';
export { MetricsRegistry } from './metrics/MetricsRegistry.js';
// --- end logging ---

// --- pipeline lifecycle and signals ---
export type { PipelineOptions, PipelineResult, PipelineStage } from './pipeline/Pipeline.js';
export { exitCodeOf, Pipeline, runAsMain } from './pipeline/Pipeline.js';
export type { ShutdownHandle, ShutdownOptions, SignalSource } from './shutdown/installShutdownHandlers.js';
export { installShutdownHandlers, SIGNAL_EXIT_CODES } from './shutdown/installShutdownHandlers.js';
export type { ShutdownSignal } from './shutdown/ShutdownRequestedError.js';
export { ShutdownRequestedError } from './shutdown/ShutdownRequestedError.js';
// --- end pipeline ---
