/** The order reasons the engine writes before the signal's own reason, by {@link ReasonLabels.index}. */
const PREFIXES = ['entry long', 'entry short', 'exit long', 'exit short'] as const;

/**
 * `"<prefix>: <why>"` for order reasons, remembering the last string per prefix: a strategy repeats the
 * same few reasons, so an order tick reuses a string instead of concatenating one (two string
 * allocations per order). Same text either way. Slots are array indices, not property names: a look-up
 * by a varying name is a megamorphic access in V8 (~200 instructions).
 */
export class ReasonLabels {
  // Strings from the start (the label of an empty reason): a slot that is first undefined and later a
  // string makes code optimized for one engine deoptimize on the next engine's first order.
  readonly #why: string[] = ['', '', '', ''];
  readonly #label: string[] = PREFIXES.map((prefix) => `${prefix}: `);

  /** The slot of an entry (`exit` false) or exit, long (`direction` > 0) or short. */
  static index(exit: boolean, direction: number): number {
    return (exit ? 2 : 0) + (direction > 0 ? 0 : 1);
  }

  of(index: number, why: string): string {
    if (this.#why[index] !== why) {
      this.#why[index] = why;
      this.#label[index] = `${PREFIXES[index]}: ${why}`;
    }
    return this.#label[index] as string;
  }
}
