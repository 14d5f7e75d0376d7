#!/usr/bin/env node
/**
 * Bundle the compiled CLI (dist/, from `tsc -b`) with its dependencies into bundle/: a cold start then
 * reads a few files instead of resolving and compiling hundreds of modules. Rarely used parts (the
 * audit report, .docx/.pptx/.odt readers) stay in their own chunks and load only when needed.
 * bin/reframe.js uses the bundle only when it is newer than every file it was built from.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

// Parts of core that most runs never use load on first use rather than at every start: YAML parsing and
// JSON Schema validation (only for config files and packs the snapshot does not cover), the Markdown
// stack (only for Markdown) and retext-equality (only with the opt-in pack). Each is a named import of a
// module of its own; here it becomes a function that requires that module when first called. Each such
// module is its own CommonJS bundle (bundle/lazy-NAME.cjs, loaded with require(), as the callers are
// synchronous): kept out of the main chunk, Node never reads or compiles its code (yaml, ajv, micromark,
// retext-equality: about 900 KB) on a run that does not use it.
const LAZY_IMPORTS = [
  { file: 'node.js', line: "import { parseData, validateData } from './validate.js';" },
  { file: 'lint.js', line: "import { useEquality } from './equality-plugin.js';" },
  { file: 'lint.js', line: "import { markdownProcessor } from './markdown-processor.js';" },
];
const SHARED_GLOBAL = "Symbol.for('reframe.bundle.shared')";
const coreDist = join(coreDir, 'dist');

/** Core modules a lazy module imports: shared with the main chunk (one ReframeFileError class for instanceof), never copied. */
function sharedImportsOf(from) {
  const source = readFileSync(join(coreDist, from), 'utf8');
  return [...source.matchAll(/^import [^;]*? from '(\.\/[^']+)';$/gm)].map((m) => m[1]);
}

const lazyName = (from) => from.replace(/^\.\//, '').replace(/\.js$/, '');

function lazyImport(line, n) {
  const [, names, from] = /^import \{ ([^}]+) \} from '([^']+)';$/.exec(line) ?? [];
  if (!names || !from) throw new Error(`bundle: cannot make "${line}" lazy`);
  const shared = sharedImportsOf(from);
  const load = `__reframeLazy${n}`;
  return [
    ...shared.map((s, i) => `import * as __reframeShared${n}_${i} from ${JSON.stringify(s)};`),
    `let ${load}Module;`,
    `const ${load} = () => {`,
    `  if (${load}Module) return ${load}Module;`,
    `  globalThis[${SHARED_GLOBAL}] = { ${shared.map((s, i) => `${JSON.stringify(s)}: __reframeShared${n}_${i}`).join(', ')} };`,
    `  try { return (${load}Module = require(${JSON.stringify(`./lazy-${lazyName(from)}.cjs`)})); } finally { delete globalThis[${SHARED_GLOBAL}]; }`,
    '};',
    ...names
      .split(',')
      .map((name) => name.trim())
      .map((name) => `const ${name} = (...args) => ${load}().${name}(...args);`),
  ].join('\n');
}

const lazyModules = {
  name: 'reframe-lazy-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\/lazy-[a-z-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /[\\/]core[\\/]dist[\\/](node|lint)\.js$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      LAZY_IMPORTS.forEach(({ file, line }, n) => {
        if (!args.path.endsWith(file)) return;
        // Fail the build loudly rather than quietly load everything at start-up.
        if (!source.includes(line)) throw new Error(`bundle: ${args.path} no longer has "${line}"; update scripts/bundle.mjs`);
        source = source.replace(line, lazyImport(line, n));
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
      build.onResolve({ filter: /^\.\/[^/]+\.js$/ }, (args) =>
        shared.has(args.path) && args.importer === join(coreDist, entry) ? { path: args.path, namespace: 'reframe-shared' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'reframe-shared' }, (args) => ({
        contents: `module.exports = globalThis[${SHARED_GLOBAL}][${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

// `import process from 'node:process'` (vfile) makes Node build an ES module facade of the process
// object, reading every property: process.report among them, which loads the worker-thread modules
// (about 6 ms). The default export is the global process object, so it is taken from there.
const globalProcess = {
  name: 'reframe-global-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?process$/ }, () => ({ path: 'process', namespace: 'reframe-global-process' }));
    build.onLoad({ filter: /.*/, namespace: 'reframe-global-process' }, () => ({
      contents: 'export default globalThis.process;',
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
  plugins: [corePaths, lazyModules, globalProcess],
  absWorkingDir: cliDir,
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
});

const lazyResults = await Promise.all(
  LAZY_IMPORTS.map(({ line }) => {
    const from = /from '([^']+)'/.exec(line)?.[1] ?? '';
    return esbuild.build({
      entryPoints: [join(coreDist, from)],
      outfile: join(outdir, `lazy-${lazyName(from)}.cjs`),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      plugins: [sharedFromMain(from)],
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
