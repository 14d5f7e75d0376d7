import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { reframe, tempTrees } from './helpers.js';

// Several real processes per test, on a shared machine: allow time.
vi.setConfig({ testTimeout: 120_000 });

// Every fixture is invented.
const BEFORE = [
  '# Ward notes',
  '',
  'The addict in bay 3 was reviewed this morning.',
  '',
  'Her uncle committed suicide in 2015.',
  '',
  'He has been wheelchair-bound since the accident.',
  '',
].join('\n');

// Edited: a new paragraph at the top moves every offset; one finding fixed, one added.
const AFTER = [
  '# Ward notes',
  '',
  'Seen with the interpreter present. Plan agreed with the family and the ward team.',
  '',
  'The addict in bay 3 was reviewed this morning.',
  '',
  'Her uncle committed suicide in 2015.',
  '',
  'He uses a wheelchair since the accident.',
  '',
  'The client claims the pain started on Sunday.',
  '',
].join('\n');

interface AuditReportJson {
  files: Array<{ path: string; diagnostics: Array<{ ruleId: string; status?: string; actual: string }> }>;
  resolved?: Array<{ path: string; ruleId: string; location: string; actual: string }>;
}

const tree = tempTrees();

function statuses(report: AuditReportJson): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const f of report.files) for (const d of f.diagnostics) out[`${f.path} ${d.ruleId}`] = d.status;
  return out;
}

