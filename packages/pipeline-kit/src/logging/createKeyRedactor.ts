import { SECRET_CENSOR } from './scrubSecrets.js';

/**
 * Builds a function that replaces, in one serialized JSON line, the value of every property whose
 * name is one of `keys` (case-insensitive, at any depth; strings, numbers, objects and arrays alike)
 * with `"[redacted]"`. It works on the text because pino's wildcard redaction paths cost about 7 µs
 * per line for each wildcard level over these keys (measured in bench/), while one scan costs well
 * under a microsecond. A raw `"` never occurs inside a JSON string, so `"key":` only matches real keys.
 */
export function createKeyRedactor(keys: readonly string[]): (line: string) => string {
  if (keys.length === 0) return (line) => line;
  const pattern = new RegExp(`"(?:${keys.map(escapeRegExp).join('|')})":`, 'gi');
  return (line) => {
    pattern.lastIndex = 0;
    let match = pattern.exec(line);
    if (match === null) return line;
    let out = '';
    let copied = 0;
    while (match !== null) {
      const valueStart = match.index + match[0].length;
      const valueEnd = endOfValue(line, valueStart);
      out += `${line.slice(copied, valueStart)}"${SECRET_CENSOR}"`;
      copied = valueEnd;
      pattern.lastIndex = valueEnd;
      match = pattern.exec(line);
    }
    return out + line.slice(copied);
  };
}

/** Index just past the JSON value starting at `start`. */
function endOfValue(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) return i;
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === ',' && depth === 0) return i;
  }
  return text.length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
