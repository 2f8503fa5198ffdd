import fs from 'node:fs';
import path from 'node:path';

/**
 * The dependency direction of DESIGN.md: for each published package, the @ares packages it may import.
 * Leaves (pipeline-kit, features, drift, risk, analytics) import no sibling.
 */
export const ALLOWED_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  '@ares/pipeline-kit': [],
  '@ares/features': [],
  '@ares/drift': [],
  '@ares/risk': [],
  '@ares/analytics': [],
  '@ares/connectors': ['@ares/features', '@ares/pipeline-kit'],
  '@ares/core-engine': ['@ares/features', '@ares/drift', '@ares/risk', '@ares/connectors', '@ares/pipeline-kit'],
};

export interface SourceFile {
  readonly absolute: string;
  /** Path relative to the workspace root, with forward slashes. */
  readonly relative: string;
  readonly text: string;
}

export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly private: boolean;
  readonly aresDependencies: readonly string[];
  readonly sources: readonly SourceFile[];
}

export function workspaceRoot(): string {
  let dir = process.cwd();
  while (!fs.existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above "${process.cwd()}".`);
    dir = parent;
  }
  return dir;
}

export function readWorkspace(root: string): { packages: WorkspacePackage[] } {
  const packages: WorkspacePackage[] = [];
  for (const group of ['packages', 'apps']) {
    const groupDir = path.join(root, group);
    for (const entry of fs.readdirSync(groupDir).sort()) {
      const dir = path.join(groupDir, entry);
      const manifestPath = path.join(dir, 'package.json');
      if (!fs.existsSync(manifestPath)) continue;
      const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
        name: string;
        private?: boolean;
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
        peerDependencies?: Record<string, string>;
      };
      const declared = { ...manifest.peerDependencies, ...manifest.devDependencies, ...manifest.dependencies };
      packages.push({
        name: manifest.name,
        dir,
        private: manifest.private === true,
        aresDependencies: Object.keys(declared).filter((d) => d.startsWith('@ares/')),
        sources: listSources(root, dir),
      });
    }
  }
  return { packages };
}

function listSources(root: string, dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|mts|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
        out.push({ absolute: full, relative: path.relative(root, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
    }
  };
  for (const sub of ['src', 'bench', 'test']) if (fs.existsSync(path.join(dir, sub))) walk(path.join(dir, sub));
  return out;
}

/** Module specifiers of static imports, re-exports and dynamic imports, in source order; comments ignored. */
export function parseImports(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  // Static forms are anchored at a line start so that import-like text inside strings is not taken.
  const pattern = /(?:^\s*import\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?|^\s*export\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s+|\bimport\s*\(\s*)['"]([^'"]+)['"]/gm;
  return [...code.matchAll(pattern)].map((m) => m[1] as string);
}

/** Every elementary cycle reachable in a directed graph, each reported once from its smallest node. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (node: string): void => {
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (onStack.has(next)) {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0] as string);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        const key = rotated.join('>');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...rotated, rotated[0] as string]);
        }
      } else if (!stack.includes(next)) visit(next);
    }
    stack.pop();
    onStack.delete(node);
  };
  for (const node of [...graph.keys()].sort()) visit(node);
  return cycles;
}
