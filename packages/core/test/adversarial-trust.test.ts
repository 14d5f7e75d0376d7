/**
 * The trust model for configuration and rule packs (SECURITY.md): `extends` and `packs` reach only
 * the project (the top of its git repository), packages its node_modules links to (inside the
 * project, or pnpm's store), the user's config folder, the folder of a `--config` file and the config
 * kept above the project; anything else is refused before it is read, with the setting and its place.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReframeConfig } from '../src/index.js';
import { readConfigChain, TrustedRoots } from '../src/node/index.js';
import { type ConfigSpace, configSpaces, expectNoSecrets, messagesOf } from './adversarial/config-space.js';

interface Space extends ConfigSpace {
  trust: (projects?: string[]) => TrustedRoots;
  chain: (file: string, options?: { named?: boolean }) => ReframeConfig;
}

const made = configSpaces();
function space(): Space {
  const s = made();
  const trust = (projects = [s.proj]) => TrustedRoots.for({ projects, env: s.env });
  return { ...s, trust, chain: (file, options = {}) => readConfigChain(file, { trust: trust(), ...options }) };
}

describe('extends and packs reach only trusted folders', () => {
  it.each([
    ['an absolute path', (s: Space) => join(s.base, 'outside', 'shadow')],
    ['a ../ chain', () => '../outside/shadow'],
    ['a long ../ chain to the system', () => '../../../../../../../../etc/passwd'],
    ['a credentials YAML outside', () => '../outside/credentials.yaml'],
    ['invalid JSON outside', () => '../outside/secret.json'],
  ])('refuses extends naming %s before reading it, naming the setting and where it is', (_, target) => {
    const s = space();
    const rc = s.write('proj/.reframerc.yaml', `preset: clinical-notes\nextends: ${JSON.stringify(target(s))}\n`);
    const [message, ...rest] = messagesOf(() => s.chain(rc));
    expect(rest).toEqual([]);
    expect(message).toBe(
      `${rc}:2:10: extends ${JSON.stringify(target(s))} is outside the trusted folders; config files and packs must be inside ` +
        `the project (${s.proj}) or the user's config folder (${join(s.base, 'xdg', 'reframe')})`,
    );
    expectNoSecrets([message ?? '']);
  });

  it('refuses packs outside, through ../ or an absolute path, at the entry that names them', () => {
    const s = space();
    s.write('outside/pack.yml', 'category: x\nrules: []\n');
    const rc = s.write('proj/.reframerc.json', JSON.stringify({ packs: ['equality', '../outside/pack.yml'] }, null, 2));
    expect(messagesOf(() => s.chain(rc))[0]).toMatch(
      /\.reframerc\.json:4:5: packs "\.\.\/outside\/pack\.yml" is outside the trusted folders/,
    );
    const abs = s.write('proj/.reframerc.json', JSON.stringify({ packs: ['/dev/zero'] }));
    expect(messagesOf(() => s.chain(abs))[0]).toContain('packs "/dev/zero" is outside the trusted folders');
  });

  it('refuses a symbolic link in the project that leads outside, for extends, packs and the config file itself', () => {
    const s = space();
    symlinkSync(join(s.base, 'outside', 'credentials.yaml'), join(s.proj, 'base.yaml'));
    symlinkSync(join(s.base, 'outside', 'shadow'), join(s.proj, 'pack.yml'));
    const rc = s.write('proj/.reframerc.yaml', 'extends: ./base.yaml\n');
    const [e1] = messagesOf(() => s.chain(rc));
    expect(e1).toMatch(/\.reframerc\.yaml:1:10: extends "\.\/base\.yaml" leads outside the trusted folders through a symbolic link/);
    s.write('proj/.reframerc.yaml', 'packs: [./pack.yml]\n');
    expect(messagesOf(() => s.chain(rc))[0]).toMatch(/\.reframerc\.yaml:1:9: packs "\.\/pack\.yml" leads outside .* symbolic link/);
    symlinkSync(join(s.base, 'outside', 'shadow'), join(s.proj, '.reframerc.json'));
    const [e3] = messagesOf(() => s.chain(join(s.proj, '.reframerc.json')));
    expect(e3).toMatch(/\.reframerc\.json:1:1: this config file leads outside the trusted folders through a symbolic link/);
    expectNoSecrets([e1 ?? '', e3 ?? '']);
  });

  it('refuses a node_modules link committed to point outside (node_modules/x -> /etc)', () => {
    const s = space();
    mkdirSync(join(s.proj, 'node_modules'));
    symlinkSync(join(s.base, 'outside'), join(s.proj, 'node_modules', 'team-config'));
    const rc = s.write('proj/.reframerc.yaml', 'extends: ./node_modules/team-config/credentials.yaml\n');
    expect(messagesOf(() => s.chain(rc))[0]).toContain('leads outside the trusted folders through a symbolic link');
  });

  it("accepts packages the package manager linked: pnpm's node_modules/.pnpm and its global virtual store", () => {
    const s = space();
    s.write('proj/node_modules/.pnpm/team-config@1.0.0/node_modules/team-config/base.yaml', 'rules:\n  substance/addict: "off"\n');
    symlinkSync('.pnpm/team-config@1.0.0/node_modules/team-config', join(s.proj, 'node_modules', 'team-config'));
    const linked = 'data/pnpm/store/v10/links/@/team-pack/1.0.0/abc/node_modules/team-pack';
    s.write(`${linked}/pack.yml`, 'category: x\nrules: []\n');
    symlinkSync(join(s.base, linked), join(s.proj, 'node_modules', 'team-pack'));
    const rc = s.write(
      'proj/.reframerc.yaml',
      'extends: ./node_modules/team-config/base.yaml\npacks: [./node_modules/team-pack/pack.yml]\n',
    );
    expect(s.chain(rc)).toMatchObject({ rules: { 'substance/addict': 'off' }, packs: [join(s.proj, 'node_modules/team-pack/pack.yml')] });
    // The store is trusted only for what is reached through the project's node_modules.
    s.write('proj/.reframerc.yaml', `packs: [${JSON.stringify(join(s.base, linked, 'pack.yml'))}]\n`);
    expect(messagesOf(() => s.chain(rc))[0]).toContain('is outside the trusted folders');
  });

  it("accepts the user's config folder and a team config elsewhere in the same git repository", () => {
    const s = space();
    const user = s.write('xdg/reframe/base.yaml', 'rules:\n  credibility/claims: "off"\n');
    s.write('repo/.git/HEAD', 'ref: refs/heads/main\n');
    s.write('repo/team/.reframerc.yaml', 'rules:\n  substance/addict: "off"\n');
    const rc = s.write('repo/proj/.reframerc.yaml', `extends: [../team/.reframerc.yaml, ${JSON.stringify(user)}]\n`);
    const trust = s.trust([join(s.base, 'repo', 'proj')]);
    expect(readConfigChain(rc, { trust }).rules).toEqual({ 'substance/addict': 'off', 'credibility/claims': 'off' });
    // Without the git repository the project is the folder itself, and the team folder is outside it.
    rmSync(join(s.base, 'repo', '.git'), { recursive: true });
    expect(messagesOf(() => readConfigChain(rc, { trust: s.trust([join(s.base, 'repo', 'proj')]) }))[0]).toContain(
      'extends "../team/.reframerc.yaml" is outside the trusted folders',
    );
  });

  it('a --config file outside the project is read where it is; what it extends stays in its own folder', () => {
    const s = space();
    s.write('elsewhere/base.yaml', 'rules:\n  substance/addict: "off"\n');
    const named = s.write('elsewhere/reframe.yaml', 'extends: ./base.yaml\n');
    expect(s.chain(named, { named: true }).rules).toEqual({ 'substance/addict': 'off' });
    s.write('elsewhere/reframe.yaml', 'extends: ../outside/credentials.yaml\n');
    const [message] = messagesOf(() => s.chain(named, { named: true }));
    expect(message).toContain(`is outside the trusted folders; config files and packs must be inside the project (${s.proj}),`);
    expect(message).toContain(`or the folder of --config (${join(s.base, 'elsewhere')})`);
    expectNoSecrets([message ?? '']);
  });

  it('a config above the project is the user’s own: it may be read, and the project may extend it', () => {
    const s = space();
    writeFileSync(join(s.base, '.reframerc.yaml'), 'rules:\n  substance/addict: "off"\n');
    expect(s.chain(join(s.base, '.reframerc.yaml')).rules).toEqual({ 'substance/addict': 'off' });
    const rc = s.write('proj/.reframerc.json', JSON.stringify({ extends: '../.reframerc.yaml', allow: ['x'] }));
    expect(s.chain(rc)).toMatchObject({ rules: { 'substance/addict': 'off' }, allow: ['x'] });
    // Only that file: another file in the folder above stays out of reach.
    s.write('proj/.reframerc.json', JSON.stringify({ extends: '../outside/credentials.yaml' }));
    expect(messagesOf(() => s.chain(rc))[0]).toContain('is outside the trusted folders');
  });
});
