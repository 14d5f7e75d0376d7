// `pnpm package`: build dist/ and write reframe-<version>.vsix with vsce. The bundle carries every
// dependency, so vsce runs with --no-dependencies (and never reads node_modules).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { version, repository } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const out = join(pkgDir, `reframe-${version}.vsix`);
// vsce rewrites README links to absolute URLs; it guesses them only for GitHub/GitLab, so say where
// this package lives inside the repository named in package.json.
const repoWeb = String(repository.url).replace(/\.git$/, '');

run(process.execPath, [join(pkgDir, 'scripts', 'build.mjs')]);
run(join(pkgDir, 'node_modules', '.bin', 'vsce'), [
  'package',
  '--no-dependencies',
  '--baseContentUrl',
  `${repoWeb}/blob/HEAD/packages/vscode`,
  '--baseImagesUrl',
  `${repoWeb}/raw/HEAD/packages/vscode`,
  '--out',
  out,
]);
console.log(`package: ${out}`);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: pkgDir, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
