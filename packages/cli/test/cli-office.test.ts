/**
 * Slide decks (.pptx) and OpenDocument text (.odt) in the main command, on the sample curriculum:
 * findings located by slide and line or by paragraph (the same places `reframe report` gives), and
 * `--fix` never writes to an office document.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type JsonDiagnostic, parseLintRun, reframe, tempTrees } from './helpers.js';

const CURRICULUM = fileURLToPath(new URL('../../../examples/curriculum', import.meta.url));
const DECK = 'week-3-suicide-prevention.pptx';
const RUBRIC = 'assessment-rubric.odt';
const HANDOUT = 'week-2-substance-use-handout.docx';

const tree = tempTrees();
/** A copy of the curriculum, so --fix can be run on it. */
function curriculumCopy(): string {
  const t = tree();
  cpSync(CURRICULUM, t.dir, { recursive: true });
  return t.dir;
}

const places = (diagnostics: JsonDiagnostic[] = []) =>
  diagnostics.map(({ ruleId, paragraph, slide, notes, slideLine }) => ({ ruleId, paragraph, slide, notes, slideLine }));

describe('office documents in the main command', { timeout: 120_000 }, () => {
  it('lints .pptx and .odt, located as the audit report locates them', async () => {
    const dir = curriculumCopy();
    const lint = await reframe(['--format', 'json', '.'], { cwd: dir });
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(1);
    const lintRun = parseLintRun(lint.stdout);
    const byPath = new Map(lintRun.files.map((f) => [f.path, f]));
    const deck = byPath.get(DECK)?.diagnostics ?? [];
    const rubric = byPath.get(RUBRIC)?.diagnostics ?? [];
    expect(deck.length).toBeGreaterThan(0);
    expect(rubric.length).toBeGreaterThan(0);
    // A slide finding names its slide, whether it is in the speaker notes, and its line; an .odt one its paragraph.
    for (const d of deck) {
      expect(d.slide).toBeGreaterThanOrEqual(1);
      expect(typeof d.notes).toBe('boolean');
      expect(d.slideLine).toBeGreaterThanOrEqual(1);
    }
    expect(deck.some((d) => d.notes) && deck.some((d) => !d.notes)).toBe(true);
    for (const d of rubric) expect(d.paragraph).toBeGreaterThanOrEqual(1);
    // Nothing in an office document is offered as an automatic fix.
    for (const name of [DECK, RUBRIC, HANDOUT]) expect(byPath.get(name)?.diagnostics.some((d) => d.fix)).toBe(false);

    // The audit report reads the same files independently of this path; the places must agree.
    const audit = await reframe(['report', '--format', 'json', '.'], { cwd: dir });
    const audited = new Map(parseLintRun(audit.stdout).files.map((f) => [f.path, f]));
    for (const name of [DECK, RUBRIC, HANDOUT]) {
      expect(places(byPath.get(name)?.diagnostics), name).toEqual(places(audited.get(name)?.diagnostics));
    }
  });

  it('shows slide and line in stylish, github and sarif output', async () => {
    const dir = curriculumCopy();
    const json = parseLintRun((await reframe(['--format', 'json', DECK], { cwd: dir })).stdout);
    const first = json.files[0]?.diagnostics[0];
    if (!first?.slide) throw new Error('expected a finding on a slide');
    const where = `slide ${first.slide}${first.notes ? ' notes' : ''}`;

    const stylish = await reframe(['--no-color', DECK], { cwd: dir });
    expect(stylish.stdout).toContain(`${where} line ${first.slideLine} `);
    expect(stylish.stdout).not.toContain('[fixable]');

    const github = await reframe(['--format', 'github', DECK], { cwd: dir });
    const annotation = github.stdout.split('\n')[0] ?? '';
    expect(annotation).not.toMatch(/,line=/); // a deck has no lines for GitHub to point at
    expect(annotation).toContain(`::${where}, line ${first.slideLine}: `);

    const sarif = JSON.parse((await reframe(['--format', 'sarif', DECK], { cwd: dir })).stdout) as {
      runs: Array<{ results: Array<{ message: { text: string }; properties?: Record<string, unknown>; locations: unknown[] }> }>;
    };
    const result = sarif.runs[0]?.results[0];
    expect(result?.message.text.startsWith(`Slide ${first.slide}`)).toBe(true);
    expect(result?.properties).toMatchObject({ slide: first.slide, notes: first.notes, slideLine: first.slideLine });
  });

  it('--cache gives the same output, places included, on the second run', async () => {
    const dir = curriculumCopy();
    const first = await reframe(['--cache', '--format', 'json', '.'], { cwd: dir });
    const second = await reframe(['--cache', '--format', 'json', '.'], { cwd: dir });
    expect(readFileSync(join(dir, '.reframecache'), 'utf8')).not.toContain('"entries":{}');
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toContain('"slideLine"');
  });

  it('--fix and --fix-dry-run never write to .pptx, .odt or .docx, and say so', async () => {
    const dir = curriculumCopy();
    const before = new Map(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n))]));
    const dry = await reframe(['--fix-dry-run', '.'], { cwd: dir });
    expect(dry.stdout).not.toMatch(/\.(pptx|odt|docx)/);
    const fix = await reframe(['--fix', '.'], { cwd: dir });
    for (const [name, kind, editor] of [
      [DECK, 'pptx', 'the presentation program'],
      [RUBRIC, 'odt', 'a word processor'],
      [HANDOUT, 'docx', 'a word processor'],
    ]) {
      expect(fix.stderr).toContain(`${name}: fixes are not applied to .${kind} files; edit them in ${editor}`);
      expect(readFileSync(join(dir, name)).equals(before.get(name) ?? Buffer.alloc(0)), name).toBe(true);
    }
    // The Markdown week 4 has a safe fix, which was applied.
    const week4 = 'week-4-disability-and-mental-health.md';
    expect(readFileSync(join(dir, week4), 'utf8')).not.toBe(before.get(week4)?.toString('utf8'));
    expect(readFileSync(join(dir, week4), 'utf8')).toContain('uses a wheelchair');
  });

  it('skips a .pptx or .odt that is not one with a notice, and reads them from standard input', async () => {
    const dir = curriculumCopy();
    writeFileSync(join(dir, 'fake.pptx'), 'committed suicide, but not a zip');
    writeFileSync(join(dir, 'fake.odt'), 'committed suicide, but not a zip');
    const r = await reframe(['--format', 'json', 'fake.pptx', 'fake.odt', DECK], { cwd: dir });
    expect(r.stderr).toContain('skipped fake.pptx: not a valid .pptx (not a zip file)');
    expect(r.stderr).toContain('skipped fake.odt: not a valid .odt (not a zip file)');
    const files = parseLintRun(r.stdout).files;
    expect(files.map((f) => [f.path, f.diagnostics.length > 0, f.skipped !== undefined])).toEqual([
      ['fake.pptx', false, true],
      ['fake.odt', false, true],
      [DECK, true, false],
    ]);

    const stdin = await reframe(['--format', 'json', '--stdin', '--stdin-filename', DECK], {
      cwd: dir,
      input: readFileSync(join(dir, DECK)),
    });
    expect(places(parseLintRun(stdin.stdout).files[0]?.diagnostics)).toEqual(places(files[2]?.diagnostics));
  });
});
