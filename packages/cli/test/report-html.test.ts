import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { reframe, tempTrees } from './helpers.js';

// Every fixture is invented.
const NOTES = {
  'notes/session.md': '# Session notes\n\nHer uncle committed suicide in 2015, and the client claims she now sleeps well.\n',
  'notes/intake.txt': 'He has been wheelchair-bound since the accident.\nDenies chest pain. Clean wound, healing well.\n',
  'notes/clean.txt': 'Urine drug screen negative. Diagnosis: bipolar I disorder.\n',
};

// Several real processes per test, on a shared machine: allow time.
vi.setConfig({ testTimeout: 120_000 });

const tree = tempTrees();

/** Every src/href in the page, with the tag it is on. */
function references(page: string): Array<{ tag: string; attr: string; value: string }> {
  const out: Array<{ tag: string; attr: string; value: string }> = [];
  for (const tag of page.match(/<[a-zA-Z][^>]*>/g) ?? []) {
    const name = /^<([a-zA-Z0-9-]+)/.exec(tag)?.[1]?.toLowerCase() ?? '';
    for (const m of tag.matchAll(/\s(src|href|xlink:href|action|srcset|poster|data)\s*=\s*"([^"]*)"/gi)) {
      out.push({ tag: name, attr: (m[1] ?? '').toLowerCase(), value: m[2] ?? '' });
    }
  }
  return out;
}

