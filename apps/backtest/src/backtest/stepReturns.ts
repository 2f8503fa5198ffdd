/**
 * Simple returns of the equity curve over steps of `barsPerStep` bars (the last step may be shorter):
 * r_j = E[min((j+1)·k, n−1)] / E[j·k] − 1, so Π(1 + r_j) = E_last / E_first for every k. With k = 1
 * these are the bar returns.
 */
export function stepReturns(equity: Float64Array, barsPerStep: number): Float64Array {
  const last = equity.length - 1;
  const steps = Math.ceil(last / barsPerStep);
  const out = new Float64Array(steps);
  for (let j = 0; j < steps; j++) {
    out[j] = (equity[Math.min((j + 1) * barsPerStep, last)] as number) / (equity[j * barsPerStep] as number) - 1;
  }
  return out;
}
