/**
 * Output a hostile tree cannot take over: file names that hold terminal escape sequences (retitle the
 * window, clear the screen, C1 controls, bidirectional overrides) are written out as escapes in every
 * output a terminal or CI log shows, and GitHub workflow commands are escaped as the runner needs. And
 * inputs that are not regular files (a named pipe, a device) are skipped with a notice instead of
 * blocking or reading for ever.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRun, measuredRun } from './adversarial/measure.js';
import { parseLintRun, tempTrees } from './helpers.js';

const tree = tempTrees();

const TITLE = 'title-\u001b]0;pwned\u0007-\u001b[2J.txt';
const C1 = 'c1-\u009b31m-\u202egnp.md';
const COMMAND = 'line\nbreak,a:b%.txt';
const BINARY = 'binary-\u001b[5m.txt';

/** Control characters a terminal acts on, and the overrides that reorder what it shows. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminal escapes in file names', { timeout: 120_000 }, () => {
  it('are written out in stylish, github, the audit report, diffs and notices', async () => {
    const { dir } = tree({
      [TITLE]: 'Her brother committed suicide.\n',
      [C1]: 'The addict left.\n',
      [COMMAND]: 'The addict left.\n',
      [BINARY]: Buffer.from('The addict\u0000left.'),
    });
    const runs = {
      stylish: await measuredRun(['--no-color', '.'], dir),
      github: await measuredRun(['--format', 'github', '.'], dir),
      diff: await measuredRun(['--fix-dry-run', '.'], dir),
      markdown: await measuredRun(['report', '--format', 'markdown', '.'], dir),
      html: await measuredRun(['report', '.'], dir),
    };
    for (const [name, run] of Object.entries(runs)) {
      expect(run.code, `${name}: ${describeRun(run)}\n${run.stderr}`).toBe(1);
      expect(run.stdout, name).not.toMatch(RAW_CONTROL);
      expect(run.stderr, name).not.toMatch(RAW_CONTROL);
      // Every notice names the binary file, escaped.
      expect(run.stderr, name).toContain('skipped binary-\\x1b[5m.txt: looks binary');
    }
    expect(runs.stylish.stdout).toContain('title-\\x1b]0;pwned\\x07-\\x1b[2J.txt\n');
    expect(runs.stylish.stdout).toContain('c1-\\x9b31m-\\u{202e}gnp.md\n');
    expect(runs.stylish.stdout).toContain('line\\x0abreak,a:b%.txt\n');
    expect(runs.diff.stdout).toContain('--- a/title-\\x1b]0;pwned\\x07-\\x1b[2J.txt\n');
    expect(runs.markdown.stdout).toContain('title-\\x1b\\]0;pwned\\x07-\\x1b\\[2J.txt');
    expect(runs.html.stdout).toContain('title-\\x1b]0;pwned\\x07-\\x1b[2J.txt');

    // GitHub: a property escapes %, CR, LF, ':' and ',' (the runner turns them back); other controls are written out.
    const annotations = runs.github.stdout.trimEnd().split('\n');
    expect(annotations).toHaveLength(3);
    for (const line of annotations) expect(line).toMatch(/^::(error|warning|notice) file=/);
    expect(annotations.some((l) => l.startsWith('::warning file=line%0Abreak%2Ca%3Ab%25.txt,line=1,'))).toBe(true);
    expect(annotations.some((l) => l.startsWith('::error file=title-\\x1b]0;pwned\\x07-\\x1b[2J.txt,line=1,'))).toBe(true);

    // With --color, the only escape sequences are stylish's own colours.
    const colour = await measuredRun(['--color', '.'], dir);
    expect(colour.stdout).toContain('\u001b[4mtitle-\\x1b]0;pwned\\x07-\\x1b[2J.txt\u001b[0m');
    expect(colour.stdout.replace(/\u001b\[\d+m/g, '')).not.toMatch(RAW_CONTROL);
  });
});

/** A named pipe at `path`, or false where mkfifo is not available. */
function makeFifo(path: string): boolean {
  try {
    execFileSync('mkfifo', [path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('inputs that are not regular files', { timeout: 120_000 }, () => {
  it('a named pipe or a device given as an input is skipped with a notice, not read', async (ctx) => {
    const { dir } = tree({ 'good.txt': 'She uses a wheelchair.\n' });
    if (!makeFifo(join(dir, 'pipe.txt'))) ctx.skip();
    // A device, named outside the project (a link inside it that leads out is refused before this check).
    const elsewhere = tree().dir;
    const zero = join(elsewhere, 'zero.md');
    symlinkSync('/dev/zero', zero);
    // Nobody ever writes to the pipe: reading it would wait for ever, and /dev/zero never ends.
    const inputs = ['pipe.txt', zero, 'good.txt'];
    const lint = await measuredRun(['--format', 'json', ...inputs], dir, 20_000);
    expect(lint.code, `${describeRun(lint)}\n${lint.stderr}`).toBe(0);
    expect(lint.stderr).toBe(
      `reframe: skipped pipe.txt: not a regular file (a named pipe)\nreframe: skipped ${zero}: not a regular file (a device)\n`,
    );
    expect(parseLintRun(lint.stdout).files.map((f) => [f.path, f.skipped])).toEqual([
      ['pipe.txt', 'not a regular file (a named pipe)'],
      [zero, 'not a regular file (a device)'],
      ['good.txt', undefined],
    ]);
    const report = await measuredRun(['report', '--format', 'json', ...inputs], dir, 20_000);
    expect(report.code, `${describeRun(report)}\n${report.stderr}`).toBe(0);
    expect(report.stderr).toContain('reframe: skipped pipe.txt: not a regular file (a named pipe)\n');
    expect(report.stderr).toContain(`reframe: skipped ${zero}: not a regular file (a device)\n`);
  });
});
