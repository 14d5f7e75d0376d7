// Editor smoke tests for reframe-language-server: headless Neovim 0.7 and Emacs + eglot each open an
// invented note, receive diagnostics and apply the preferred quick fix; this script checks the text.
// Installs neovim, emacs-nox and elpa-eglot with apt-get when they are missing (needs root).
// Usage: node e2e/run.mjs   (or `pnpm test:e2e` at the repository root)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = resolve(here, '..');
const repoDir = resolve(pkgDir, '..', '..');
const server = join(pkgDir, 'bin', 'reframe-language-server.js');

// Invented note: no real patient data.
const NOTE = 'Her brother committed suicide in 2019.\nHe is an addict. Denies chest pain.\n';
const EXPECTED_FIRST_LINE = 'Her brother died by suicide in 2019.';

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000, ...options });
}

function has(cmd, args) {
  const r = run(cmd, args);
  return r.status === 0;
}

function ensureTools() {
  const nvim = has('nvim', ['--version']);
  const eglot = has('emacs', ['--batch', '--eval', "(progn (package-initialize) (require 'eglot))"]);
  if (nvim && eglot) return;
  const missing = [!nvim && 'neovim', !eglot && 'emacs-nox elpa-eglot'].filter(Boolean).join(', ');
  if (process.getuid?.() !== 0) throw new Error(`missing ${missing}; run as root or: apt-get install -y neovim emacs-nox elpa-eglot`);
  console.log(`e2e: installing ${missing} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'neovim', 'emacs-nox', 'elpa-eglot']]) {
    const r = run('apt-get', args, { env, stdio: 'inherit', timeout: 900_000 });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
}

function ensureBuilt() {
  if (existsSync(join(pkgDir, 'dist', 'server.js'))) return;
  console.log('e2e: building the server (tsc -b)…');
  const tsc = createRequire(join(repoDir, 'package.json')).resolve('typescript/bin/tsc');
  const r = run(process.execPath, [tsc, '-b', repoDir], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('tsc -b failed');
}

function editorRun(name, cmd, args, dir) {
  const note = join(dir, `${name}-note.txt`);
  const resultFile = join(dir, `${name}-result.json`);
  writeFileSync(note, NOTE);
  const started = Date.now();
  const r = run(cmd, args, {
    cwd: dir,
    env: { ...process.env, REFRAME_LS: server, NOTE_FILE: note, RESULT_FILE: resultFile, HOME: dir },
  });
  const ms = Date.now() - started;
  if (!existsSync(resultFile)) {
    throw new Error(`${name}: no result (exit ${r.status}${r.error ? `, ${r.error.message}` : ''})\n${r.stdout}\n${r.stderr}`);
  }
  return { result: JSON.parse(readFileSync(resultFile, 'utf8')), status: r.status, ms };
}

function check(name, condition, message) {
  if (!condition) throw new Error(`${name}: ${message}`);
}

function main() {
  ensureTools();
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'reframe-e2e-'));
  const failures = [];
  try {
    {
      const name = 'neovim';
      try {
        const { result, status, ms } = editorRun(name, 'nvim', ['--headless', '-u', 'NONE', '-S', join(here, 'nvim-test.lua')], dir);
        for (const line of result.log) console.log(`  [nvim] ${line}`);
        check(name, status === 0 && result.ok, `editor reported failure: ${result.error ?? ''}`);
        check(name, result.before.includes('suicide/committed-suicide'), 'committed-suicide was not reported');
        check(name, result.applied === 'Replace with “died by suicide”', `applied ${result.applied}`);
        check(name, result.lines[0] === EXPECTED_FIRST_LINE, `buffer line 1 is "${result.lines[0]}"`);
        check(
          name,
          !result.after.includes('suicide/committed-suicide') && result.after.length === result.before.length - 1,
          're-lint did not drop the fixed finding',
        );
        console.log(
          `e2e: ${name} OK in ${ms} ms: ${result.before.length} findings, applied "${result.applied}", buffer line 1 now "${result.lines[0]}", ${result.after.length} findings after`,
        );
      } catch (error) {
        failures.push(error);
      }
    }
    {
      const name = 'eglot';
      try {
        const { result, status, ms } = editorRun(name, 'emacs', ['--batch', '-l', join(here, 'eglot-test.el')], dir);
        for (const line of result.log) console.log(`  [eglot] ${line}`);
        const firstLine = String(result.text).split('\n')[0];
        check(name, status === 0 && result.ok === true, `editor reported failure: ${result.error ?? ''}`);
        check(name, result.applied === 'Replace with “died by suicide”', `applied ${result.applied}`);
        check(name, firstLine === EXPECTED_FIRST_LINE, `buffer line 1 is "${firstLine}"`);
        check(name, result.after === result.before - 1, `findings ${result.before} → ${result.after}`);
        console.log(
          `e2e: ${name} OK in ${ms} ms: ${result.before} findings, applied "${result.applied}", buffer line 1 now "${firstLine}", ${result.after} findings after`,
        );
      } catch (error) {
        failures.push(error);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length) {
    for (const f of failures) console.error(`e2e FAILED: ${f.message}`);
    process.exit(1);
  }
  console.log('e2e: all editor smoke tests passed');
}

main();
