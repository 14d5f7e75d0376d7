import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings, parseLintRun, reframe, tempTrees } from './helpers.js';

const tree = tempTrees();

describe('--cache', () => {
  it('reproduces the same diagnostics from the cache, stores no document text, and notices changes', async () => {
    const { dir, write } = tree({
      'a.txt': 'Mrs Ottoline Vantreight is wheelchair-bound.\nHer uncle   committed\nsuicide in 2015.\n',
      'b.md': '# Zebulon clinic\n\nThe addict in bay 3 claims he is fine.\n',
      'c.txt': 'Nothing to see: denies chest pain.\n',
    });
    const uncached = (await reframe(['--format', 'json', '.'], { cwd: dir })).stdout;
    // A repair that takes in "is" keeps the term itself for allow-lists; the cache rebuilds it from the document.
    const wheelchair = parseLintRun(uncached)
      .files.flatMap((f) => f.diagnostics)
      .find((d) => d.ruleId === 'disability/wheelchair-bound');
    expect([wheelchair?.actual, wheelchair?.term]).toEqual(['is wheelchair-bound', 'wheelchair-bound']);
    const cold = await reframe(['--format', 'json', '--cache', '.'], { cwd: dir });
    expect(cold.stdout).toBe(uncached);
    const cache = readFileSync(join(dir, '.reframecache'), 'utf8');
    const warm = await reframe(['--format', 'json', '--cache', '.'], { cwd: dir });
    expect(warm.stdout).toBe(uncached);
    for (const text of [
      'Ottoline',
      'Vantreight',
      'is wheelchair-bound',
      'uncle   committed',
      'committed\nsuicide',
      'Zebulon',
      'The addict',
      'bay 3',
      'chest pain',
      'a.txt',
      'b.md',
    ]) {
      expect(cache, text).not.toContain(text);
    }
    // The warm run really came from the cache: a cache entry edited by hand shows through.
    const entries = JSON.parse(cache) as { entries: Record<string, { diagnostics: Array<{ severity: string }> }> };
    for (const e of Object.values(entries.entries)) for (const d of e.diagnostics) d.severity = 'hint';
    writeFileSync(join(dir, '.reframecache'), JSON.stringify(entries));
    const tampered = parseLintRun((await reframe(['--format', 'json', '--cache', '.'], { cwd: dir })).stdout);
    expect(tampered.files.flatMap((f) => f.diagnostics.map((d) => d.severity)).every((s) => s === 'hint')).toBe(true);
    // Content changes invalidate that file's entry.
    write({ 'c.txt': 'Nothing to see: he is an addict.\n' });
    const changed = parseLintRun((await reframe(['--format', 'json', '--cache', '.'], { cwd: dir })).stdout);
    expect(changed.files.find((f) => f.path === 'c.txt')?.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['substance/addict', 'warning'],
    ]);
    // Config changes invalidate every entry.
    write({ '.reframerc.json': '{"rules":{"suicide/*":"info"}}' });
    const reconfigured = parseLintRun((await reframe(['--format', 'json', '--cache', '.'], { cwd: dir })).stdout);
    expect(reconfigured.files.find((f) => f.path === 'a.txt')?.diagnostics.map((d) => d.severity)).toEqual(['warning', 'info']);
  });

  it('honours --cache-location', async () => {
    const { dir } = tree({ 'a.txt': 'He committed suicide.\n' });
    await reframe(['--cache', '--cache-location', 'tmp/cache.json', 'a.txt'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'tmp', 'cache.json'), 'utf8')).version).toBe(4);
    const bad = await reframe(['--cache-location', 'x.json', 'a.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
  });
});

