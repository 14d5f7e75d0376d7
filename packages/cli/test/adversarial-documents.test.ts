/**
 * Hostile Markdown through the CLI: read as plain text within seconds, with one notice per file on
 * stderr that names the file and the lines and holds none of the document's text (also under
 * --redact, from the cache, and from standard input).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { emphasisPile, nestedListsByIndentation } from '../../core/test/adversarial/documents.js';
import { reframe, type TempTree, tempTree } from './helpers.js';

let tree: TempTree | undefined;
afterEach(() => tree?.cleanup());

const NOTICE =
  /^reframe: notes\/pile\.md: read as plain text: lines 1–2, as Markdown they would cost the parser far more than their size \(more than 128 runs of "\*" or "_" in one paragraph\)$/m;

/** Lines of stderr that are notices about `name`. */
const noticesAbout = (stderr: string, name: string) => stderr.split('\n').filter((l) => l.startsWith(`reframe: ${name}:`));

describe('Markdown the parser cannot afford', { timeout: 60_000 }, () => {
  it('is linted as plain text, with one notice per file and no text of the document', async () => {
    tree = tempTree({
      'notes/pile.md': emphasisPile(400_000),
      'notes/deep.md': nestedListsByIndentation(400_000),
      'notes/ok.md': '# Notes\n\nThe addict was seen.\n',
    });
    for (const args of [['notes/'], ['--redact', 'notes/'], ['--format', 'json', '--redact', 'notes/']]) {
      const run = await reframe(args, { cwd: tree.dir, timeoutMs: 30_000 });
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(NOTICE);
      expect(noticesAbout(run.stderr, 'notes/pile.md')).toHaveLength(1);
      expect(noticesAbout(run.stderr, 'notes/deep.md')).toHaveLength(1);
      expect(noticesAbout(run.stderr, 'notes/ok.md')).toEqual([]);
      for (const text of ['addict', 'ward', 'item', '*a**']) expect(run.stderr).not.toContain(text);
      if (args.includes('json')) {
        const report = JSON.parse(run.stdout) as { files: Array<{ path: string; diagnostics: Array<{ ruleId: string }> }> };
        expect(report.files.map((f) => [f.path, f.diagnostics.map((d) => d.ruleId)])).toEqual([
          ['notes/deep.md', ['substance/addict']],
          ['notes/ok.md', ['substance/addict']],
          ['notes/pile.md', ['substance/addict']],
        ]);
      }
    }
  });

  it('gives the notice from the cache and from standard input too', async () => {
    tree = tempTree({ 'notes/pile.md': emphasisPile(40_000) });
    for (let round = 0; round < 2; round++) {
      const run = await reframe(['--cache', 'notes/'], { cwd: tree.dir });
      expect(noticesAbout(run.stderr, 'notes/pile.md'), `round ${round}`).toHaveLength(1);
    }
    const piped = await reframe(['--stdin', '--stdin-filename', 'notes/pile.md'], { cwd: tree.dir, input: emphasisPile(40_000) });
    expect(piped.code).toBe(1);
    expect(piped.stderr).toMatch(NOTICE);
  });
});
