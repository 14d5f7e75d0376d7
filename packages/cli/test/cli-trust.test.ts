/**
 * The `reframe` command and configs from an untrusted folder (SECURITY.md, "Trust model for
 * configuration and rule packs"): extends and packs reach only the project (the top of the git
 * repository around the working directory), the user's config folder and the folder of --config;
 * anything else, and any file that is not a regular file of sensible size, is exit 2 with a message
 * that names the setting and never the content. Every hostile file is generated here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { findings, type ProcessResult, parseLintRun, reframe, tempTrees } from './helpers.js';

const NOTE = 'Patient claims the addict in bay 3 committed suicide.\n';
/** Shaped like a shadow password file and a credentials file outside the project: never to be printed. */
const SHADOW = 'root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n';
const CREDENTIALS = 'aws_secret_access_key: wJalrXUtnFEMI\nsession_token_zq9: abc\n';
const SECRETS = ['root:*', 'daemon', 'aws_secret', 'wJalr', 'session_token', 'zq9'];

const tree = tempTrees();

/** A project in proj/ with a note, and secret-shaped files in outside/; the user's config folder is xdg/reframe. */
function project(files: Record<string, string> = {}) {
  const t = tree({ 'proj/n.txt': NOTE, 'outside/shadow': SHADOW, 'outside/credentials.yaml': CREDENTIALS, ...files });
  const dir = realpathSync(t.dir);
  const env = { XDG_CONFIG_HOME: join(dir, 'xdg') };
  const run = (args: string[], cwd = join(dir, 'proj')) => reframe(['--format', 'json', ...args], { cwd, env });
  return { ...t, dir, run };
}

function expectRefused(r: ProcessResult, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toContain('internal error');
  for (const secret of SECRETS) expect(r.stderr).not.toContain(secret);
}

describe('configs and packs from an untrusted folder', { timeout: 60_000 }, () => {
  it('refuses extends outside the project (absolute, ../, package.json) before reading, naming the setting', async () => {
    const p = project();
    const shadow = join(p.dir, 'outside', 'shadow');
    p.write({ 'proj/package.json': JSON.stringify({ name: 'x', reframe: { extends: shadow } }, null, 2) });
    expectRefused(
      await p.run(['n.txt']),
      /package\.json:4:16: extends ".*outside\/shadow" is outside the trusted folders; config files and packs must be inside the project \(.*\/proj\) or the user's config folder \(.*\/xdg\/reframe\)/,
    );
    p.write({ 'proj/.reframerc.yaml': 'preset: clinical-notes\nextends: ../outside/credentials.yaml\n' });
    expectRefused(
      await p.run(['n.txt']),
      /\.reframerc\.yaml:2:10: extends "\.\.\/outside\/credentials\.yaml" is outside the trusted folders/,
    );
  });

  it('refuses a symbolic link out of the project, for extends and packs', async () => {
    const p = project({ 'proj/.reframerc.yaml': 'extends: ./base.yaml\n' });
    symlinkSync(join(p.dir, 'outside', 'credentials.yaml'), join(p.dir, 'proj', 'base.yaml'));
    expectRefused(
      await p.run(['n.txt']),
      /\.reframerc\.yaml:1:10: extends "\.\/base\.yaml" leads outside the trusted folders through a symbolic link/,
    );
    mkdirSync(join(p.dir, 'proj', 'node_modules'));
    symlinkSync(join(p.dir, 'outside'), join(p.dir, 'proj', 'node_modules', 'team'));
    p.write({ 'proj/.reframerc.yaml': 'packs:\n  - ./node_modules/team/shadow\n' });
    expectRefused(await p.run(['n.txt']), /\.reframerc\.yaml:2:5: packs "\.\/node_modules\/team\/shadow" leads outside/);
  });

  it("keeps a team config in the same git repository (the README's extends: ../team/.reframerc.yaml) and --config elsewhere", async () => {
    const p = project({
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/team/.reframerc.yaml': 'rules:\n  credibility/claims: "off"\n',
      'repo/proj/.reframerc.yaml': 'extends: ../team/.reframerc.yaml\n',
      'repo/proj/n.txt': NOTE,
      'elsewhere/base.yaml': 'rules:\n  substance/addict: "off"\n',
      'elsewhere/reframe.yaml': 'extends: ./base.yaml\n',
    });
    const inRepo = await p.run(['n.txt'], join(p.dir, 'repo', 'proj'));
    expect(findings(parseLintRun(inRepo.stdout))).toEqual({ 'n.txt': ['substance/addict', 'suicide/committed-suicide'] });
    const named = await p.run(['--config', join(p.dir, 'elsewhere', 'reframe.yaml'), 'n.txt']);
    expect(findings(parseLintRun(named.stdout))).toEqual({ 'n.txt': ['credibility/claims', 'suicide/committed-suicide'] });
  });

  it('refuses devices, FIFOs and over-size files with exit 2 at once, instead of reading without end', async () => {
    const p = project();
    execFileSync('mkfifo', [join(p.dir, 'proj', 'fifo.yaml')]);
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['n.txt'], { 'proj/.reframerc.yaml': 'extends: /dev/zero\n' }, /:1:10: extends "\/dev\/zero" is outside the trusted folders/],
      [['n.txt'], { 'proj/.reframerc.yaml': 'packs: [/dev/urandom]\n' }, /:1:9: packs "\/dev\/urandom" is outside the trusted folders/],
      [['n.txt'], { 'proj/.reframerc.yaml': 'extends: ./fifo.yaml\n' }, /:1:10: extends "\.\/fifo\.yaml" is a FIFO \(named pipe\)/],
      [['--config', '/dev/zero', 'n.txt'], {}, /\/dev\/zero:1:1: is a device; a config file must be a regular file/],
      [['--config', 'fifo.yaml', 'n.txt'], {}, /fifo\.yaml:1:1: is a FIFO \(named pipe\); a config file must be a regular file/],
      [
        ['n.txt'],
        { 'proj/.reframerc.yaml': `allow: [${'"x", '.repeat(300_000)}"x"]\n` },
        /is larger than 1 MB, the limit for a config file/,
      ],
    ];
    for (const [args, files, message] of cases) {
      p.write({ 'proj/.reframerc.yaml': '', ...files });
      const started = performance.now();
      expectRefused(await p.run(args), message);
      // A second and a half of it is starting Node on a busy machine; the refusal itself takes milliseconds.
      expect(performance.now() - started, args.join(' ')).toBeLessThan(5000);
    }
  });

  it('reports a YAML alias bomb at its place, and never quotes a file that fails as config', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]'];
    for (const c of 'cdefgh')
      bomb.push(
        `${c}: &${c} [${Array(10)
          .fill(`*${String.fromCharCode(c.charCodeAt(0) - 1)}`)
          .join(', ')}]`,
      );
    const p = project({ 'proj/.reframerc.yaml': `${bomb.join('\n')}\n` });
    expectRefused(await p.run(['n.txt']), /\.reframerc\.yaml:2:8: invalid YAML\/JSON: aliases expand to too much data/);
    p.write({ 'proj/.reframerc.yaml': '', 'proj/.reframerc.json': `{"allow": [${SHADOW}]}` });
    expectRefused(await p.run(['n.txt']), /\.reframerc\.json:1:\d+: invalid JSON: unexpected character/);
  });
});
