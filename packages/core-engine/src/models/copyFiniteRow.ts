/**
 * Copies a feature row into a float32 model input, starting at `offset`; false (and a partial copy)
 * as soon as a value is NaN or infinite, so garbage never reaches the model.
 */
export function copyFiniteRow(source: ArrayLike<number>, target: Float32Array, sourceOffset = 0, width = target.length, targetOffset = 0): boolean {
  for (let j = 0; j < width; j++) {
    const x = source[sourceOffset + j] as number;
    if (!Number.isFinite(x)) return false;
    target[targetOffset + j] = x;
  }
  return true;
}