describe('reframe report --baseline', () => {
  it('marks findings new, unchanged or resolved against a plain `reframe --format json` result', async () => {
    const { dir, write } = tree({ 'notes/ward.md': BEFORE, 'notes/other.txt': 'Known alcoholic, lives alone.\n' });
    const before = await reframe(['--format', 'json', '--output-file', 'previous.json', 'notes'], { cwd: dir });
    expect(before.code).toBe(1);
    write({ 'notes/ward.md': AFTER });

    const r = await reframe(['report', 'notes', '--baseline', 'previous.json', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout) as AuditReportJson;
    expect(statuses(report)).toEqual({
      'notes/other.txt substance/alcoholic': 'unchanged',
      'notes/ward.md substance/addict': 'unchanged',
      'notes/ward.md suicide/committed-suicide': 'unchanged',
      'notes/ward.md credibility/claims': 'new',
    });
    expect(report.resolved).toEqual([
      {
        path: 'notes/ward.md',
        ruleId: 'disability/wheelchair-bound',
        category: 'disability',
        severity: 'warning',
        actual: 'been wheelchair-bound',
        location: 'line 7, column 8',
      },
    ]);

    const html = await reframe(['report', 'notes', '--baseline', 'previous.json', '-o', 'report.html'], { cwd: dir });
    expect(html.stderr).toContain('wrote report.html (4 findings in 2 files, 1 new, 1 resolved)');
    const page = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(page.match(/<span class="badge status-new">new<\/span>/g)).toHaveLength(1);
    expect(page.match(/<span class="badge status-unchanged">unchanged<\/span>/g)).toHaveLength(3);
    expect(page).toContain('<h2>Resolved since the baseline (1)</h2>');
    expect(page).toMatch(
      /<tr class="resolved"><td>notes\/ward.md<\/td><td>line 7, column 8<\/td><td><code>disability\/wheelchair-bound<\/code>/,
    );
    expect(page).toContain('<select id="filter-status">');

    const md = await reframe(['report', 'notes', '--baseline', 'previous.json', '--format', 'markdown'], { cwd: dir });
    expect(md.stdout).toContain('Since the baseline: **1 new**, 3 unchanged, 1 resolved.');
    expect(md.stdout).toContain('| notes/ward.md | line 11, column 12 | Info | credibility/claims | claims |');
  });

  it('uses the words around a finding when the baseline is report JSON, so the right one of two is resolved', async () => {
    const twice = 'The addict in bay 3 was reviewed.\n\nLater the addict in bay 9 asked to leave.\n';
    const { dir, write } = tree({ 'ward.md': twice });
    const saved = await reframe(['report', '.', '--format', 'json', '--output', 'previous.json'], { cwd: dir });
    expect(saved.code).toBe(1);
    const plain = await reframe(['--format', 'json', '--output-file', 'plain.json', 'ward.md'], { cwd: dir });
    expect(plain.code).toBe(1);
    // The first sentence is rewritten; the second one stays (and moves up a line).
    write({ 'ward.md': 'A person who uses drugs in bay 3 was reviewed.\nLater the addict in bay 9 asked to leave.\n' });

    const withContext = JSON.parse(
      (await reframe(['report', '.', '--baseline', 'previous.json', '-f', 'json'], { cwd: dir })).stdout,
    ) as AuditReportJson;
    expect(statuses(withContext)).toEqual({ 'ward.md substance/addict': 'unchanged' });
    expect(withContext.resolved?.map((r) => r.location)).toEqual(['line 1, column 1']);

    // Without context, findings pair up in order: the first old one is taken as the survivor.
    const inOrder = JSON.parse(
      (await reframe(['report', '.', '--baseline', 'plain.json', '-f', 'json'], { cwd: dir })).stdout,
    ) as AuditReportJson;
    expect(statuses(inOrder)).toEqual({ 'ward.md substance/addict': 'unchanged' });
    expect(inOrder.resolved?.map((r) => r.location)).toEqual(['line 3, column 7']);
  });

  it('--fail-on-new fails only on new findings at or above the failing severity', async () => {
    const { dir, write } = tree({ 'ward.md': BEFORE });
    expect((await reframe(['--format', 'json', '-o', 'previous.json', 'ward.md'], { cwd: dir })).code).toBe(1);

    // Nothing new: existing errors do not fail the run.
    const same = await reframe(['report', 'ward.md', '--baseline', 'previous.json', '--fail-on-new', '-f', 'markdown'], { cwd: dir });
    expect(same.code).toBe(0);
    const withoutFlag = await reframe(['report', 'ward.md', '--baseline', 'previous.json', '-f', 'markdown'], { cwd: dir });
    expect(withoutFlag.code).toBe(1);

    // A new info-level finding: below the default failing severity (warning)...
    write({ 'ward.md': `${BEFORE}\nThe client claims the pain started on Sunday.\n` });
    const info = await reframe(['report', 'ward.md', '--baseline', 'previous.json', '--fail-on-new', '-f', 'markdown'], { cwd: dir });
    expect(info.code).toBe(0);
    const infoFails = await reframe(
      ['report', 'ward.md', '--baseline', 'previous.json', '--fail-on-new', '--fail-on', 'info', '-f', 'markdown'],
      {
        cwd: dir,
      },
    );
    expect(infoFails.code).toBe(1);

    // ...and a new error-level finding fails.
    write({ 'ward.md': `${BEFORE}\nHis brother committed suicide last year.\n` });
    const error = await reframe(['report', 'ward.md', '--baseline', 'previous.json', '--fail-on-new', '-f', 'markdown'], { cwd: dir });
    expect(error.code).toBe(1);
    expect(error.stdout).toContain('**1 new**');
  });

  it('rejects a baseline that is not a reframe JSON report, naming the file and the place', async () => {
    const { dir } = tree({
      'ward.md': BEFORE,
      'broken.json': '{"version":1,"files":[',
      'wrong.json': '{"version":1,"files":[{"path":"a.md","diagnostics":[{"actual":"x"}]}]}',
    });
    const broken = await reframe(['report', 'ward.md', '--baseline', 'broken.json'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('--baseline broken.json: not valid JSON');
    const wrong = await reframe(['report', 'ward.md', '--baseline', 'wrong.json'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--baseline wrong.json: files[0].diagnostics[0]: has no "ruleId"');
    const missing = await reframe(['report', 'ward.md', '--baseline', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--baseline nope.json: cannot read (ENOENT)');
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ version: 2, files: [] }));
    const version = await reframe(['report', 'ward.md', '--baseline', 'old.json'], { cwd: dir });
    expect(version.code).toBe(2);
    expect(version.stderr).toContain('not a reframe JSON report with "version": 1');
  });
});
