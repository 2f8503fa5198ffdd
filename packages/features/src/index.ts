// The public face of @ares/features. Each section is owned by one area of the package.

// --- market data, cleaning and validation ---
export type { Bar, BarColumn } from './market/Bar.js';
export { BAR_COLUMNS } from './market/Bar.js';
// --- end market data ---

// --- indicators and feature specs ---
// --- end indicators ---
