/**
 * Compares our output with a reference series that the other library aligned to its own first value
 * (technicalindicators drops warm-up slots): reference[j] corresponds to ours[ours.length − reference.length + j].
 * Returns the largest relative difference from slot `from` (ours' index) on, and how many slots were compared.
 */
export function compareTail(
  ours: Float64Array,
  reference: readonly (number | undefined)[],
  from = 0,
): { maxRelative: number; compared: number } {
  const offset = ours.length - reference.length;
  let maxRelative = 0;
  let compared = 0;
  for (let j = Math.max(0, from - offset); j < reference.length; j++) {
    const a = ours[j + offset] as number;
    const b = reference[j] as number;
    const relative = Math.abs(a - b) / Math.max(1, Math.abs(b));
    if (!(relative <= maxRelative)) maxRelative = relative;
    compared++;
  }
  return { maxRelative, compared };
}
