// Builds the extension into dist/ so the .vsix needs no node_modules:
//   dist/extension.js  the client (CJS; `vscode` is provided by the host)
//   dist/server.js     @reframe/language-server with @reframe/core and its ESM-only deps, bundled to CJS
//   dist/rules/        the repository's rule packs, sources and context lists (data only)
//   dist/rule-index.json  id, category, severity and summary of every rule, for the rule-reference picker
//   schema/            the config schema (jsonValidation) and the pack schema the rule loader validates with
// Usage: node scripts/build.mjs [--watch]
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = resolve(pkgDir, '..', '..');
const serverEntry = join(repoDir, 'packages', 'language-server', 'src', 'server.ts');
const rulesSrc = join(repoDir, 'rules');
const schemaSrc = join(repoDir, 'packages', 'core', 'schema');
const dist = join(pkgDir, 'dist');
const watch = process.argv.includes('--watch');

if (!existsSync(serverEntry)) {
  console.error(`build: language server entry not found: ${serverEntry}`);
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'rules'), { recursive: true });
mkdirSync(join(pkgDir, 'schema'), { recursive: true });

// Rules are data: copy the YAML files only.
const ruleFiles = readdirSync(rulesSrc).filter((n) => /\.ya?ml$/.test(n));
for (const name of ruleFiles) copyFileSync(join(rulesSrc, name), join(dist, 'rules', name));
for (const name of ['config.schema.json', 'pack.schema.json']) copyFileSync(join(schemaSrc, name), join(pkgDir, 'schema', name));

// Validate the copied rules with the same loader the server uses, and index them for the picker.
// A broken pack fails the build here rather than in the user's editor.
const { loadRuleSetData } = await import('@reframe/core/node');
const data = loadRuleSetData({ rulesDir: join(dist, 'rules') });
const index = data.packs
  .flatMap((pack) => pack.rules)
  .map((rule) => ({ id: rule.id, category: rule.category, severity: rule.severity, summary: firstSentence(rule.note) }))
  .sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
writeFileSync(join(dist, 'rule-index.json'), `${JSON.stringify(index, null, 1)}\n`);

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  // Smaller .vsix and faster activation; the source maps (kept out of the .vsix) map stack traces back.
  minify: !watch,
  keepNames: true,
  logLevel: 'warning',
};
const builds = [
  { ...common, entryPoints: [join(pkgDir, 'src', 'extension.ts')], outfile: join(dist, 'extension.js'), external: ['vscode'] },
  {
    ...common,
    entryPoints: [serverEntry],
    outfile: join(dist, 'server.js'),
    // The ESM sources locate files with import.meta.url, which CJS output lacks: give it this file's URL,
    // so core finds its schemas in <extension>/schema (next to dist/).
    define: { 'import.meta.url': '__reframeImportMetaUrl' },
    banner: { js: 'var __reframeImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('build: watching src/ and the language server for changes');
} else {
  const started = Date.now();
  await Promise.all(builds.map((options) => esbuild.build(options)));
  console.log(`build: dist/ written in ${Date.now() - started} ms (${index.length} rules from ${ruleFiles.length} files)`);
}

function firstSentence(text) {
  const flat = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const end = flat.search(/[.!?](\s|$)/);
  return end >= 0 ? flat.slice(0, end + 1) : flat;
}
