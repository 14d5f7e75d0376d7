import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { findings, parseLintRun, reframe, tempTrees } from './helpers.js';

// Every fixture is invented.
const FLAGGED = 'Her uncle committed suicide in 2015.\n';
const CLEAN = 'Denies chest pain. Clean wound, healing well.\n';

const tree = tempTrees();

describe('inputs: files, folders, globs', () => {
  it('lints named files and folders recursively, in a stable order', async () => {
    const { dir } = tree({
      'a.txt': FLAGGED,
      'docs/deep/b.md': `# Note\n\n${FLAGGED}`,
      'docs/c.txt': CLEAN,
      'docs/d.html': `<p>${FLAGGED}</p>`,
    });
    const r = await reframe(['--format', 'json', 'a.txt', 'docs'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(findings(parseLintRun(r.stdout))).toEqual({
      'a.txt': ['suicide/committed-suicide'],
      'docs/c.txt': [],
      'docs/d.html': ['suicide/committed-suicide'],
      'docs/deep/b.md': ['suicide/committed-suicide'],
    });
  });

  it('expands quoted globs itself', async () => {
    const { dir } = tree({ 'notes/a.md': FLAGGED, 'notes/sub/b.md': FLAGGED, 'notes/c.txt': FLAGGED, 'other/d.md': FLAGGED });
    const r = await reframe(['--format', 'json', 'notes/**/*.md'], { cwd: dir });
    expect(Object.keys(findings(parseLintRun(r.stdout)))).toEqual(['notes/a.md', 'notes/sub/b.md']);
    const none = await reframe(['notes/**/*.docx'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no files match the pattern notes/**/*.docx');
  });

  it('respects .gitignore and .reframeignore, nested and negated', async () => {
    const { dir } = tree({
      '.gitignore': 'build/\n',
      '.reframeignore': 'drafts/*.md\n!drafts/keep.md\n',
      'build/a.md': FLAGGED,
      'drafts/b.md': FLAGGED,
      'drafts/keep.md': FLAGGED,
      'notes/.reframeignore': 'private.txt\n',
      'notes/private.txt': FLAGGED,
      'notes/open.txt': FLAGGED,
    });
    const r = await reframe(['--format', 'json', '.'], { cwd: dir });
    expect(Object.keys(findings(parseLintRun(r.stdout)))).toEqual(['drafts/keep.md', 'notes/open.txt']);
    // Named explicitly but ignored: skipped with a notice, as for pre-commit hooks passing file names.
    const explicit = await reframe(['--format', 'json', 'notes/private.txt', 'notes/open.txt'], { cwd: dir });
    expect(explicit.stderr).toContain('skipped notes/private.txt: ignored by .gitignore or .reframeignore');
    expect(Object.keys(findings(parseLintRun(explicit.stdout)))).toEqual(['notes/open.txt']);
  });

  it('honours the config file ignore globs', async () => {
    const { dir } = tree({ '.reframerc.json': JSON.stringify({ ignore: ['archive/**'] }), 'archive/old.md': FLAGGED, 'new.md': FLAGGED });
    const r = await reframe(['--format', 'json', '.'], { cwd: dir });
    expect(Object.keys(findings(parseLintRun(r.stdout)))).toEqual(['new.md']);
  });

  it('reports a missing path as a usage error naming it (exit 2)', async () => {
    const { dir } = tree({});
    const r = await reframe(['nope.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.md: no such file or folder');
  });
});

describe('inputs: formats', () => {
  it('reads Markdown as Markdown (code is not prose) and text as text', async () => {
    const body = 'Ran `addict --help` today.\n';
    const { dir } = tree({ 'a.md': body, 'a.txt': body, 'b.markdown': body, 'c.mdx': body, 'd.text': body });
    const r = await reframe(['--format', 'json', '.'], { cwd: dir });
    const found = findings(parseLintRun(r.stdout));
    expect(found['a.md']).toEqual([]);
    expect(found['b.markdown']).toEqual([]);
    expect(found['c.mdx']).toEqual([]);
    expect(found['a.txt']).toEqual(['substance/addict']);
    expect(found['d.text']).toEqual(['substance/addict']);
  });

  it('reads HTML text only: scripts, styles and attributes are skipped', async () => {
    const html = `<html><head><style>.addict{}</style><script>var x = "committed suicide";</script></head>
<body><p title="addict">Seen today.</p><p>${FLAGGED}</p></body></html>\n`;
    const { dir } = tree({ 'a.html': html, 'b.htm': html });
    const r = await reframe(['--format', 'json', '.'], { cwd: dir });
    const lintRun = parseLintRun(r.stdout);
    expect(findings(lintRun)).toEqual({ 'a.html': ['suicide/committed-suicide'], 'b.htm': ['suicide/committed-suicide'] });
    expect(lintRun.files[0]?.diagnostics[0]?.range.start.line).toBe(2);
  });

  it('reads .docx through its extracted text and reports the paragraph', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Referral letter'),
            new Paragraph('Seen in clinic with her sister.'),
            new Paragraph('Wheelchair-bound since the fall. Her uncle committed suicide in 2015.'),
          ],
        },
      ],
    });
    const { dir } = tree({ 'letter.docx': await Packer.toBuffer(doc) });
    const r = await reframe(['--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    const [file] = parseLintRun(r.stdout).files;
    expect(file?.path).toBe('letter.docx');
    expect(file?.diagnostics.map((d) => [d.ruleId, d.paragraph, d.range.start.line, d.actual])).toEqual([
      ['disability/wheelchair-bound', 3, 5, 'Wheelchair-bound'],
      ['suicide/committed-suicide', 3, 5, 'committed suicide'],
    ]);
    const stylish = await reframe(['--no-color', 'letter.docx'], { cwd: dir });
    expect(stylish.stdout).toContain('¶3 5:1');
  });

  it('skips unknown and binary files with a notice, never parsing them', async () => {
    const { dir } = tree({
      'photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      'binary.txt': Buffer.concat([Buffer.from('addict '), Buffer.from([0, 1, 2, 3])]),
      'fake.docx': 'committed suicide, but not a zip',
      'ok.txt': CLEAN,
    });
    const r = await reframe(['--format', 'json', 'photo.png', 'binary.txt', 'fake.docx', 'ok.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('skipped photo.png: not a supported file type');
    expect(r.stderr).toContain('skipped binary.txt: looks binary');
    expect(r.stderr).toContain('skipped fake.docx: not a valid .docx');
    const lintRun = parseLintRun(r.stdout);
    expect(lintRun.files.map((f) => [f.path, f.skipped ?? null, f.diagnostics.length])).toEqual([
      ['photo.png', 'unsupported file type', 0],
      ['binary.txt', 'looks binary', 0],
      ['fake.docx', 'not a valid .docx (not a zip file)', 0],
      ['ok.txt', null, 0],
    ]);
    expect(lintRun.summary.skipped).toBe(3);
    // In a folder walk, files of other types are not lint targets at all.
    const walk = await reframe(['--format', 'json', '.'], { cwd: dir });
    expect(walk.stderr).not.toContain('photo.png');
  });
});

describe('inputs: --stdin', () => {
  it('lints standard input as text by default', async () => {
    const { dir } = tree({});
    const r = await reframe(['--stdin', '--format', 'json'], { cwd: dir, input: FLAGGED });
    expect(r.code).toBe(1);
    expect(findings(parseLintRun(r.stdout))).toEqual({ '<stdin>': ['suicide/committed-suicide'] });
  });

  it('takes the format and the config from --stdin-filename', async () => {
    const { dir } = tree({ 'quiet/.reframerc.yaml': 'rules:\n  substance/addict: "off"\n' });
    const body = 'The addict said `addict` twice.\n';
    const md = await reframe(['--stdin', '--stdin-filename', 'notes/x.md', '--format', 'json'], { cwd: dir, input: body });
    expect(findings(parseLintRun(md.stdout))).toEqual({ 'notes/x.md': ['substance/addict'] });
    const txt = await reframe(['--stdin', '--stdin-filename', 'notes/x.txt', '--format', 'json'], { cwd: dir, input: body });
    expect(findings(parseLintRun(txt.stdout))).toEqual({ 'notes/x.txt': ['substance/addict', 'substance/addict'] });
    const configured = await reframe(['--stdin', '--stdin-filename', 'quiet/x.md', '--format', 'json'], { cwd: dir, input: body });
    expect(configured.code).toBe(0);
    expect(findings(parseLintRun(configured.stdout))).toEqual({ 'quiet/x.md': [] });
  });

  it('rejects contradictory stdin options with exit 2', async () => {
    const { dir } = tree({ 'a.txt': CLEAN });
    expect((await reframe(['--stdin', 'a.txt'], { cwd: dir })).code).toBe(2);
    expect((await reframe(['--stdin-filename', 'a.md', 'a.txt'], { cwd: dir })).code).toBe(2);
    const fix = await reframe(['--stdin', '--fix'], { cwd: dir, input: FLAGGED });
    expect(fix.code).toBe(2);
    expect(fix.stderr).toContain('--fix cannot write to standard input');
    const unknown = await reframe(['--stdin', '--stdin-filename', 'x.pdf'], { cwd: dir, input: FLAGGED });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('x.pdf: not a supported file type');
  });
});
