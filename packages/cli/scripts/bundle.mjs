#!/usr/bin/env node
/**
 * Bundle the compiled CLI (dist/, from `tsc -b`) with its dependencies into bundle/: a cold start then
 * reads a few files instead of resolving and compiling hundreds of modules. Rarely used parts (the
 * audit report, .docx/.pptx/.odt readers) stay in their own chunks and load only when needed.
 * bin/reframe.js uses the bundle only when it is newer than every file it was built from.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(cliDir, 'bundle');
const coreDir = join(cliDir, '..', 'core');
const started = performance.now();

// Core finds its schemas and rule snapshot next to its own code (src/paths.ts); in the bundle its code
// lives in bundle/, so tell it where the core package is, relative to the bundle.
const corePaths = {
  name: 'reframe-core-paths',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]dist[\\/]paths\.js$/ }, () => ({
      contents: [
        "import { fileURLToPath } from 'node:url';",
        "import { join } from 'node:path';",
        `export const CORE_DIR = fileURLToPath(new URL(${JSON.stringify(`${relative(outdir, coreDir).split('\\').join('/')}/`)}, import.meta.url));`,
        "export const CORE_CODE_DIR = join(CORE_DIR, 'dist');",
      ].join('\n'),
      loader: 'js',
    }));
  },
};

// Parts that most runs never use load on first use rather than at every start: YAML parsing and JSON
// Schema validation (only for config files and packs the snapshot does not cover), the Markdown stack
// (only for Markdown), retext-equality (only with the opt-in pack), glob matching (only for glob
// arguments and a config's `ignore`) and .gitignore parsing (only when there is one). Each is an import
// of a module of its own; here it becomes a function that requires that module when first called. Each
// such module is its own CommonJS bundle (bundle/lazy-NAME.cjs, loaded with require(), as the callers
// are synchronous): kept out of the main chunk, Node never reads or compiles its code (about 1 MB) on a
// run that does not use it.
const coreDist = join(coreDir, 'dist');
const cliDist = join(cliDir, 'dist');
const LAZY_IMPORTS = [
  { dir: coreDist, file: 'node/read.js', line: "import { parseData, validateData } from '../rules/validate.js';" },
  { dir: coreDist, file: 'matching/processors.js', line: "import { useEquality } from '../equality/plugin.js';" },
  { dir: coreDist, file: 'matching/processors.js', line: "import { markdownProcessor } from '../text/markdown-processor.js';" },
  { dir: cliDist, file: 'context.js', line: "import picomatch from 'picomatch';" },
  { dir: cliDist, file: 'files.js', line: "import picomatch from 'picomatch';" },
  { dir: cliDist, file: 'ignore-files.js', line: "import ignore from 'ignore';" },
];
const SHARED_GLOBAL = "Symbol.for('reframe.bundle.shared')";

/** `{ names, from, isDefault }` of a lazy import line. */
function parseImport(line) {
  const named = /^import \{ ([^}]+) \} from '([^']+)';$/.exec(line);
  if (named?.[1] && named[2]) return { names: named[1].split(',').map((n) => n.trim()), from: named[2], isDefault: false };
  const byDefault = /^import (\w+) from '([^']+)';$/.exec(line);
  if (byDefault?.[1] && byDefault[2]) return { names: [byDefault[1]], from: byDefault[2], isDefault: true };
  throw new Error(`bundle: cannot make "${line}" lazy`);
}

const isRelative = (from) => from.startsWith('./') || from.startsWith('../');
/** `picomatch` → picomatch, `../equality/plugin.js` → equality-plugin. */
const lazyName = (from) =>
  from
    .replace(/^(?:\.\.?\/)+/, '')
    .replace(/\.js$/, '')
    .split('/')
    .join('-');
/** The entry point of a lazy bundle: a module of core, or a package the CLI depends on. */
const lazyEntry = ({ dir, file, line }) => {
  const { from } = parseImport(line);
  return isRelative(from) ? join(dirname(join(dir, file)), from) : createRequire(join(cliDir, 'package.json')).resolve(from);
};

/** Core modules a lazy core module imports: shared with the main chunk (one ReframeFileError class for instanceof), never copied. */
function sharedImportsOf(entry) {
  if (!entry.startsWith(coreDist)) return [];
  const source = readFileSync(entry, 'utf8');
  return [...source.matchAll(/^import [^;]*? from '(\.\.?\/[^']+)';$/gm)].map((m) => m[1]);
}