describe('reframe report: HTML', () => {
  it('writes one self-contained page with the findings, charts, top terms and filters', async () => {
    const { dir } = tree(NOTES);
    const r = await reframe(['report', 'notes', '--output', 'out/report.html'], { cwd: dir });
    expect(r.stderr).toContain('wrote out/report.html (3 findings in 3 files)');
    expect(r.code).toBe(1); // an error-level finding fails, as with `reframe`
    const page = readFileSync(join(dir, 'out/report.html'), 'utf8');

    // Self-contained: no external script, style, font or image; nothing but source links leaves the page.
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(page).not.toMatch(/<script\b[^>]*\bsrc=/i);
    for (const ref of references(page)) {
      expect(ref.attr, JSON.stringify(ref)).toBe('href');
      if (/^https?:/i.test(ref.value)) expect(ref.tag).toBe('a');
    }
    // (Quotes in attributes are written as entities; the browser reads them as ' again.)
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);

    // Findings with their location, sentence, suggestions, note and cited sources.
    expect(page.match(/<li class="finding /g)).toHaveLength(3);
    expect(page).toContain('notes/session.md — line 3, column 11');
    expect(page).toContain('Her uncle <mark>committed suicide</mark> in 2015, and the client claims she now sleeps well.');
    expect(page).toContain('<li>died by suicide</li>');
    expect(page).toContain('links suicide with crime or sin');
    expect(page).toMatch(/<a href="https:\/\/mindframe\.org\.au\/[^"]+" rel="noopener noreferrer">Mindframe/);
    expect(page).toContain('notes/intake.txt — line 1, column 8');
    // Clinical wording in the same files is not a finding.
    expect(page).not.toContain('<mark>Clean</mark>');
    expect(page).not.toContain('<mark>negative</mark>');

    // Charts: inline SVG bars with labels and numbers (not colour alone), one per category.
    expect(page).toContain('<figcaption>Findings by category</figcaption>');
    for (const category of ['suicide', 'credibility', 'disability']) {
      expect(page).toMatch(new RegExp(`data-filter="category" data-value="${category}" aria-label="${category}: 1 finding`));
    }
    expect(page).toContain('<pattern id="sev-error"');
    expect(page).toMatch(/<text [^>]*class="bar-value">2<\/text>/); // notes/session.md has two
    // Top terms with repairs; filters for category, severity and file.
    expect(page).toMatch(/<tr><td>committed suicide<\/td><td class="n">1<\/td><td>died by suicide · took their own life<\/td>/);
    for (const filter of ['filter-category', 'filter-severity', 'filter-file']) expect(page).toContain(`<select id="${filter}">`);
    expect(page).toContain('<option value="notes/session.md">notes/session.md (2)</option>');
  });

  it('escapes document text and file names: nothing from a document becomes markup', async () => {
    const { dir } = tree({
      'evil <b>name</b>.md':
        'The addict wrote <script>alert(1)</script> and <img src="https://tracker.invalid/x.png" onerror="alert(2)"> on the "board" & left.\n',
    });
    const r = await reframe(['report', '.', '-o', 'r.html'], { cwd: dir });
    expect(r.code).toBe(1);
    const page = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(page).toContain('<mark>The addict</mark>');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>name</b>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=&quot;https://tracker.invalid/x.png&quot; onerror=&quot;alert(2)&quot;&gt;');
    expect(page).toContain('data-file="evil &lt;b&gt;name&lt;/b&gt;.md"');
    // Only the page's own script element exists.
    expect(page.match(/<script\b/g)).toHaveLength(1);
  });

  it('--redact leaves out the flagged words and their sentences, in every format', async () => {
    const { dir } = tree({ 'note.md': 'Mr Quillfeather said his COMMITTED SUICIDE remark upset Zanzibarine.\n' });
    const plain = await reframe(['report', 'note.md', '-o', 'plain.html'], { cwd: dir });
    expect(plain.code).toBe(1);
    const shown = readFileSync(join(dir, 'plain.html'), 'utf8');
    expect(shown).toContain('COMMITTED SUICIDE');
    expect(shown).toContain('Zanzibarine');

    const r = await reframe(['report', 'note.md', '--redact', '-o', 'redacted.html'], { cwd: dir });
    expect(r.code).toBe(1);
    const page = readFileSync(join(dir, 'redacted.html'), 'utf8');
    for (const text of ['COMMITTED SUICIDE', 'Zanzibarine', 'Quillfeather', 'remark upset']) expect(page).not.toContain(text);
    expect(page).toMatch(/suicide\/committed-suicide: consider “died by suicide”/i);
    expect(page).toContain('document text redacted');
    expect(page.match(/<li class="finding /g)).toHaveLength(1);
    expect(page).not.toContain('<blockquote');

    for (const format of ['markdown', 'json']) {
      const out = await reframe(['report', 'note.md', '--redact', '--format', format], { cwd: dir });
      expect(out.stdout).toContain('suicide/committed-suicide');
      for (const text of ['COMMITTED SUICIDE', 'Zanzibarine', 'Quillfeather']) expect(out.stdout).not.toContain(text);
    }
  });

  it('never audits the report it writes, even when written inside the audited folder', async () => {
    const { dir } = tree({ 'notes/session.md': NOTES['notes/session.md'] });
    for (let run = 0; run < 2; run++) {
      const r = await reframe(['report', 'notes', '-o', 'notes/report.html'], { cwd: dir });
      expect(r.stderr).toContain('wrote notes/report.html (2 findings in 1 file)');
    }
    const json = await reframe(['report', 'notes', '-f', 'json'], { cwd: dir });
    // Without --output naming it, an HTML file in the folder is an ordinary document again.
    expect((JSON.parse(json.stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path)).toEqual([
      'notes/report.html',
      'notes/session.md',
    ]);
  });

  it('reads the whole sample curriculum (Markdown, .docx, .pptx, .odt) with every network attempt blocked', async () => {
    const { dir } = tree({});
    const preload = fileURLToPath(new URL('../../core/test/fixtures/no-network.cjs', import.meta.url));
    const curriculum = fileURLToPath(new URL('../../../examples/curriculum', import.meta.url));
    const r = await reframe(['report', curriculum, '-f', 'json', '-o', 'audit.json'], {
      cwd: dir,
      env: { NODE_OPTIONS: `--require ${preload}` },
    });
    expect(r.stderr).not.toContain('REFRAME-NETWORK-ATTEMPT');
    expect(r.stderr).not.toContain('skipped');
    expect(r.code).toBe(1);
    const audit = JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8')) as { files: Array<{ path: string; diagnostics: unknown[] }> };
    const counts = Object.fromEntries(audit.files.map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1), f.diagnostics.length > 0]));
    expect(counts).toEqual({
      'README.md': false,
      'assessment-rubric.odt': true,
      'week-1-course-outline.md': true,
      'week-2-substance-use-handout.docx': true,
      'week-3-suicide-prevention.pptx': true,
      'week-4-disability-and-mental-health.md': true,
    });
  });

  it('reports usage errors with exit code 2', async () => {
    const { dir } = tree(NOTES);
    const cases: Array<[string[], string]> = [
      [['report'], 'no files or folders given'],
      [['report', 'notes', '--format', 'pdf'], 'unknown report format "pdf"'],
      [['report', 'notes', '--fail-on-new'], '--fail-on-new needs --baseline FILE'],
      [['report', 'notes', '--fail-on', 'fatal'], '--fail-on takes error, warning, info or hint'],
      [['report', 'missing-folder'], 'missing-folder: no such file or folder'],
      [['report', 'notes', '--bogus'], "Unknown option '--bogus'"],
    ];
    for (const [args, message] of cases) {
      const r = await reframe(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    }
    const help = await reframe(['report', '--help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: reframe report');
  });

  it('exits 0 when nothing reaches --fail-on, and prints to standard output without --output', async () => {
    const { dir } = tree({ 'n.md': 'The client claims she now sleeps well.\n' });
    const r = await reframe(['report', 'n.md'], { cwd: dir });
    expect(r.code).toBe(0); // "claims" is info in the clinical-notes preset
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout).toContain('<mark>claims</mark>');
    const stricter = await reframe(['report', 'n.md', '--fail-on', 'info'], { cwd: dir });
    expect(stricter.code).toBe(1);
  });
});

describe('reframe report --format markdown', () => {
  it('prints a short summary table for a pull request or CI job summary', async () => {
    const { dir } = tree({ ...NOTES, 'odd|name.md': 'Her uncle committed suicide.\n' });
    const r = await reframe(['report', '.', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(1);
    const md = r.stdout;
    expect(md).toContain('### Reframe language audit');
    expect(md).toContain('**4 findings** in 3 of 4 files (2 errors, 1 warning, 1 info).');
    expect(md).toContain('| Category | Error | Warning | Info | Hint | Total |');
    expect(md).toContain('| suicide | 2 | 0 | 0 | 0 | 2 |');
    expect(md).toContain('| credibility | 0 | 0 | 1 | 0 | 1 |');
    expect(md).toContain('| notes/session.md | 2 |');
    expect(md).toContain('| odd\\|name.md | 1 |'); // a pipe in a name does not break the table
    expect(md).toContain('| committed suicide | 2 | died by suicide / took their own life |');
    expect(md.split('\n').length).toBeLessThan(30);
  });
});
