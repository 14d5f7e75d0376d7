/**
 * The workspace keeps its shape: no import cycles inside any package; no package reaches into
 * another's files (only through the package's name and its `exports`); front ends never import one
 * another (the CLI and the language server depend on core only; the extension uses the language
 * server's protocol only); no source file over 400 lines. Every relative import counts for cycles:
 * static, type-only, re-exports and dynamic `import()`, since a cycle through any ties modules together.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGES = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE_PACKAGES = ['core', 'cli', 'language-server', 'vscode'];
const srcOf = (name: string): string => join(PACKAGES, name, 'src');

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
      const base = resolve(dirname(file), specifier);
      // ESM packages write `./x.js`; the extension (CommonJS) writes `./x`.
      const target = base.endsWith('.js') ? base.replace(/\.js$/, '.ts') : existsSync(`${base}.ts`) ? `${base}.ts` : join(base, 'index.ts');
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

/** Every import specifier (relative or not) of every source file of a package, by file. */
function specifiersOf(pkg: string): Array<{ file: string; specifier: string }> {
  const ANY = /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  return sourceFiles(srcOf(pkg)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(ANY)].map((m) => ({
      file: relative(PACKAGES, file),
      specifier: (m[1] ?? m[2] ?? m[3]) as string,
    })),
  );
}

describe('workspace structure', () => {
  for (const pkg of SOURCE_PACKAGES) {
    it(`${pkg}: no import cycles`, () => {
      expect(findCycles(importGraph(srcOf(pkg))).map((cycle) => cycle.join(' → '))).toEqual([]);
    });
  }

  it('reads every kind of relative import', () => {
    const graph = importGraph(srcOf('cli'));
    // A multi-line import, a type-only import and dynamic imports: the walker must see all three.
    expect(graph.get('run.ts')).toEqual(expect.arrayContaining(['types.ts', 'cli-options.ts']));
    expect(graph.get('main.ts')).toEqual(expect.arrayContaining(['run.ts', 'report/command.ts']));
  });

  it('finds a cycle when there is one', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(findCycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('no package reaches into another’s files, and front ends do not import one another', () => {
    const allowed: Record<string, RegExp> = {
      core: /^$/,
      cli: /^@reframe\/core(?:\/node)?$/,
      'language-server': /^@reframe\/core(?:\/node)?$/,
      vscode: /^@reframe\/language-server\/protocol$/,
    };
    const wrong = SOURCE_PACKAGES.flatMap((pkg) =>
      specifiersOf(pkg)
        .filter(({ file, specifier }) => {
          if (specifier.startsWith('.')) return !resolve(PACKAGES, dirname(file), specifier).startsWith(srcOf(pkg));
          return specifier.startsWith('@reframe/') && !allowed[pkg]?.test(specifier);
        })
        .map(({ file, specifier }) => `${file}: ${specifier}`),
    );
    expect(wrong).toEqual([]);
  });

  it('front ends list no other front end as a dependency', () => {
    const dependencies = (pkg: string): string[] => {
      const manifest = JSON.parse(readFileSync(join(PACKAGES, pkg, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
      return Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    };
    expect(dependencies('cli').filter((d) => d.startsWith('@reframe/'))).toEqual(['@reframe/core']);
    expect(dependencies('language-server').filter((d) => d.startsWith('@reframe/'))).toEqual(['@reframe/core']);
  });

  it('no source file is over 400 lines', () => {
    const long = SOURCE_PACKAGES.flatMap((pkg) => sourceFiles(srcOf(pkg)))
      .map((file) => ({ file: relative(PACKAGES, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 400);
    expect(long).toEqual([]);
  });
});
