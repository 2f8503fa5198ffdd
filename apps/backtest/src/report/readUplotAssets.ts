import { readFileSync } from 'node:fs';

/** uPlot's minified browser build and stylesheet, inlined into the report so that it needs no network. */
export interface UplotAssets {
  readonly js: string;
  readonly css: string;
}

/**
 * Reads uPlot's IIFE and CSS from the installed package. `resolve` is the caller's module resolver
 * (`createRequire(import.meta.url).resolve` in ESM, `require.resolve` under jest's CommonJS), so this
 * module itself needs neither.
 */
export function readUplotAssets(resolve: (id: string) => string): UplotAssets {
  return {
    js: readFileSync(resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    css: readFileSync(resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
}
