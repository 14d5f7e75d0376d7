/**
 * Reliability: odd and hostile inputs are each handled (skipped with a notice, decoded or linted) while
 * the other files still run, and `--fix` leaves every file either old or new when the process is
 * killed in the middle of a large run.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
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

interface JsonLintRun {
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
    const lintRun = JSON.parse(run.stdout) as JsonLintRun;
    const byName = new Map(lintRun.files.map((f) => [f.path.replace(/^.*\//, ''), f]));
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
    expect(lintRun.files.filter((f) => f.path.endsWith('good.txt'))).toHaveLength(1);
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

  it('reports each unreadable file and folder and lints the rest', async (ctx) => {
    // chmod 000 does not stop root, so as root the CLI runs as "nobody" on a tree that user can read.
    const asRoot = process.getuid?.() === 0;
    const user = asRoot ? { uid: 65534, gid: 65534 } : undefined;
    const dir = temp();
    if (asRoot) {
      chmodSync(dir, 0o755); // mkdtemp makes it private to root
      const probe = await reframe(['--version'], { cwd: dir, ...(user ? { user } : {}) });
      if (probe.code !== 0) ctx.skip(`"nobody" cannot run the CLI from this checkout: ${probe.stderr.split('\n')[0]}`);
    }
    writeFileSync(join(dir, 'secret.txt'), 'The addict.\n');
    writeFileSync(join(dir, 'good.txt'), 'Her brother committed suicide.\n');
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'hidden.txt'), 'The addict.\n');
    mkdirSync(join(dir, 'open'));
    writeFileSync(join(dir, 'open', 'note.md'), 'He is an addict.\n');
    chmodSync(join(dir, 'secret.txt'), 0o000);
    chmodSync(join(dir, 'locked'), 0o000);
    try {
      const run = await reframe(['--format', 'json', '.'], { cwd: dir, ...(user ? { user } : {}) });
      expect(run.stderr.split('\n').filter(Boolean).sort()).toEqual([
        'reframe: skipped locked: cannot read folder (EACCES)',
        'reframe: skipped secret.txt: cannot read (EACCES)',
      ]);
      expect(run.code).toBe(1);
      const lintRun = JSON.parse(run.stdout) as JsonLintRun;
      const byPath = new Map(lintRun.files.map((f) => [f.path, f]));
      expect(byPath.get('secret.txt')?.skipped).toBe('cannot read (EACCES)');
      expect(byPath.get('locked')?.skipped).toBe('cannot read folder (EACCES)');
      expect(byPath.get('good.txt')?.diagnostics.map((d) => d.ruleId)).toEqual(['suicide/committed-suicide']);
      expect(byPath.get('open/note.md')?.diagnostics.map((d) => d.ruleId)).toEqual(['substance/addict']);
      expect([...byPath.keys()].some((p) => p.includes('hidden'))).toBe(false);

      // Named on the command line: the same notice, and the run goes on.
      const named = await reframe(['secret.txt', 'good.txt'], { cwd: dir, ...(user ? { user } : {}) });
      expect(named.stderr).toBe('reframe: skipped secret.txt: cannot read (EACCES)\n');
      expect(named.code).toBe(1);
      expect(named.stdout).toContain('1 file skipped');
    } finally {
      chmodSync(join(dir, 'locked'), 0o755); // so the temp folder can be removed
    }
  });
});

describe('huge files', () => {
  it('skips a 200 MB file with a notice, unread, and lints the others', async () => {
    const dir = temp();
    // A real 200 MB text file, written in 1 MB chunks (it would lint for minutes if it were read).
    const chunk = Buffer.from('The addict left the clinic. '.repeat(37_450));
    const fd = openSync(join(dir, 'huge.txt'), 'w');
    for (let i = 0; i < 200; i++) writeSync(fd, chunk);
    closeSync(fd);
    expect(statSync(join(dir, 'huge.txt')).size).toBeGreaterThan(200 * 1024 * 1024);
    writeFileSync(join(dir, 'good.txt'), 'Her brother committed suicide.\n');
    writeFileSync(join(dir, 'notes.md'), '# Notes\n\nHe is an addict.\n');

    const json = await reframe(['--format', 'json', '.'], { cwd: dir });
    expect(json.code).toBe(1);
    const lintRun = JSON.parse(json.stdout) as JsonLintRun;
    const byName = new Map(lintRun.files.map((f) => [f.path, f]));
    expect(byName.get('huge.txt')?.skipped).toMatch(/^200 MB, over the 20 MB size limit/);
    expect(byName.get('huge.txt')?.diagnostics).toEqual([]);
    expect(byName.get('good.txt')?.diagnostics.map((d) => d.ruleId)).toEqual(['suicide/committed-suicide']);
    expect(byName.get('notes.md')?.diagnostics.map((d) => d.ruleId)).toEqual(['substance/addict']);
    expect(json.stderr).toBe(
      'reframe: skipped huge.txt: 200 MB, over the 20 MB size limit (raise it with --max-file-size or maxFileSize)\n',
    );

    const stylish = await reframe(['.'], { cwd: dir });
    expect(stylish.code).toBe(1);
    expect(stylish.stderr).toContain('skipped huge.txt: 200 MB, over the 20 MB size limit');
    expect(stylish.stdout).toContain('in 2 files of 2');
    expect(stylish.stdout).toContain('1 file skipped (see notices above).');
  }, 120_000);

  it('maxFileSize in the config lowers the limit; a larger --max-file-size lets the file through', async () => {
    const dir = temp();
    writeFileSync(join(dir, '.reframerc.json'), JSON.stringify({ maxFileSize: '1KB' }));
    writeFileSync(join(dir, 'note.txt'), `${'The visit went well. '.repeat(100)}He is an addict.\n`); // about 2 KB
    const limited = await reframe(['--format', 'json', 'note.txt'], { cwd: dir });
    expect(limited.code).toBe(0);
    expect((JSON.parse(limited.stdout) as JsonLintRun).files[0]?.skipped).toMatch(/^2.1 KB, over the 1 KB size limit/);
    for (const size of ['10KB', '10240', '0.5MB']) {
      const through = await reframe(['--format', 'json', '--max-file-size', size, 'note.txt'], { cwd: dir });
      expect(through.code, size).toBe(1);
      expect(through.stderr).toBe('');
      const file = (JSON.parse(through.stdout) as JsonLintRun).files[0];
      expect(file?.skipped).toBeUndefined();
      expect(file?.diagnostics.map((d) => d.ruleId)).toEqual(['substance/addict']);
    }
    const bad = await reframe(['--max-file-size', 'big', 'note.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-file-size takes a size such as 500KB, 20MB or 1GB');
  });

  it('reframe report lists files over the limit as not read and audits the rest', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'long.md'), `${'The visit went well. '.repeat(100)}He is an addict.\n`);
    writeFileSync(join(dir, 'short.md'), 'He is an addict.\n');
    const run = await reframe(['report', '--format', 'json', '--max-file-size', '1KB', '.'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('reframe: skipped long.md: 2.1 KB, over the 1 KB size limit');
    const files = (JSON.parse(run.stdout) as JsonLintRun).files.map((f) => [f.path, f.skipped ?? null, f.diagnostics.length]);
    expect(files).toEqual([
      ['long.md', expect.stringMatching(/^2.1 KB, over the 1 KB size limit/), 0],
      ['short.md', null, 1],
    ]);
  });

  it('reports a malformed maxFileSize with file, line and column (exit 2)', async () => {
    const dir = temp();
    writeFileSync(join(dir, '.reframerc.yaml'), 'preset: clinical-notes\nmaxFileSize: 20 parsecs\n');
    writeFileSync(join(dir, 'note.txt'), 'Fine.\n');
    const run = await reframe(['note.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(dir, '.reframerc.yaml')}:2:14: maxFileSize must be a size such as "500KB", "20MB" or "1GB"`);
    writeFileSync(join(dir, '.reframerc.yaml'), 'maxFileSize: -5\n');
    const negative = await reframe(['note.txt'], { cwd: dir });
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('maxFileSize must be at least 0');
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
