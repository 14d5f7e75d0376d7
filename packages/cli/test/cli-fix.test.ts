import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixed } from '../src/fix.js';
import { parseLintRun, reframe, tempTrees } from './helpers.js';

const tree = tempTrees();

// "wheelchair-bound" and "committed suicide" have safe fixes; "addict" and "claims" do not.
const NOTE = 'Wheelchair-bound after a fall.\r\nHer uncle committed suicide; the addict in bay 3 claims otherwise.\r\n';

describe('--fix', () => {
  it('applies only safe fixes, with the preferred repair, and a second run finds nothing fixable', async () => {
    const { dir } = tree({ 'n.txt': NOTE });
    const r = await reframe(['--format', 'json', '--fix', 'n.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'n.txt'), 'utf8')).toBe(
      'Uses a wheelchair after a fall.\r\nHer uncle died by suicide; the addict in bay 3 claims otherwise.\r\n',
    );
    // The report after --fix shows what is left: the findings without a safe fix.
    const left = parseLintRun(r.stdout).files[0]?.diagnostics ?? [];
    expect(left.map((d) => d.ruleId)).toEqual(['substance/addict', 'credibility/claims']);
    expect(r.code).toBe(1);
    const again = await reframe(['--format', 'json', 'n.txt'], { cwd: dir });
    const lintRun = parseLintRun(again.stdout);
    expect(lintRun.summary.fixable).toBe(0);
    expect(lintRun.files[0]?.diagnostics.map((d) => d.ruleId)).toEqual(['substance/addict', 'credibility/claims']);
  });

  it('keeps the file mode, CRLF line endings and the byte order mark, and leaves no temporary file', async () => {
    const { dir } = tree({ 'n.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# Note\r\n\r\n${NOTE}`)]) });
    chmodSync(join(dir, 'n.md'), 0o640);
    await reframe(['--fix', 'n.md'], { cwd: dir });
    const bytes = readFileSync(join(dir, 'n.md'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toBe(
      '# Note\r\n\r\nUses a wheelchair after a fall.\r\nHer uncle died by suicide; the addict in bay 3 claims otherwise.\r\n',
    );
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(statSync(join(dir, 'n.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['n.md']);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', async () => {
    const body = 'Line one.\nLine two.\nLine three.\nLine four.\nWheelchair-bound after a fall.\nLine six.\n';
    const { dir } = tree({ 'n.txt': body });
    const r = await reframe(['--fix-dry-run', 'n.txt'], { cwd: dir });
    expect(r.stdout).toBe(
      '--- a/n.txt\n+++ b/n.txt\n@@ -2,5 +2,5 @@\n Line two.\n Line three.\n Line four.\n-Wheelchair-bound after a fall.\n+Uses a wheelchair after a fall.\n Line six.\n',
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'n.txt'), 'utf8')).toBe(body);
    // Standard input too.
    const stdin = await reframe(['--fix-dry-run', '--stdin', '--stdin-filename', 'x.md'], { cwd: dir, input: 'He committed suicide.' });
    expect(stdin.stdout).toBe(
      '--- a/x.md\n+++ b/x.md\n@@ -1,1 +1,1 @@\n-He committed suicide.\n\\ No newline at end of file\n+He died by suicide.\n\\ No newline at end of file\n',
    );
  });

  it('does not touch .docx files', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const buffer = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('He committed suicide.')] }] }));
    const { dir } = tree({ 'a.docx': buffer });
    const r = await reframe(['--fix', 'a.docx'], { cwd: dir });
    expect(r.stderr).toContain('a.docx: fixes are not applied to .docx files');
    expect(readFileSync(join(dir, 'a.docx')).equals(buffer)).toBe(true);
  });
});

describe('atomic write', () => {
  it('refuses to replace a file that changed since it was read, and leaves it as it is', () => {
    const { dir } = tree({ 'n.txt': 'He committed suicide.\n' });
    const path = join(dir, 'n.txt');
    const readBytes = readFileSync(path);
    // Someone saves the file between reframe's read and its write.
    writeFileSync(path, 'He committed suicide. Edited by a colleague.\n');
    expect(() => writeFixed(path, readBytes, 'He died by suicide.\n', false)).toThrow(/changed on disk while reframe was fixing it/);
    expect(readFileSync(path, 'utf8')).toBe('He committed suicide. Edited by a colleague.\n');
    expect(readdirSync(dir)).toEqual(['n.txt']);
    // Unchanged: written.
    writeFixed(path, readFileSync(path), 'Fixed.\n', true);
    expect(readFileSync(path, 'utf8')).toBe('\uFEFFFixed.\n');
  });
});
