import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findings, parseLintRun, reframe, tempTrees } from './helpers.js';

// "claims" is an info finding by default; "addict" a warning; "committed suicide" an error.
const NOTE = 'Patient claims the addict in bay 3 committed suicide.\n';

const tree = tempTrees();
async function ruleIds(args: string[], cwd: string): Promise<Record<string, string[]>> {
  const r = await reframe(['--format', 'json', ...args], { cwd });
  expect(r.stderr).toBe('');
  return findings(parseLintRun(r.stdout));
}

describe('config discovery', () => {
  it.each([
    ['.reframerc.json', JSON.stringify({ rules: { 'substance/addict': 'off' } })],
    ['.reframerc.yaml', 'rules:\n  substance/addict: "off"\n'],
    ['.reframerc.yml', 'rules:\n  substance/addict: "off"\n'],
    ['reframe.config.json', JSON.stringify({ rules: { 'substance/addict': 'off' } })],
    ['package.json', JSON.stringify({ name: 'x', reframe: { rules: { 'substance/addict': 'off' } } })],
  ])('finds %s upward from the file', async (name, content) => {
    const { dir } = tree({ [name]: content, 'deep/er/note.txt': NOTE });
    expect(await ruleIds(['deep'], dir)).toEqual({ 'deep/er/note.txt': ['credibility/claims', 'suicide/committed-suicide'] });
  });

  it('ignores a package.json without a "reframe" key and keeps looking upward', async () => {
    const { dir } = tree({
      '.reframerc.json': JSON.stringify({ rules: { 'credibility/*': 'off' } }),
      'sub/package.json': '{"name":"x"}',
      'sub/n.txt': NOTE,
    });
    expect(await ruleIds(['sub'], dir)).toEqual({ 'sub/n.txt': ['substance/addict', 'suicide/committed-suicide'] });
  });

  it('uses the nearest config for each file', async () => {
    const { dir } = tree({
      '.reframerc.json': JSON.stringify({ rules: { 'credibility/claims': 'off' } }),
      'a/n.txt': NOTE,
      'b/.reframerc.yaml': 'rules:\n  suicide/committed-suicide: "off"\n',
      'b/n.txt': NOTE,
    });
    expect(await ruleIds(['.'], dir)).toEqual({
      'a/n.txt': ['substance/addict', 'suicide/committed-suicide'],
      'b/n.txt': ['credibility/claims', 'substance/addict'],
    });
  });

  it('merges "extends" chains, the extending file winning', async () => {
    const { dir } = tree({
      'team/base.yaml': 'rules:\n  credibility/claims: "off"\n  substance/addict: error\n',
      'proj/.reframerc.json': JSON.stringify({ extends: '../team/base.yaml', rules: { 'substance/addict': 'hint' } }),
      'proj/n.txt': NOTE,
    });
    const r = await reframe(['--format', 'json', 'proj'], { cwd: dir });
    const diags = parseLintRun(r.stdout).files[0]?.diagnostics ?? [];
    expect(diags.map((d) => [d.ruleId, d.severity])).toEqual([
      ['substance/addict', 'hint'],
      ['suicide/committed-suicide', 'error'],
    ]);
  });

  it('reports a missing extends target and an extends cycle with exit 2', async () => {
    const { dir } = tree({
      'a/.reframerc.json': '{"extends":"./nope.json"}',
      'a/n.txt': NOTE,
      'b/.reframerc.json': '{"extends":"./c.json"}',
      'b/c.json': '{"extends":"./.reframerc.json"}',
      'b/n.txt': NOTE,
    });
    const missing = await reframe(['a'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(join(dir, 'a', '.reframerc.json'));
    expect(missing.stderr).toContain('extends "./nope.json": file not found');
    const cycle = await reframe(['b'], { cwd: dir });
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toContain('extends forms a cycle');
  });

  it('reports an invalid config with file, line and the problem (exit 2)', async () => {
    const { dir } = tree({ '.reframerc.yaml': 'preset: clinical-notes\nrules:\n  substance/addict: loud\n', 'n.txt': NOTE });
    const r = await reframe(['n.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${join(dir, '.reframerc.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: `));
    const typo = tree({ '.reframerc.json': '{"rules":{"substance/adict":"off"}}', 'n.txt': NOTE });
    const r2 = await reframe(['n.txt'], { cwd: typo.dir });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('did you mean "substance/addict"');
  });

  it('--config overrides discovery; a missing --config file is exit 2', async () => {
    const { dir } = tree({
      '.reframerc.json': JSON.stringify({ rules: { 'suicide/*': 'off' } }),
      'strict.yaml': 'rules:\n  credibility/*: error\n',
      'n.txt': NOTE,
    });
    expect(await ruleIds(['n.txt'], dir)).toEqual({ 'n.txt': ['credibility/claims', 'substance/addict'] });
    const r = await reframe(['--format', 'json', '--config', 'strict.yaml', 'n.txt'], { cwd: dir });
    expect(parseLintRun(r.stdout).files[0]?.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['credibility/claims', 'error'],
      ['substance/addict', 'warning'],
      ['suicide/committed-suicide', 'error'],
    ]);
    const missing = await reframe(['--config', 'missing.yaml', 'n.txt'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.yaml');
  });
});

describe('command-line settings', () => {
  it('--preset training-materials raises credibility hints to warnings', async () => {
    const { dir } = tree({ 'n.txt': 'Patient claims she slept well.\n' });
    const plain = await reframe(['--format', 'json', 'n.txt'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(parseLintRun(plain.stdout).files[0]?.diagnostics[0]?.severity).toBe('info');
    const training = await reframe(['--format', 'json', '--preset', 'training-materials', 'n.txt'], { cwd: dir });
    expect(training.code).toBe(1);
    expect(parseLintRun(training.stdout).files[0]?.diagnostics[0]?.severity).toBe('warning');
    const bad = await reframe(['--preset', 'novel', 'n.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown preset "novel"');
  });

  it('--rule sets severities, repeatably, over the config file', async () => {
    const { dir } = tree({ '.reframerc.json': JSON.stringify({ rules: { 'credibility/claims': 'error' } }), 'n.txt': NOTE });
    const r = await reframe(['--format', 'json', '--rule', 'credibility/claims=off', '--rule', 'suicide/*=hint', 'n.txt'], { cwd: dir });
    expect(parseLintRun(r.stdout).files[0]?.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['substance/addict', 'warning'],
      ['suicide/committed-suicide', 'hint'],
    ]);
  });

  it('--rule with an unknown id or severity is exit 2, with the nearest id suggested', async () => {
    const { dir } = tree({ 'n.txt': NOTE });
    const typo = await reframe(['--rule', 'suicide/commited-suicide=off', 'n.txt'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown rule "suicide/commited-suicide" (did you mean "suicide/committed-suicide"?)');
    const sev = await reframe(['--rule', 'suicide/committed-suicide=loud', 'n.txt'], { cwd: dir });
    expect(sev.code).toBe(2);
    expect(sev.stderr).toContain('--rule takes ID=off|error|warning|info|hint');
  });
});

describe('reframe init, rules, explain', () => {
  it('init writes a commented starter config that the linter accepts, and never overwrites', async () => {
    const { dir, write } = tree({});
    const r = await reframe(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, '.reframerc.yaml'), 'utf8');
    expect(text).toMatch(/^# Reframe configuration/);
    expect(text).toContain('preset: clinical-notes');
    write({ 'n.txt': NOTE });
    const lint = await reframe(['--format', 'json', 'n.txt'], { cwd: dir });
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(1);
    const again = await reframe(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; not overwritten');
    expect(readFileSync(join(dir, '.reframerc.yaml'), 'utf8')).toBe(text);
    const other = tree({});
    await reframe(['init', '--preset', 'training-materials'], { cwd: other.dir });
    expect(readFileSync(join(other.dir, '.reframerc.yaml'), 'utf8')).toContain('preset: training-materials');
  });

  it('rules lists every rule with its effective severity, filtered by --category', async () => {
    const { dir } = tree({ '.reframerc.json': JSON.stringify({ rules: { 'substance/addict': 'off' } }) });
    const all = await reframe(['rules'], { cwd: dir });
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/suicide\/committed-suicide\s+error\s+fixable\s+died by suicide/);
    expect(all.stdout).toMatch(/substance\/addict\s+off/);
    const json = await reframe(['rules', '--category', 'suicide', '--format', 'json'], { cwd: dir });
    const rows = JSON.parse(json.stdout) as Array<{ id: string; category: string }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.category === 'suicide')).toBe(true);
    const none = await reframe(['rules', '--category', 'astrology'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no rules in category "astrology"');
  });

  it('explain prints the note, suggestions and sources; unknown ids suggest the nearest', async () => {
    const { dir } = tree({});
    const r = await reframe(['explain', 'suicide/committed-suicide'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"Commit" links suicide with crime or sin');
    expect(r.stdout).toContain('  - died by suicide');
    expect(r.stdout).toMatch(/Sources:\n {2}- \[MINDFRAME-SUI\] .+ https:\/\//);
    const scoped = await reframe(['explain', 'relationships/assumed-partner-question'], { cwd: dir });
    expect(scoped.stdout).toContain('By genre: off in letters and answers to clients.');
    expect(r.stdout).not.toContain('Applies only');
    const typo = await reframe(['explain', 'substance/adict'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "substance/addict"');
  });
});

describe('help and version', () => {
  it('prints help and the version with exit 0, quickly (the engine is not loaded)', async () => {
    const { dir } = tree({});
    const help = await reframe(['--help'], { cwd: dir });
    expect(help.code).toBe(0);
    for (const option of [
      '--stdin-filename',
      '--changed-since',
      '--fix-dry-run',
      '--max-warnings',
      '--redact',
      '--verbose',
      '--cache-location',
      'Exit codes',
    ]) {
      expect(help.stdout).toContain(option);
    }
    const version = await reframe(['--version'], { cwd: dir });
    expect(version.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`${pkg.version}\n`);
  });
});
