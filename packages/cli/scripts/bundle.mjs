#!/usr/bin/env node
/**
 * Bundle the compiled CLI (dist/, from `tsc -b`) with its dependencies into bundle/: a cold start then
 * reads a few files instead of resolving and compiling hundreds of modules. Rarely used parts (the
 * audit report, .docx/.pptx/.odt readers) stay in their own chunks and load only when needed.
 * bin/reframe.js uses the bundle only when it is newer than every file it was built from.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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
// module of its own; here it becomes a function that requires that module when first called.
const LAZY_IMPORTS = [
  { file: 'node.js', line: "import { parseData, validateData } from './validate.js';" },
  { file: 'lint.js', line: "import { useEquality } from './equality-plugin.js';" },
  { file: 'lint.js', line: "import { markdownProcessor } from './markdown-processor.js';" },
];

function lazyImport(line) {
  const [, names, from] = /^import \{ ([^}]+) \} from '([^']+)';$/.exec(line) ?? [];
  if (!names || !from) throw new Error(`bundle: cannot make "${line}" lazy`);
  return names
    .split(',')
    .map((name) => name.trim())
    .map((name) => `const ${name} = (...args) => require(${JSON.stringify(from)}).${name}(...args);`)
    .join(' ');
}

const lazyModules = {
  name: 'reframe-lazy-modules',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]dist[\\/](node|lint)\.js$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      for (const { file, line } of LAZY_IMPORTS) {
        if (!args.path.endsWith(file)) continue;
        // Fail the build loudly rather than quietly load everything at start-up.
        if (!source.includes(line)) throw new Error(`bundle: ${args.path} no longer has "${line}"; update scripts/bundle.mjs`);
        source = source.replace(line, lazyImport(line));
      }
      return { contents: source, loader: 'js', resolveDir: dirname(args.path) };
    });
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
  plugins: [corePaths, lazyModules],
  absWorkingDir: cliDir,
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
});

// The inputs from this repository (not node_modules): the bundle is stale when any is newer.
const inputs = Object.keys(result.metafile.inputs)
  .filter((file) => !file.includes('node_modules'))
  .map((file) => file.split('\\').join('/'));
writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
const size = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
const version = JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')).version;
console.log(
  `cli bundle: ${relative(process.cwd(), outdir) || '.'} (${(size / 1024).toFixed(0)} KB, ${inputs.length} inputs, v${version}) in ${(performance.now() - started).toFixed(0)} ms`,
);
