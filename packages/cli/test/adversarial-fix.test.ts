/**
 * `--fix` on files a hostile repository (or a shared folder) can set up: symbolic links into and out
 * of the project, hard links, and notes that belong to another user. The CLI runs as a process in
 * temporary folders; nothing outside them is touched. Every note is invented.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixed } from '../src/fix.js';
import { parseLintRun, reframe, tempTrees } from './helpers.js';

const tree = tempTrees();

const NOTE = 'Her brother committed suicide in 2019.\n';
const FIXED = 'Her brother died by suicide in 2019.\n';
const asRoot = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };

/** The folder's entries that are not `keep`: temporary files left behind by a write. */
const leftovers = (dir: string, keep: string[]) => readdirSync(dir).filter((name) => !keep.includes(name));

describe('--fix and symbolic links', () => {
  it('writes through a link to a file inside the project and keeps the link', async () => {
    const { dir } = tree({ 'real/note.md': NOTE });
    mkdirSync(join(dir, 'notes'));
    symlinkSync('../real/note.md', join(dir, 'notes', 'link.md'));
    const run = await reframe(['--fix', 'notes/link.md'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'notes', 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'note.md'), 'utf8')).toBe(FIXED);
    expect(leftovers(join(dir, 'notes'), ['link.md'])).toEqual([]);
    expect(leftovers(join(dir, 'real'), ['note.md'])).toEqual([]);
  });

  it('neither reads nor writes a link that leads out of the project: a notice, and both are left as they were', async () => {
    const outside = tree({ 'secret.md': NOTE });
    const { dir } = tree({ 'notes/ok.md': NOTE });
    symlinkSync(join(outside.dir, 'secret.md'), join(dir, 'notes', 'a.md'));
    // A link to a folder outside, named on the command line, is refused the same way.
    symlinkSync(outside.dir, join(dir, 'elsewhere'));

    const fix = await reframe(['--fix', 'notes/a.md', 'notes/ok.md', 'elsewhere'], { cwd: dir });
    expect(fix.stderr).toBe(
      'reframe: skipped notes/a.md: a symbolic link to a file outside the project; not read\n' +
        'reframe: skipped elsewhere: a symbolic link to a folder outside the project; not read\n',
    );
    expect(lstatSync(join(dir, 'notes', 'a.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(outside.dir, 'secret.md'), 'utf8')).toBe(NOTE);
    expect(readFileSync(join(dir, 'notes', 'ok.md'), 'utf8')).toBe(FIXED);
    expect(fix.code).toBe(0);

    // Linting alone does not read it either, so its text is never quoted; the report lists it as skipped.
    const lint = await reframe(['--format', 'json', 'notes/a.md'], { cwd: dir });
    expect(lint.stdout).not.toContain('committed');
    const file = parseLintRun(lint.stdout).files[0];
    expect(file?.path).toBe('notes/a.md');
    expect(file?.skipped).toBe('a symbolic link to a file outside the project; not read');
    expect(file?.diagnostics).toEqual([]);
    expect(lint.code).toBe(0);
    // A folder walk does not follow links at all.
    const walk = await reframe(['--fix', '--format', 'json', 'notes'], { cwd: dir });
    expect(parseLintRun(walk.stdout).files.map((f) => f.path)).toEqual(['notes/ok.md']);
    expect(readFileSync(join(outside.dir, 'secret.md'), 'utf8')).toBe(NOTE);
  });

  it('counts the top of the git repository as the project when run from a subfolder', async () => {
    const { dir } = tree({ 'shared/note.md': NOTE });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    mkdirSync(join(dir, 'team'));
    symlinkSync('../shared/note.md', join(dir, 'team', 'note.md'));
    const run = await reframe(['--fix', 'note.md'], { cwd: join(dir, 'team') });
    expect(run.stderr).toBe('');
    expect(lstatSync(join(dir, 'team', 'note.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'shared', 'note.md'), 'utf8')).toBe(FIXED);
  });

  it('follows a path the user named outside the project (no link inside the project leads there)', async () => {
    const outside = tree({ 'real/note.md': NOTE });
    symlinkSync('real/note.md', join(outside.dir, 'link.md'));
    const { dir } = tree();
    const run = await reframe(['--fix', join(outside.dir, 'link.md')], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(lstatSync(join(outside.dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(outside.dir, 'real', 'note.md'), 'utf8')).toBe(FIXED);
  });
});

describe('--fix keeps the file itself', () => {
  it('keeps hard links: every name still shows the one fixed file', async () => {
    const { dir } = tree({ 'a.md': NOTE });
    linkSync(join(dir, 'a.md'), join(dir, 'b.md'));
    const before = statSync(join(dir, 'a.md'));
    const run = await reframe(['--fix', 'a.md'], { cwd: dir });
    expect(run.code).toBe(0);
    const a = statSync(join(dir, 'a.md'));
    const b = statSync(join(dir, 'b.md'));
    expect(a.ino).toBe(before.ino);
    expect(b.ino).toBe(before.ino);
    expect(a.nlink).toBe(2);
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe(FIXED);
    expect(leftovers(dir, ['a.md', 'b.md'])).toEqual([]);
  });

  it('keeps a shorter or longer text exact when written in place', async () => {
    // "wheelchair-bound" → "uses a wheelchair" grows the text; "committed suicide" → "died by suicide" shrinks it.
    const { dir } = tree({ 'a.txt': `${NOTE}She is wheelchair-bound.\n${'Padding line.\n'.repeat(200)}` });
    linkSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
    await reframe(['--fix', 'a.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe(`${FIXED}She uses a wheelchair.\n${'Padding line.\n'.repeat(200)}`);
  });

  it('keeps the owner, group and mode of a note that belongs to another user', async (ctx) => {
    if (!asRoot) ctx.skip('needs root: only root can make a file that belongs to another user');
    const { dir } = tree({ 'note.md': NOTE });
    const path = join(dir, 'note.md');
    chownSync(path, NOBODY.uid, NOBODY.gid);
    chmodSync(path, 0o640);
    const run = await reframe(['--fix', 'note.md'], { cwd: dir });
    expect(run.code).toBe(0);
    const after = statSync(path);
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([NOBODY.uid, NOBODY.gid, 0o640]);
    expect(readFileSync(path, 'utf8')).toBe(FIXED);
    expect(leftovers(dir, ['note.md'])).toEqual([]);
  });

  it('a user who may write a note but not give a file away, or not create one beside it, writes it in place: the owner stays', async (ctx) => {
    if (!asRoot) ctx.skip('needs root: the run is made as "nobody" on a note that belongs to root');
    const { dir, write } = tree({ 'shared/note.md': NOTE });
    chmodSync(dir, 0o755); // mkdtemp makes it private to root
    chmodSync(join(dir, 'shared'), 0o777); // a shared folder: anyone may create files in it
    chmodSync(join(dir, 'shared', 'note.md'), 0o666);
    const probe = await reframe(['--version'], { cwd: dir, user: NOBODY });
    if (probe.code !== 0) ctx.skip(`"nobody" cannot run the CLI from this checkout: ${probe.stderr.split('\n')[0]}`);
    const run = await reframe(['--fix', 'shared/note.md'], { cwd: dir, user: NOBODY });
    expect(run.stderr).toBe('');
    const after = statSync(join(dir, 'shared', 'note.md'));
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([0, 0, 0o666]);
    expect(readFileSync(join(dir, 'shared', 'note.md'), 'utf8')).toBe(FIXED);
    expect(leftovers(join(dir, 'shared'), ['note.md'])).toEqual([]);

    // A folder where this user may not create a file (no temporary file, so no rename): in place too.
    write({ 'closed/note.md': NOTE });
    chmodSync(join(dir, 'closed', 'note.md'), 0o666);
    const closed = await reframe(['--fix', 'closed/note.md'], { cwd: dir, user: NOBODY });
    expect(closed.stderr).toBe('');
    expect(closed.code).toBe(0);
    expect(readFileSync(join(dir, 'closed', 'note.md'), 'utf8')).toBe(FIXED);
    expect(statSync(join(dir, 'closed', 'note.md')).uid).toBe(0);
  });
});

describe('writeFixed, between the read and the write', () => {
  it('refuses a link that was pointed out of the project after the file was found', () => {
    const outside = tree({ 'secret.md': NOTE });
    const { dir } = tree({ 'real.md': NOTE });
    const link = join(dir, 'note.md');
    symlinkSync('real.md', link);
    const bytes = readFileSync(link);
    // The link is swapped for one that leads out of the project.
    unlinkSync(link);
    symlinkSync(join(outside.dir, 'secret.md'), link);
    expect(() => writeFixed(link, bytes, FIXED, false, 'utf8', dir)).toThrow(/a symbolic link to a file outside the project; not written/);
    expect(readFileSync(join(outside.dir, 'secret.md'), 'utf8')).toBe(NOTE);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('refuses a hard-linked file that changed since it was read, and leaves it as it is', () => {
    const { dir, write } = tree({ 'a.md': NOTE });
    linkSync(join(dir, 'a.md'), join(dir, 'b.md'));
    const bytes = readFileSync(join(dir, 'a.md'));
    write({ 'b.md': `${NOTE}Edited by a colleague.\n` }); // through the other link
    expect(() => writeFixed(join(dir, 'a.md'), bytes, FIXED, false)).toThrow(/changed on disk while reframe was fixing it/);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(`${NOTE}Edited by a colleague.\n`);
    expect(leftovers(dir, ['a.md', 'b.md'])).toEqual([]);
  });
});
