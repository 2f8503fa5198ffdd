/** JSON has no NaN/Infinity: non-finite numbers are stored as `null` in checkpoint state. */
export type JsonNumber = number | null;

function toJsonNumber(value: number): JsonNumber {
  return Number.isFinite(value) ? value : null;
}

function fromJsonNumber(value: JsonNumber): number {
  return value ?? Number.NaN;
}

export function toJsonArray(values: Float64Array): JsonNumber[] {
  return Array.from(values, toJsonNumber);
}

export function fromJsonArray(values: readonly JsonNumber[]): Float64Array {
  return Float64Array.from(values, fromJsonNumber);
}
