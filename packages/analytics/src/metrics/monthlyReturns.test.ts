import { describe, expect, it } from '@jest/globals';
import { SeededRandom } from '../SeededRandom.js';
import { monthlyReturns } from './monthlyReturns.js';

describe('monthlyReturns', () => {
  // Jan 2024: 100 → 110 (+10 %); Feb: 110 → 105 (−4.545 %); March: no bars; April: 105 → 84 (−20 %);
  // 2024 total 84/100 − 1 = −16 %; Jan 2025: 84 → 92.4 (+10 %).
  const timestamps = Float64Array.from([
    Date.UTC(2024, 0, 1),
    Date.UTC(2024, 0, 31, 23),
    Date.UTC(2024, 1, 15),
    Date.UTC(2024, 1, 29),
    Date.UTC(2024, 3, 10),
    Date.UTC(2025, 0, 5),
  ]);
  const equity = Float64Array.from([100, 110, 99, 105, 84, 92.4]);
  const table = monthlyReturns(timestamps, equity);

  it('builds one row per UTC year with compounded months and null for months without bars', () => {
    expect(table.map((y) => y.year)).toEqual([2024, 2025]);
    const [y2024, y2025] = table;
    expect(y2024?.months.map((m) => (m === null ? null : Number(m.toFixed(10))))).toEqual([
      0.1,
      Number((105 / 110 - 1).toFixed(10)),
      null,
      Number((84 / 105 - 1).toFixed(10)),
      ...new Array(8).fill(null),
    ]);
    expect(y2024?.total).toBeCloseTo(-0.16, 12);
    expect(y2025?.months[0]).toBeCloseTo(0.1, 12);
    expect(y2025?.total).toBeCloseTo(0.1, 12);
  });

  it('chains exactly: Π(1 + monthly) = final / initial on a seeded random daily curve', () => {
    const random = new SeededRandom(11);
    const n = 800;
    const ts = Float64Array.from({ length: n }, (_, i) => Date.UTC(2023, 0, 1) + i * 86_400_000);
    const eq = new Float64Array(n);
    eq[0] = 100;
    for (let i = 1; i < n; i++) eq[i] = (eq[i - 1] as number) * (1 + 0.02 * random.nextGaussian());
    const rows = monthlyReturns(ts, eq);
    const product = rows.flatMap((y) => y.months).reduce<number>((p, m) => p * (1 + (m ?? 0)), 1);
    expect(product).toBeCloseTo((eq[n - 1] as number) / 100, 10);
    expect(rows.reduce((p, y) => p * (1 + y.total), 1)).toBeCloseTo((eq[n - 1] as number) / 100, 10);
  });
});
