import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BacktestConfigError } from '../config/BacktestConfigError.js';
import type { ObjectiveFunction } from './scoreTrial.js';

const ARGUMENT = 'optimization.customObjective';
const EXTENSIONS = new Set(['.mjs', '.js', '.cjs']);

/** The module's absolute path: a relative one is resolved against the working directory, as every path of the config. */
export function customObjectivePath(file: string): string {
  return resolve(file);
}

/**
 * Imports the objective module and checks that its default export is a function. The function
 * returned calls it on a frozen copy of the metrics and throws when it throws or does not return a
 * finite number, naming the module, so the trial running it fails with that message.
 * @throws BacktestConfigError (`optimization.customObjective`) for a missing file, a module that does not load, or no default function.
 */
export async function loadCustomObjective(file: string): Promise<ObjectiveFunction> {
  const path = customObjectivePath(file);
  const refuse = (expected: string, cause?: unknown): never => {
    throw new BacktestConfigError({ argument: ARGUMENT, message: `Invalid "${ARGUMENT}": expected ${expected}, received "${file}".`, cause });
  };
  if (!EXTENSIONS.has(extname(path))) refuse('a JavaScript module (.mjs, .js or .cjs)');
  const isFile = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) refuse(`an existing module file (${path} does not exist)`);
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    return refuse(`a module that loads (${error instanceof Error ? error.message : String(error)})`, error);
  }
  const objective = module.default;
  if (typeof objective !== 'function') {
    return refuse(`a module whose default export is a function (metrics) => number, found a default export of type ${objective === null ? 'null' : typeof objective}`);
  }
  return (metrics) => {
    let value: unknown;
    try {
      value = objective(Object.freeze({ ...metrics }));
    } catch (error) {
      throw new Error(`custom objective "${file}" threw: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`custom objective "${file}" returned ${typeof value === 'number' ? String(value) : `a ${typeof value}`}; expected a finite number.`);
    }
    return value;
  };
}
