/**
 * Inputs that are not regular files (a named pipe, a device) are skipped with a notice instead of
 * blocking or reading for ever.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRun, measuredRun } from './adversarial/measure.js';
import { parseLintRun, tempTrees } from './helpers.js';

const tree = tempTrees();

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
