/** Per-bar simple returns r_i = E_i / E_(i−1) − 1 (length n − 1). */
export function simpleReturns(equity: ArrayLike<number>): Float64Array {
  const n = Math.max(equity.length - 1, 0);
  const returns = new Float64Array(n);
  for (let i = 0; i < n; i++) returns[i] = (equity[i + 1] as number) / (equity[i] as number) - 1;
  return returns;
}
