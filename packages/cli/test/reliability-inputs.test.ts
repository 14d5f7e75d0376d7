/**
 * Reliability: odd and hostile inputs are each handled (skipped with a notice, decoded or linted) while
 * the other files still run, and `--fix` leaves every file either old or new when the process is
 * killed in the middle of a large run.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, reframe } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'reframe-rel-'));
  dirs.push(d);
  return d;
}

interface JsonReport {
  files: Array<{ path: string; skipped?: string; diagnostics: Array<{ ruleId: string; actual: string }> }>;
}

describe('odd inputs', () => {
  it('handles each odd file and still lints the others', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'nul.txt'), Buffer.from('The addict left.\u0000\u0001binary', 'latin1'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'utf16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('The addict left.\n', 'utf16le')]));
    writeFileSync(
      join(dir, 'utf16be.txt'),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('The addict left.\n', 'utf16le').swap16()]),
    );
    writeFileSync(join(dir, 'bad-utf8.txt'), Buffer.concat([Buffer.from('Known '), Buffer.from([0xc3, 0x28]), Buffer.from(' addict.\n')]));
    writeFileSync(join(dir, 'mixed.txt'), 'One.\r\nTwo.\rThree.\nThe addict left.\r\n');
    writeFileSync(join(dir, 'long-line.txt'), `${'word '.repeat(200_000)}the addict.`);
    writeFileSync(join(dir, 'nested.md'), `${'> '.repeat(3000)}the addict\n\n${'- '.repeat(2000)}item\n\nThe addict left.\n`);
    mkdirSync(join(dir, 'loop'));
    symlinkSync('..', join(dir, 'loop', 'up'));
    writeFileSync(join(dir, 'good.txt'), 'Her brother committed suicide.\n');
    const run = await reframe(['--format', 'json', '.'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    const byName = new Map(report.files.map((f) => [f.path.replace(/^.*\//, ''), f]));
    expect(byName.get('nul.txt')?.skipped).toMatch(/binary/);
    expect(run.stderr).toMatch(/nul\.txt/);
    expect(byName.get('empty.txt')?.diagnostics).toEqual([]);
    for (const name of ['utf16le.txt', 'utf16be.txt', 'bad-utf8.txt', 'mixed.txt', 'long-line.txt']) {
      expect(
        byName.get(name)?.diagnostics.map((d) => d.ruleId),
        name,
      ).toContain('substance/addict');
    }
    expect(byName.get('nested.md')?.diagnostics.length).toBeGreaterThan(0);
    expect(byName.get('good.txt')?.diagnostics.map((d) => d.ruleId)).toEqual(['suicide/committed-suicide']);
    // The symlink loop is not followed forever: each real file is reported once.
    expect(report.files.filter((f) => f.path.endsWith('good.txt'))).toHaveLength(1);
  });

  it('--fix keeps a UTF-16 file UTF-16, with its BOM and line endings', async () => {
    const dir = temp();
    const file = join(dir, 'note.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('He committed suicide.\r\nNext line.\r\n', 'utf16le')]));
    const run = await reframe(['--fix', 'note.txt'], { cwd: dir });
    expect(run.code).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toBe('He died by suicide.\r\nNext line.\r\n');
  });

  it('an unreadable file is reported with its name and the others still run', async () => {
    if (process.getuid?.() === 0) return; // root reads every file; nothing to test here
    const dir = temp();
    writeFileSync(join(dir, 'secret.txt'), 'The addict.', { mode: 0o000 });
    writeFileSync(join(dir, 'good.txt'), 'The addict.');
    const run = await reframe(['--format', 'json', '.'], { cwd: dir });
    expect(run.stderr).toMatch(/secret\.txt/);
  });
});

describe('--fix killed mid-run', () => {
  it('leaves every file either exactly old or exactly new', async () => {
    const dir = temp();
    const FILES = 400;
    const paragraph = 'Her uncle committed suicide in 2015. He is wheelchair-bound. The notes say nothing more.\n\n';
    const old = paragraph.repeat(200);
    for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `note-${String(i).padStart(3, '0')}.txt`), old);
    // The fully fixed content, from a separate copy fixed to completion.
    const reference = temp();
    writeFileSync(join(reference, 'note.txt'), old);
    await reframe(['--fix', 'note.txt'], { cwd: reference });
    const fixed = readFileSync(join(reference, 'note.txt'), 'utf8');
    expect(fixed).not.toBe(old);

    const child = spawn(process.execPath, [BIN, '--fix', '--jobs', '1', '.'], { cwd: dir, stdio: 'ignore' });
    // Kill it once some, but not all, files have been rewritten.
    const changed = () => readdirSync(dir).filter((n) => n.endsWith('.txt') && readFileSync(join(dir, n), 'utf8') !== old).length;
    const deadline = Date.now() + 60_000;
    while (changed() < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    let oldCount = 0;
    let newCount = 0;
    for (const name of readdirSync(dir).filter((n) => /^note-\d+\.txt$/.test(n))) {
      const text = readFileSync(join(dir, name), 'utf8');
      if (text === old) oldCount++;
      else if (text === fixed) newCount++;
      else throw new Error(`${name} is neither the old nor the new content (${text.length} chars)`);
    }
    console.log(`--fix killed mid-run: ${newCount} files new, ${oldCount} old, none partial`);
    expect(oldCount + newCount).toBe(FILES);
    expect(newCount).toBeGreaterThan(0);
    expect(oldCount).toBeGreaterThan(0);
  }, 120_000);
});
