import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ALLOWED_DEPENDENCIES, findCycles, parseImports, type SourceFile, workspaceRoot, readWorkspace } from './workspace.js';

const workspace = readWorkspace(workspaceRoot());

describe('dependency direction (DESIGN.md)', () => {
  it('knows every published package', () => {
    const names = workspace.packages.filter((p) => !p.private).map((p) => p.name).sort();
    expect(names).toEqual(Object.keys(ALLOWED_DEPENDENCIES).sort());
  });

  it.each(workspace.packages.filter((p) => !p.private).map((p) => [p.name, p] as const))(
    '%s declares only the @ares dependencies the architecture allows',
    (name, pkg) => {
      const allowed = ALLOWED_DEPENDENCIES[name] ?? [];
      const wrongWay = pkg.aresDependencies.filter((d) => !allowed.includes(d));
      expect(wrongWay).toEqual([]);
    },
  );

  it.each(workspace.packages.map((p) => [p.name, p] as const))('%s imports only what it declares', (_name, pkg) => {
    const problems: string[] = [];
    for (const file of pkg.sources) {
      for (const spec of parseImports(file.text)) {
        if (spec.startsWith('@ares/')) {
          const target = spec.split('/').slice(0, 2).join('/');
          if (target === pkg.name) problems.push(`${file.relative}: imports its own package by name ("${spec}")`);
          else if (!pkg.aresDependencies.includes(target)) problems.push(`${file.relative}: imports "${spec}", not a declared dependency`);
        } else if (spec.startsWith('.')) {
          const resolved = path.resolve(path.dirname(file.absolute), spec);
          if (!resolved.startsWith(pkg.dir + path.sep)) problems.push(`${file.relative}: relative import "${spec}" leaves the package`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('apps never import each other', () => {
    const apps = workspace.packages.filter((p) => p.dir.includes(`${path.sep}apps${path.sep}`)).map((p) => p.name);
    for (const app of workspace.packages.filter((p) => apps.includes(p.name))) {
      expect(app.aresDependencies.filter((d) => apps.includes(d))).toEqual([]);
    }
  });

  it('heavy clients stay in their owning package', () => {
    const owners: Record<string, string> = { ccxt: '@ares/connectors', 'onnxruntime-node': '@ares/core-engine', 'danfojs-node': '@ares/features' };
    const misplaced: string[] = [];
    for (const pkg of workspace.packages) {
      for (const file of pkg.sources) {
        for (const spec of parseImports(file.text)) {
          const owner = owners[spec];
          if (owner !== undefined && owner !== pkg.name && !pkg.private) misplaced.push(`${file.relative} imports ${spec}`);
        }
      }
    }
    expect(misplaced).toEqual([]);
  });
});

describe('no cycles', () => {
  it('the package graph is acyclic', () => {
    const graph = new Map(workspace.packages.map((p) => [p.name, p.aresDependencies]));
    expect(findCycles(graph)).toEqual([]);
  });

  it.each(workspace.packages.map((p) => [p.name, p] as const))('%s has no circular relative imports', (_name, pkg) => {
    const graph = new Map<string, string[]>();
    for (const file of pkg.sources) {
      const targets = parseImports(file.text)
        .filter((s) => s.startsWith('.'))
        .map((s) => resolveSource(file, s, pkg.sources))
        .filter((t): t is string => t !== undefined);
      graph.set(file.absolute, targets);
    }
    expect(findCycles(graph).map((cycle) => cycle.map((f) => path.relative(pkg.dir, f)))).toEqual([]);
  });
});

describe('determinism rules', () => {
  // Libraries take time from a Clock and randomness from a seed; only the wall clock itself may read Date.now.
  const allowedWallClock = new Set(['packages/pipeline-kit/src/clock/LiveClock.ts']);
  it('library code never reads the wall clock or unseeded randomness', () => {
    const offenders: string[] = [];
    for (const pkg of workspace.packages.filter((p) => p.dir.includes(`${path.sep}packages${path.sep}`))) {
      for (const file of pkg.sources) {
        if (file.relative.endsWith('.test.ts') || allowedWallClock.has(file.relative)) continue;
        const code = stripComments(file.text);
        if (/\bDate\.now\s*\(/.test(code)) offenders.push(`${file.relative}: Date.now()`);
        if (/\bMath\.random\s*\(/.test(code)) offenders.push(`${file.relative}: Math.random()`);
        if (/\bnew Date\(\s*\)/.test(code)) offenders.push(`${file.relative}: new Date()`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('finds a planted cycle and parses every import form', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
    const text = [
      'import { x } from "./x.js";',
      "  import type { Y } from '@ares/features';",
      "export * from './z.js';",
      "export { w } from '../w.js';",
      "const m = await import('ccxt');",
      "import './side-effect.js';",
      "// import { no } from './commented.js';",
    ].join('\n');
    expect(parseImports(text)).toEqual(['./x.js', '@ares/features', './z.js', '../w.js', 'ccxt', './side-effect.js']);
  });

  it('reads real files from the workspace', () => {
    expect(fs.existsSync(path.join(workspaceRoot(), 'pnpm-workspace.yaml'))).toBe(true);
    expect(workspace.packages.length).toBeGreaterThanOrEqual(9);
  });
});

function resolveSource(file: SourceFile, spec: string, sources: readonly SourceFile[]): string | undefined {
  const base = path.resolve(path.dirname(file.absolute), spec).replace(/\.js$/, '');
  const candidates = [`${base}.ts`, path.join(base, 'index.ts')];
  return sources.find((s) => candidates.includes(s.absolute))?.absolute;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}
