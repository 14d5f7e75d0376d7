import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseLintRun, reframe, tempTrees } from './helpers.js';

// Invented notes. Distinctive words ("Quillfeather", "Brannock") make leaks of document text easy to spot.
const NOTE_TXT = 'Mr Quillfeather was reviewed on ward 7.\nHe is wheelchair-bound after the fall, and his uncle committed suicide.\n';
const NOTE_MD = '# Brannock review\n\nThe addict in bay 3 claims the pain is gone: "50%, a,b".\n';
// Chart headings and a record of the patient: read as a chart note.
const CHART_NOTE = [
  'HISTORY OF PRESENT ILLNESS: The patient is a 39-year-old man who presents with four days of ankle pain after a fall.',
  'He claims he did not hit his head. PAST MEDICAL HISTORY: Eczema. MEDICATIONS: None.',
  'EXAM: Swelling over the lateral malleolus. No bruising. PLAN: X-ray of the left ankle; follow-up in ten days.',
  '',
].join('\n');

const tree = tempTrees();

function sarifValidator() {
  // The official SARIF 2.1.0 schema (draft-04), as shipped by Microsoft's @microsoft/jest-sarif package.
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  // The schema's "language" pattern is not valid as a Unicode regular expression; it is as a plain one.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('stylish (default)', () => {
  it('groups by file with location, severity, flagged text, repair, rule id, source and a summary', async () => {
    const { dir } = tree({ 'a.txt': NOTE_TXT, 'b.md': NOTE_MD, 'c.txt': 'Denies chest pain.\n' });
    const r = await reframe(['.'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).not.toContain('\u001b[');
    expect(out).toContain(
      'a.txt\n  2:4      warning “is wheelchair-bound”  disability/wheelchair-bound\n           → uses a wheelchair  (or: is a wheelchair user)',
    );
    expect(out).toMatch(/2:\d+ +error +“committed suicide” +suicide\/committed-suicide/);
    expect(out).toContain('source: Mindframe');
    expect(out).not.toContain('c.txt');
    expect(out).toContain('✖ 4 findings (1 error, 2 warnings, 1 info, 0 hints) in 2 files of 3');
    expect(out).toContain('2 findings can be fixed automatically with --fix.');
  });

  it('colours only when asked or at a terminal, never with --no-color or NO_COLOR', async () => {
    const { dir } = tree({ 'a.txt': NOTE_TXT });
    expect((await reframe(['a.txt'], { cwd: dir })).stdout).not.toContain('\u001b[');
    expect((await reframe(['--color', 'a.txt'], { cwd: dir })).stdout).toContain('\u001b[');
    expect((await reframe(['--color', '--no-color', 'a.txt'], { cwd: dir })).stdout).not.toContain('\u001b[');
    expect((await reframe(['a.txt'], { cwd: dir, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('says so when there is nothing to report (exit 0)', async () => {
    const { dir } = tree({ 'a.md': '# Plan\n\nDenies chest pain. Urine drug screen negative.\n' });
    const r = await reframe(['a.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ No findings in 1 file.\n');
  });
});

describe('json', () => {
  it('keeps the versioned shape other tools build on', async () => {
    const { dir } = tree({ 'a.txt': NOTE_TXT });
    const r = await reframe(['--format', 'json', 'a.txt'], { cwd: dir });
    const lintRun = parseLintRun(r.stdout);
    expect(Object.keys(lintRun)).toEqual(['version', 'files', 'summary']);
    expect(lintRun.version).toBe(1);
    expect(Object.keys(lintRun.files[0] ?? {})).toEqual(['path', 'genre', 'diagnostics']);
    // Two sentences: too little text to tell its genre.
    expect(lintRun.files[0]?.genre).toEqual({ genre: null, source: 'detected' });
    const d = lintRun.files[0]?.diagnostics[0];
    expect(d).toMatchObject({
      ruleId: 'disability/wheelchair-bound',
      severity: 'warning',
      actual: 'is wheelchair-bound',
      range: { start: { line: 2, column: 4, offset: 43 }, end: { line: 2, column: 23, offset: 62 } },
      fix: { range: [43, 62], text: 'uses a wheelchair' },
    });
    expect(lintRun.summary).toEqual({ files: 1, filesWithFindings: 1, errors: 1, warnings: 1, infos: 0, hints: 0, fixable: 2, skipped: 0 });
  });
});

describe('sarif', () => {
  it('is valid SARIF 2.1.0 with rules, help, regions and fixes', async () => {
    const { dir } = tree({ 'notes/a.txt': NOTE_TXT, 'notes/b.md': NOTE_MD });
    const r = await reframe(['--format', 'sarif', 'notes'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('reframe');
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'suicide/committed-suicide');
    expect(rule.helpUri).toMatch(/^https:\/\//);
    expect(rule.help.text).toContain('died by suicide');
    expect(rule.fullDescription.text).toContain('"Commit" links suicide');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'suicide/committed-suicide');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('suicide/committed-suicide');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('notes/a.txt');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 2, snippet: { text: 'committed suicide' } });
    expect(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('died by suicide');
    expect(run.results.map((x: { level: string }) => x.level).sort()).toEqual(['error', 'note', 'warning', 'warning']);
  });

  it('carries each document genre in its artifact property bag, and stays valid', async () => {
    const { dir } = tree({ 'notes/chart.txt': CHART_NOTE, 'notes/short.txt': NOTE_TXT });
    const r = await reframe(['--format', 'sarif', 'notes'], { cwd: dir });
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const artifacts = log.runs[0].artifacts as Array<{ location: { uri: string }; properties?: object }>;
    expect(artifacts.find((a) => a.location.uri === 'notes/chart.txt')?.properties).toEqual({
      genre: 'chart-note',
      genreSource: 'detected',
    });
    // No genre settled: no property bag (SARIF bags carry no nulls).
    expect(artifacts.find((a) => a.location.uri === 'notes/short.txt')).not.toHaveProperty('properties');
  });

  it('is valid for a clean run too', async () => {
    const { dir } = tree({ 'a.txt': 'Denies chest pain.\n' });
    const r = await reframe(['--format', 'sarif', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    const validate = sarifValidator();
    expect(validate(JSON.parse(r.stdout))).toBe(true);
  });
});

describe('github', () => {
  it('prints escaped workflow commands', async () => {
    const { dir } = tree({ 'we,ird:name.md': NOTE_MD, 'a.txt': NOTE_TXT, '50%.txt': 'He committed suicide.\n' });
    const r = await reframe(['--format', 'github', '--fail-on', 'error', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const wheelchair =
      '::warning file=a.txt,line=2,col=4,endLine=2,endColumn=23,title=reframe disability/wheelchair-bound::Consider “uses a wheelchair” instead of “is wheelchair-bound” (source: National Center on Disability';
    expect(lines.filter((l) => l.startsWith(wheelchair))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('::error file=a.txt,line=2,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::notice file=we%2Cird%3Aname.md,line=3,col=21,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::error file=50%25.txt,line=1,col=4,'))).toBe(true);
    for (const line of lines)
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::[^\n\r]+$/);
  });
});

describe('junit', () => {
  it('writes one suite per file and a failing case per finding, escaped', async () => {
    const { dir } = tree({ 'a&b.txt': NOTE_TXT, 'clean.txt': 'Denies chest pain.\n' });
    const r = await reframe(['--format', 'junit', '.'], { cwd: dir });
    const xml = r.stdout;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="reframe" tests="3" failures="2" errors="0">')).toBe(
      true,
    );
    expect(xml).toContain('<testsuite name="a&amp;b.txt" tests="2" failures="2" errors="0">');
    expect(xml).toContain('<testsuite name="clean.txt" tests="1" failures="0" errors="0">');
    expect(xml).not.toContain('<properties>'); // neither file has enough text for a genre
    expect(xml).toContain('<failure message="Consider “died by suicide” instead of “committed suicide”" type="error">');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    // Balanced tags.
    expect((xml.match(/<testcase /g) ?? []).length).toBe((xml.match(/<\/testcase>|<testcase [^>]*\/>/g) ?? []).length);
    expect((xml.match(/<testsuite /g) ?? []).length).toBe((xml.match(/<\/testsuite>/g) ?? []).length);
  });

  it('names the document genre in its suite properties', async () => {
    const { dir } = tree({ 'chart.txt': CHART_NOTE });
    const xml = (await reframe(['--format', 'junit', '.'], { cwd: dir })).stdout;
    expect(xml).toMatch(
      /<testsuite name="chart\.txt" [^>]*>\n {4}<properties>\n {6}<property name="genre" value="chart-note"\/>\n {6}<property name="genreSource" value="detected"\/>\n {4}<\/properties>\n/,
    );
  });
});

describe('--output-file, --quiet, --max-warnings, --fail-on', () => {
  it('writes the report to a file, creating folders', async () => {
    const { dir } = tree({ 'a.txt': NOTE_TXT });
    const r = await reframe(['--format', 'json', '-o', 'out/report.json', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(parseLintRun(readFileSync(join(dir, 'out', 'report.json'), 'utf8')).files[0]?.diagnostics).toHaveLength(2);
    const bad = await reframe(['-o', 'a.txt/x.json', 'a.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('a.txt/x.json: cannot write the report');
  });

  it('--quiet reports errors only', async () => {
    const { dir } = tree({ 'a.txt': NOTE_TXT, 'b.md': NOTE_MD });
    const r = await reframe(['--format', 'json', '--quiet', '.'], { cwd: dir });
    const lintRun = parseLintRun(r.stdout);
    expect(lintRun.files.flatMap((f) => f.diagnostics.map((d) => d.severity))).toEqual(['error']);
    const onlyWarnings = await reframe(['--quiet', 'b.md'], { cwd: dir });
    expect(onlyWarnings.code).toBe(0);
  });

  it('exit codes follow --fail-on and --max-warnings', async () => {
    const { dir } = tree({ 'warn.md': NOTE_MD, 'info.txt': 'Patient claims she slept well.\n', 'err.txt': NOTE_TXT });
    expect((await reframe(['info.txt'], { cwd: dir })).code).toBe(0);
    expect((await reframe(['--fail-on', 'info', 'info.txt'], { cwd: dir })).code).toBe(1);
    expect((await reframe(['warn.md'], { cwd: dir })).code).toBe(1);
    expect((await reframe(['--fail-on', 'error', 'warn.md'], { cwd: dir })).code).toBe(0);
    expect((await reframe(['--fail-on', 'error', '--max-warnings', '1', 'warn.md'], { cwd: dir })).code).toBe(0);
    const over = await reframe(['--fail-on', 'error', '--max-warnings', '0', 'warn.md'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 warnings, more than --max-warnings 0');
    expect((await reframe(['--fail-on', 'error', 'err.txt'], { cwd: dir })).code).toBe(1);
    for (const bad of [['--fail-on', 'loud'], ['--max-warnings', 'x'], ['--format', 'xml'], ['--bogus']]) {
      const r = await reframe([...bad, 'warn.md'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^reframe: /);
    }
  });
});

describe('--redact', () => {
  it('leaves no document text in any format', async () => {
    const { dir } = tree({ 'a.txt': NOTE_TXT, 'b.md': NOTE_MD });
    // Everything from the documents except the words also used by rule data (ids, notes, suggestions).
    const secrets = [
      'Quillfeather',
      'ward 7',
      'after the fall',
      'his uncle',
      'Brannock',
      'bay 3',
      'pain is gone',
      'committed suicide',
      'wheelchair-bound after',
      'The addict',
    ];
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
      const r = await reframe(['--redact', '--format', format, '.'], { cwd: dir });
      expect(r.code).toBe(1);
      for (const secret of secrets) expect(r.stdout, `${format} leaks "${secret}"`).not.toContain(secret);
      expect(r.stdout).toContain('suicide/committed-suicide');
    }
    // Without --redact the same words do appear, so the check above can fail.
    const plain = await reframe(['--format', 'sarif', '.'], { cwd: dir });
    expect(plain.stdout).toContain('committed suicide');
    const json = parseLintRun((await reframe(['--redact', '--format', 'json', '.'], { cwd: dir })).stdout);
    expect(json.files[0]?.diagnostics[0]?.actual).toBe('[redacted]');
  });
});
