/** The order reasons the engine writes before the signal's own reason. */
export type ReasonPrefix = 'entry long' | 'entry short' | 'exit long' | 'exit short';

/**
 * `"<prefix>: <why>"` for order reasons, remembering the last string per prefix: a strategy repeats the
 * same few reasons, so an order tick reuses a string instead of concatenating one (two string
 * allocations per order). Same text either way.
 */
export class ReasonLabels {
  readonly #why: Record<ReasonPrefix, string | undefined> = { 'entry long': undefined, 'entry short': undefined, 'exit long': undefined, 'exit short': undefined };
  readonly #label: Record<ReasonPrefix, string> = { 'entry long': '', 'entry short': '', 'exit long': '', 'exit short': '' };

  of(prefix: ReasonPrefix, why: string): string {
    if (this.#why[prefix] !== why) {
      this.#why[prefix] = why;
      this.#label[prefix] = `${prefix}: ${why}`;
    }
    return this.#label[prefix];
  }
}
