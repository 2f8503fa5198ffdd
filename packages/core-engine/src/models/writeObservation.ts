import type { PolicySpec } from './ModelMetadataSchema.js';

/**
 * Builds a policy observation in place: the features, then the position encoding (`scalar`: −1/0/1;
 * `one-hot`: [short, flat, long]), then normalisation `(x − mean) / std` clipped to ±clip, as SB3's
 * VecNormalize does at training time. False if a feature is not finite (nothing sensible to feed).
 * @see https://stable-baselines3.readthedocs.io/en/master/guide/vec_envs.html#vecnormalize
 */
export function writeObservation(features: ArrayLike<number>, featureCount: number, position: -1 | 0 | 1, spec: PolicySpec, out: Float32Array): boolean {
  for (let j = 0; j < featureCount; j++) {
    const x = features[j] as number;
    if (!Number.isFinite(x)) return false;
    out[j] = x;
  }
  if (spec.positionEncoding === 'scalar') out[featureCount] = position;
  else if (spec.positionEncoding === 'one-hot') {
    out[featureCount] = position === -1 ? 1 : 0;
    out[featureCount + 1] = position === 0 ? 1 : 0;
    out[featureCount + 2] = position === 1 ? 1 : 0;
  }
  const normalization = spec.normalization;
  if (normalization !== undefined) {
    const clip = normalization.clip ?? Number.POSITIVE_INFINITY;
    for (let j = 0; j < out.length; j++) {
      const z = ((out[j] as number) - (normalization.mean[j] as number)) / (normalization.std[j] as number);
      out[j] = Math.min(Math.max(z, -clip), clip);
    }
  }
  return true;
}