/** A specifier `s` written in `entry`, rewritten relative to the importing module dir/file. */
function fromFolder(dir, file, entry, s) {
  const path = relative(dirname(join(dir, file)), join(dirname(entry), s))
    .split('\\')
    .join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

function lazyImport(lazy, n) {
  const { names, from, isDefault } = parseImport(lazy.line);
  const shared = sharedImportsOf(lazyEntry(lazy));
  const load = `__reframeLazy${n}`;
  return [
    // `s` is written relative to the lazy module; the import here is made from the importing module's folder.
    ...shared.map(
      (s, i) => `import * as __reframeShared${n}_${i} from ${JSON.stringify(fromFolder(lazy.dir, lazy.file, lazyEntry(lazy), s))};`,
    ),
    `let ${load}Module;`,
    `const ${load} = () => {`,
    `  if (${load}Module) return ${load}Module;`,
    `  globalThis[${SHARED_GLOBAL}] = { ${shared.map((s, i) => `${JSON.stringify(s)}: __reframeShared${n}_${i}`).join(', ')} };`,
    `  try { return (${load}Module = require(${JSON.stringify(`./lazy-${lazyName(from)}.cjs`)})); } finally { delete globalThis[${SHARED_GLOBAL}]; }`,
    '};',
    // A default import of a CommonJS package is its module.exports (picomatch and ignore export a function).
    ...names.map((name) => `const ${name} = (...args) => ${load}()${isDefault ? '' : `.${name}`}(...args);`),
  ].join('\n');
}

const lazyModules = {
  name: 'reframe-lazy-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\/lazy-[a-z-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    const files = new Set(LAZY_IMPORTS.map(({ dir, file }) => join(dir, file)));
    build.onLoad({ filter: /[\\/](core|cli)[\\/]dist[\\/](?:[a-z-]+[\\/])*[a-z-]+\.js$/ }, (args) => {
      if (!files.has(args.path)) return undefined;
      let source = readFileSync(args.path, 'utf8');
      LAZY_IMPORTS.forEach((lazy, n) => {
        if (join(lazy.dir, lazy.file) !== args.path) return;
        // Fail the build loudly rather than quietly load everything at start-up.
        if (!source.includes(lazy.line)) throw new Error(`bundle: ${args.path} no longer has "${lazy.line}"; update scripts/bundle.mjs`);
        source = source.replace(lazy.line, lazyImport(lazy, n));
      });
      return { contents: source, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/** In a lazy bundle, the core modules it shares with the main chunk come from the loader above. */
function sharedFromMain(entry) {
  const shared = new Set(sharedImportsOf(entry));
  return {
    name: 'reframe-shared-from-main',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\/(?:[^/]+\/)*[^/]+\.js$/ }, (args) =>
        shared.has(args.path) && args.importer === entry ? { path: args.path, namespace: 'reframe-shared' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'reframe-shared' }, (args) => ({
        contents: `module.exports = globalThis[${SHARED_GLOBAL}][${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

// Importing a Node built-in as an ES module makes Node build a facade of it, reading every export:
// for node:fs that loads its stream and promise APIs (and readline), for node:process (vfile)
// process.report and the worker-thread modules. Built-ins are required instead (the same objects,
// read only when used); process is the global.
const BUILTINS = /^(node:)?(fs|path|url|util|os|process|worker_threads)$/;
const builtinsRequired = {
  name: 'reframe-builtins-required',
  setup(build) {
    build.onResolve({ filter: BUILTINS }, (args) =>
      args.namespace === 'reframe-builtin'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'reframe-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'reframe-builtin' }, (args) => ({
      contents:
        args.path === 'process'
          ? 'module.exports = globalThis.process;'
          : `module.exports = require(${JSON.stringify(`node:${args.path}`)});`,
      loader: 'js',
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await esbuild.build({
  entryPoints: { bin: join(cliDir, 'dist', 'bin.js'), worker: join(cliDir, 'dist', 'worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Chunks sit next to the entry points: import.meta.url-relative paths (../package.json, ./worker.js) hold in every chunk.
  chunkNames: '[name]-[hash]',
  // CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __reframeCreateRequire } from 'node:module'; const require = __reframeCreateRequire(import.meta.url);",
  },
  plugins: [corePaths, lazyModules, builtinsRequired],
  absWorkingDir: cliDir,
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
});

// One lazy bundle per module, however many files import it.
const lazyBundles = new Map(LAZY_IMPORTS.map((lazy) => [lazyName(parseImport(lazy.line).from), lazyEntry(lazy)]));
const lazyResults = await Promise.all(
  [...lazyBundles].map(([name, entry]) => {
    return esbuild.build({
      entryPoints: [entry],
      outfile: join(outdir, `lazy-${name}.cjs`),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      plugins: [sharedFromMain(entry)],
      absWorkingDir: cliDir,
      metafile: true,
      logLevel: 'warning',
      legalComments: 'none',
    });
  }),
);

// The inputs from this repository (not node_modules): the bundle is stale when any is newer.
const allInputs = [result, ...lazyResults].flatMap((r) => Object.keys(r.metafile.inputs));
const inputs = [...new Set(allInputs)]
  // Files only: not the plugins' virtual modules ("namespace:path").
  .filter((file) => !file.includes('node_modules') && !/^[a-z-]+:/.test(file))
  .map((file) => file.split('\\').join('/'));
// bin/reframe.js stats each of these; a name that is not a file would make it skip the bundle at every start.
for (const file of inputs) statSync(join(cliDir, file));
writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
const size = [result, ...lazyResults].flatMap((r) => Object.values(r.metafile.outputs)).reduce((sum, o) => sum + o.bytes, 0);
const version = JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')).version;
console.log(
  `cli bundle: ${relative(process.cwd(), outdir) || '.'} (${(size / 1024).toFixed(0)} KB, ${inputs.length} inputs, v${version}) in ${(performance.now() - started).toFixed(0)} ms`,
);