describe('parallel linting', () => {
  it('uses worker threads (--jobs, or automatically for big trees) with the same results, in the same order', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 240; i++) {
      const body =
        i % 3 === 0
          ? `Note ${i}: he committed suicide.\n`
          : i % 3 === 1
            ? `Note ${i}: the addict in bay ${i}.\n`
            : `Note ${i}: denies chest pain.\n`;
      files[`notes/${String(i % 7)}/n${i}.txt`] = body;
    }
    const { dir } = tree(files);
    const parallel = await reframe(['--format', 'json', '--jobs', '2', 'notes'], { cwd: dir, env: { REFRAME_DEBUG: '1' } });
    expect(parallel.stderr).toContain('linting 240 files on 2 worker threads');
    const serial = await reframe(['--format', 'json', '--jobs', '1', 'notes'], { cwd: dir, env: { REFRAME_DEBUG: '1' } });
    expect(serial.stderr).not.toContain('worker threads');
    expect(parallel.stdout).toBe(serial.stdout);
    const lintRun = parseLintRun(parallel.stdout);
    expect(lintRun.files).toHaveLength(240);
    expect(lintRun.summary.errors).toBe(80);
    expect(lintRun.summary.warnings).toBe(80);
    // Automatic: 240 small files are faster on one thread than on workers that each compile the rules.
    const auto = await reframe(['--format', 'json', 'notes'], { cwd: dir, env: { REFRAME_DEBUG: '1' } });
    expect(auto.stderr).not.toContain('worker threads');
    expect(auto.stdout).toBe(serial.stdout);
  });

  it('goes parallel automatically past 200 files and 16 MB', async () => {
    const files: Record<string, string> = {};
    const filler = 'Denies chest pain. Clean wound, healing well. '.repeat(1900);
    for (let i = 0; i < 210; i++) files[`n${i}.txt`] = `${filler}\nHe committed suicide.\n`;
    const { dir } = tree(files);
    const r = await reframe(['--format', 'json', '.'], { cwd: dir, env: { REFRAME_DEBUG: '1' } });
    expect(r.stderr).toMatch(/linting 210 files on \d+ worker threads/);
    expect(parseLintRun(r.stdout).summary.errors).toBe(210);
  });

  it('reports a config error found on a worker thread with exit 2', async () => {
    const files: Record<string, string> = { 'notes/.reframerc.json': '{"rules":{"nope/nothing":"off"}}' };
    for (let i = 0; i < 210; i++) files[`notes/n${i}.txt`] = 'Denies chest pain.\n';
    const { dir } = tree(files);
    const r = await reframe(['--jobs', '2', 'notes'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "nope/nothing"');
  });
});

describe('--changed-since', () => {
  function git(dir: string, ...args: string[]) {
    execFileSync('git', args, {
      cwd: dir,
      stdio: 'pipe',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e.invalid',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e.invalid',
      },
    });
  }

  it('reports only findings on lines changed since the ref, plus new files', async () => {
    const { dir, write } = tree({
      'a.txt': 'The addict in bay 1.\nLine two.\nLine three.\n',
      'b.txt': 'He committed suicide.\n',
    });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    write({ 'a.txt': 'The addict in bay 1.\nThe addict in bay 2.\nLine three.\n', 'c.txt': 'Wheelchair-bound.\n' });
    const r = await reframe(['--format', 'json', '--changed-since', 'HEAD', '.'], { cwd: dir });
    const lintRun = parseLintRun(r.stdout);
    expect(findings(lintRun)).toEqual({ 'a.txt': ['substance/addict'], 'c.txt': ['disability/wheelchair-bound'] });
    expect(lintRun.files[0]?.diagnostics[0]?.range.start.line).toBe(2);
    // Without the option every finding is reported.
    expect(findings(parseLintRun((await reframe(['--format', 'json', '.'], { cwd: dir })).stdout))).toEqual({
      'a.txt': ['substance/addict', 'substance/addict'],
      'b.txt': ['suicide/committed-suicide'],
      'c.txt': ['disability/wheelchair-bound'],
    });
    // --fix touches only changed lines too.
    write({ 'b.txt': 'He committed suicide.\nShe committed suicide.\n' });
    await reframe(['--fix', '--changed-since', 'HEAD', 'b.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('He committed suicide.\nShe died by suicide.\n');
  });

  it('reports an unknown ref with exit 2', async () => {
    const { dir } = tree({ 'a.txt': 'x\n' });
    git(dir, 'init', '-q');
    const r = await reframe(['--changed-since', 'no-such-branch', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown git ref "no-such-branch"');
  });
});
