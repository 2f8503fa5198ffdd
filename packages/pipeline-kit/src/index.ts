// The public face of @ares/pipeline-kit. Each section is owned by one area of the package.

// --- clock, retry, checkpoints, PID file, config ---
export type { Clock } from './clock/Clock.js';
export { sleep } from './clock/Clock.js';
export { LiveClock } from './clock/LiveClock.js';
export { SimClock } from './clock/SimClock.js';
// --- end clock ---

// --- logging, notifications, progress, metrics ---
// --- end logging ---

// --- pipeline lifecycle and signals ---
// --- end pipeline ---
