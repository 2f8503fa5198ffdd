// The public face of @ares/core-engine. Each section is owned by one area of the package.

// --- signal contract ---
export type { SignalContext, SignalDecision, SignalSource, SignalTarget } from './signal/SignalSource.js';
// --- end signal contract ---

// --- engine, rule strategies, runner ---
// --- end engine ---

// --- models, registry, hot-swap ---
// --- end models ---
