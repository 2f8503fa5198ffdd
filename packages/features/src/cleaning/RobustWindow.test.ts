import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '../market/__fixtures__/sharedData.js';
import { RobustWindow } from './RobustWindow.js';

// Reference: sort a copy of the window, take the middle; MAD = the same over |x - median|.
function naiveMedian(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

describe('RobustWindow', () => {
  it('computes a hand-worked median and MAD', () => {
    // [1, 1, 2, 2, 4, 6, 9]: median 2; deviations [1, 1, 0, 0, 2, 4, 7] sorted [0, 0, 1, 1, 2, 4, 7] → MAD 1.
    const window = new RobustWindow(7);
    for (const x of [2, 9, 1, 4, 6, 1, 2]) window.push(x);
    expect(window.median()).toBe(2);
    expect(window.mad(2)).toBe(1);
  });

  it.each([[5], [6], [25]])('matches a sort-based median and MAD on a rolling window of %i', (size) => {
    const random = seededRandom(size);
    const window = new RobustWindow(size);
    const history: number[] = [];
    for (let i = 0; i < 400; i++) {
      // Rounded values make ties, which the merge walk must handle.
      const x = Math.round((random() - 0.5) * 20) / 4 + 0; // + 0 turns -0 into 0
      window.push(x);
      history.push(x);
      const last = history.slice(-size);
      expect(window.isFull).toBe(history.length >= size);
      const median = naiveMedian(last);
      expect([i, window.median(), window.mad(median)]).toEqual([i, median, naiveMedian(last.map((v) => Math.abs(v - median)))]);
    }
  });
});
