/** What a scrubbed secret value is replaced with. */
export const SECRET_CENSOR = '[redacted]';

/**
 * Builds a function that replaces every literal occurrence of the given secret values in a serialized
 * log line. JSON escapes a value containing quotes, backslashes or control characters, so the escaped
 * form is replaced too. Longer secrets go first so one secret containing another is fully removed.
 */
export function createSecretScrubber(secrets: readonly string[]): (line: string) => string {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    needles.add(secret);
    needles.add(JSON.stringify(secret).slice(1, -1));
  }
  if (needles.size === 0) return (line) => line;
  const sorted = [...needles].sort((a, b) => b.length - a.length);
  return (line) => {
    let out = line;
    for (const needle of sorted) if (out.includes(needle)) out = out.replaceAll(needle, SECRET_CENSOR);
    return out;
  };
}
