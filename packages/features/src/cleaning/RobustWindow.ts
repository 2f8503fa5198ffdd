/**
 * A rolling window of the last `size` values that gives their median and median absolute
 * deviation (MAD). Values are kept sorted: a push is a binary search plus a shift, O(size); the
 * median is O(1) and the MAD an O(size) merge walk, so a whole series costs O(n · size).
 */
export class RobustWindow {
  readonly size: number;
  #ring: Float64Array;
  #sorted: Float64Array;
  #count = 0;
  #head = 0;

  constructor(size: number) {
    this.size = size;
    this.#ring = new Float64Array(size);
    this.#sorted = new Float64Array(size);
  }

  get isFull(): boolean {
    return this.#count === this.size;
  }

  /** Adds a finite value, evicting the oldest once full. */
  push(x: number): void {
    const sorted = this.#sorted;
    let n = this.#count;
    if (n === this.size) {
      const old = this.#ring[this.#head] as number;
      let at = lowerBound(sorted, n, old);
      for (; at < n - 1; at++) sorted[at] = sorted[at + 1] as number;
      n--;
    }
    const at = lowerBound(sorted, n, x);
    for (let k = n; k > at; k--) sorted[k] = sorted[k - 1] as number;
    sorted[at] = x;
    this.#count = n + 1;
    this.#ring[this.#head] = x;
    this.#head = (this.#head + 1) % this.size;
  }

  median(): number {
    const n = this.#count;
    const mid = n >> 1;
    return n % 2 === 1 ? (this.#sorted[mid] as number) : ((this.#sorted[mid - 1] as number) + (this.#sorted[mid] as number)) / 2;
  }

  /** The median of |x − center| over the window: deviations left and right of `center` are both
   * ascending, so merging them from the center outwards visits them in order. */
  mad(center: number): number {
    const sorted = this.#sorted;
    const n = this.#count;
    let left = lowerBound(sorted, n, center) - 1;
    let right = left + 1;
    let previous = Number.NaN;
    let current = Number.NaN;
    for (let k = 0; k <= n >> 1; k++) {
      previous = current;
      const dl = left >= 0 ? center - (sorted[left] as number) : Number.POSITIVE_INFINITY;
      const dr = right < n ? (sorted[right] as number) - center : Number.POSITIVE_INFINITY;
      if (dl <= dr) {
        current = dl;
        left--;
      } else {
        current = dr;
        right++;
      }
    }
    return n % 2 === 1 ? current : (previous + current) / 2;
  }
}

/** First position in sorted[0, n) holding a value >= x. */
function lowerBound(sorted: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
