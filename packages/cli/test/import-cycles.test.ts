/**
 * No import cycles among the CLI's modules. Every relative import counts: static, type-only,
 * re-exports and dynamic `import()`, since a cycle through any of them ties the modules together.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/** Every .ts file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// `import … from './x.js'` and `export … from './x.js'` (over several lines too), `import './x.js'`,
// and `import('./x.js')` anywhere.
const STATIC = /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
const BARE = /^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Each file's relative imports, as paths of .ts files (relative to src/). */
function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const source = readFileSync(file, 'utf8');
    const specifiers = [STATIC, BARE, DYNAMIC].flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1] as string));
    const targets = specifiers.map((specifier) => {
      const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
      if (!existsSync(target)) throw new Error(`${relative(root, file)}: cannot resolve "${specifier}"`);
      return relative(root, target);
    });
    graph.set(relative(root, file), [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the chain of files that closes it. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('CLI module structure', () => {
  const graph = importGraph(SRC);

  it('reads every kind of relative import', () => {
    // A multi-line import, a type-only import and dynamic imports: the walker must see all three.
    expect(graph.get('run.ts')).toEqual(expect.arrayContaining(['types.ts', 'cli-options.ts']));
    expect(graph.get('main.ts')).toEqual(expect.arrayContaining(['run.ts', 'report/command.ts']));
  });

  it('has no import cycles', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(findCycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });
});
