import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { ConfigIssue } from './ConfigError.js';

/** The parsed content of a YAML or JSON config file, or the problems that stopped it. */
export type ParsedConfigFile = { ok: true; value: unknown } | { ok: false; issues: ConfigIssue[] };

/** Reads a config file; the format follows the extension (`.yaml`, `.yml`, `.json`). Parse errors carry line and column. */
export function parseConfigFile(file: string): ParsedConfigFile {
  const source = `file ${file}`;
  const fail = (expected: string, received: string, where = source): ParsedConfigFile => ({ ok: false, issues: [{ path: '', expected, received, source: where }] });
  const extension = path.extname(file).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(extension)) return fail('a .yaml, .yml or .json file', JSON.stringify(extension));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return fail('a readable config file', typeof code === 'string' ? code : String(error));
  }

  if (extension === '.json') {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (error) {
      const message = (error as Error).message;
      const position = /at position (\d+)/.exec(message)?.[1];
      const { line, column } = lineColumn(text, position === undefined ? text.length : Number(position));
      return fail('valid JSON', JSON.stringify(message.replace(/ in JSON at position \d+.*/, '')), `${source}:${line}:${column}`);
    }
  }
  const document = parseDocument(text, { prettyErrors: true });
  const issues = document.errors.map((error): ConfigIssue => {
    const at = error.linePos?.[0];
    return {
      path: '',
      expected: 'valid YAML',
      received: JSON.stringify(error.message.split(/ at line \d+/)[0]),
      source: at === undefined ? source : `${source}:${at.line}:${at.col}`,
    };
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: document.toJS() };
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
