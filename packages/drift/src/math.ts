/**
 * Module-level aliases of the globals used on hot paths. Global lookups are slow inside vm contexts
 * (jest runs every test file in one: a loop calling `Math.sqrt` ran ~20× slower there); a module
 * binding costs the same everywhere.
 */
export const { abs, cos, floor, imul, log, max, min, sqrt } = Math;
export const { isFinite: isFiniteNumber } = Number;
export const NAN = Number.NaN;
