/**
 * Configs and rule packs that fail: a file which fails as config is never quoted beyond its name,
 * line and column, and hostile files (devices, FIFOs, folders, huge files, alias bombs, deep
 * nesting, thousands of keys) fail fast with a file:line:column message, in time that grows with
 * their size at most linearly. Every hostile input is generated here, in temporary folders.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/index.js';
import { loadConfigFile, loadRuleSet, readConfigChain } from '../src/node/index.js';
import { parseData } from '../src/rules/validate.js';
import { configSpaces, expectNoSecrets, messagesOf, SHADOW } from './adversarial/config-space.js';
import { describeGrowth, growth, MAX_GROWTH } from './adversarial/growth.js';
import { FIXTURE_RULES } from './core-helpers.js';

const space = configSpaces();

describe('a file that fails as config is never quoted beyond its name, line and column', () => {
  const failing = (name: string, text: string): string[] => {
    const s = space();
    return messagesOf(() => loadConfigFile(s.write(`proj/${name}`, text)));
  };

  it.each([
    ['.reframerc.json', SHADOW],
    ['.reframerc.json', `{"allow": ["x"], ${SHADOW}}`],
    ['.reframerc.json', `{"rules": {"a": 1}}} ${SHADOW}`],
    ['.reframerc.json', `{"root:*:19000": "daemon" "x"}`],
    ['.reframerc.json', `{"x": "root:*:19000\u0001"}`],
    ['.reframerc.json', `{"x": "\\q root:*:19000"}`],
    ['.reframerc.json', `"root:*:19000`],
    ['package.json', `{"name": "x", "reframe": ${SHADOW}}`],
  ])('JSON syntax errors in %s do not quote the file', (name, text) => {
    const messages = failing(name, text);
    expect(messages[0]).toMatch(/:\d+:\d+: invalid JSON: [a-z]/);
    expectNoSecrets(messages);
  });

  it.each([
    ['unexpected tokens', '- a\nroot:*:19000: daemon\n'],
    ['a tag', 'allow: !root:*:19000 daemon\n'],
    ['an unresolved alias', 'allow: [*root:*:19000]\n'],
    ['an unclosed quote', 'allow: ["root:*:19000 daemon\n'],
    ['a bad escape', 'allow: ["\\q root:*:19000"]\n'],
    ['two documents', 'allow: []\n---\nroot:*:19000 daemon: 1\n'],
    ['a duplicate key', 'root:*:19000 daemon: 1\nroot:*:19000 daemon: 2\n'],
    ['a collection as key', '? [root:*:19000, daemon]\n: 1\n'],
    ['bad indentation', 'allow:\n  - a\n - root:*:19000 daemon\n'],
  ])('YAML errors (%s) do not quote the file', (_, text) => {
    const messages = failing('.reframerc.yaml', text);
    expect(messages[0]).toMatch(/\.reframerc\.yaml:\d+:\d+: [a-z]/);
    expectNoSecrets(messages);
  });

  it('schema errors name a key only when it looks like an identifier, and never a value that does not', () => {
    const messages = failing(
      '.reframerc.yaml',
      [
        'sugestions: 1',
        '"root:*:19000 daemon": 2',
        'rules:',
        '  "root:*:19000 daemon": loud',
        '  substance/addict: "wJalrXUtnFEMI zq9"',
        'locale: "aws secret access key"',
        'maxFileSize: "daemon 20"',
        '',
      ].join('\n'),
    );
    expect(messages).toContain(`${messages[0]?.split(':')[0]}:1:1: unknown key "sugestions" in the file`);
    expect(messages.some((m) => m.endsWith(':2:1: an unknown key in the file'))).toBe(true);
    expect(messages.some((m) => m.includes('rules.substance/addict must be one of') && m.endsWith('(got a string)'))).toBe(true);
    expect(messages.some((m) => m.includes('rules.(a key) must be one of'))).toBe(true);
    expect(messages.some((m) => m.includes('maxFileSize must be a size such as') && m.endsWith('(got a string)'))).toBe(true);
    expectNoSecrets(messages);
  });

  it('a shadow-shaped file extended from inside the project reports only where its keys are', () => {
    const s = space();
    const rc = s.write('proj/.reframerc.yaml', 'extends: ./shadow\n');
    s.write('proj/shadow', SHADOW);
    const messages = messagesOf(() => readConfigChain(rc));
    const shadow = join(s.proj, 'shadow');
    expect(messages).toEqual([`${shadow}:1:1: an unknown key in the file`, `${shadow}:2:1: an unknown key in the file`]);
  });
});

describe('hostile files fail fast with a message, in bounded time and memory', () => {
  /**
   * The messages of `fn`'s error, which must come within `ms` milliseconds alone on the machine. The
   * whole suite shares two cores, so the bound checked is three times that: growth is the real test.
   */
  const within = (ms: number, what: string, fn: () => unknown): string[] => {
    const started = performance.now();
    const messages = messagesOf(fn);
    expect(performance.now() - started, what).toBeLessThan(3 * ms);
    return messages;
  };
  /** A small hostile input fails within a second. */
  const quick = (what: string, fn: () => unknown): string[] => within(1000, what, fn);

  it('a device, a FIFO, a folder or an over-size file is refused before it is read', () => {
    const s = space();
    execFileSync('mkfifo', [join(s.proj, 'fifo.yaml')]);
    mkdirSync(join(s.proj, 'folder.yaml'));
    const big = s.write('proj/big.yaml', '');
    truncateSync(big, 3 * 1024 * 1024); // sparse: nothing is written
    const rc = s.write('proj/.reframerc.yaml', '');
    for (const [target, problem] of [
      ['./fifo.yaml', 'is a FIFO (named pipe); a config file must be a regular file'],
      ['./folder.yaml', 'is a folder; a config file must be a regular file'],
      ['./big.yaml', 'is larger than 1 MB, the limit for a config file'],
    ]) {
      writeFileSync(rc, `extends: ${target}\n`);
      expect(quick(target ?? '', () => readConfigChain(rc))).toEqual([`${rc}:1:10: extends "${target}" ${problem}`]);
      writeFileSync(rc, `packs: [${target}]\n`);
      expect(quick(target ?? '', () => readConfigChain(rc))[0]).toMatch(/:1:9: packs ".*" (is a FIFO|is a folder|is larger than 2 MB)/);
    }
    // Named directly (--config, or found by discovery): the file itself is checked the same way.
    expect(quick('fifo', () => readConfigChain(join(s.proj, 'fifo.yaml')))).toEqual([
      `${join(s.proj, 'fifo.yaml')}:1:1: is a FIFO (named pipe); a config file must be a regular file`,
    ]);
    for (const device of ['/dev/zero', '/dev/urandom']) {
      expect(quick(device, () => readConfigChain(device))).toEqual([`${device}:1:1: is a device; a config file must be a regular file`]);
      expect(quick(device, () => loadRuleSet({ rulesDir: FIXTURE_RULES, extraPacks: [device] }))).toEqual([
        `${device}:1:1: is a device; a rule pack must be a regular file`,
      ]);
    }
  });

  it('a YAML alias bomb is reported at the alias, quickly and in growth proportion to its size', async () => {
    const bomb = (width: number) => {
      const row = (name: string, of: string) => `${name}: &${name} [${Array(width).fill(of).join(', ')}]`;
      return [row('a', 'lol'), row('b', '*a'), row('c', '*b'), row('d', '*c'), row('e', '*d'), row('f', '*e')].join('\n');
    };
    const messages = messagesOf(() => parseData(bomb(10), 'bomb.yaml'));
    expect(messages).toEqual([
      'bomb.yaml:2:8: invalid YAML/JSON: aliases expand to too much data (an alias may stand for at most 100 nodes)',
    ]);
    const g = await growth(bomb, (text) => messagesOf(() => parseData(text, 'bomb.yaml')), 2000);
    expect(g.ratio, describeGrowth('alias bomb', g)).toBeLessThanOrEqual(MAX_GROWTH);
    quick('a bomb of 10^15 nodes', () => parseData(bomb(300), 'bomb.yaml'));
    within(5000, '1 MB bomb', () => parseData(bomb(30_000), 'bomb.yaml'));
  });

  it.each([
    ['flow collections', (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`],
    ['flow maps', (n: number) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}`],
    ['compact block sequences', (n: number) => `${'- '.repeat(n)}x`],
    ['explicit keys', (n: number) => '? '.repeat(n)],
  ])('nesting thousands deep (%s) is refused before it is composed, in linear time', async (_, build) => {
    const messages = quick('deep', () => parseData(build(5000), 'deep.yaml'));
    expect(messages[0]).toMatch(/^deep\.yaml:1:\d+: invalid YAML\/JSON: collections nested (more than 64 levels deep|too deep)$/);
    const g = await growth(build, (text) => messagesOf(() => parseData(text, 'deep.yaml')), 25_000);
    expect(g.ratio, describeGrowth('deep nesting', g)).toBeLessThanOrEqual(MAX_GROWTH);
    within(5000, '1 MB of nesting', () => parseData(build(250_000), 'deep.yaml'));
  });

  it('explicit keys that are collections are refused before they are stringified (exponential in the yaml package)', () => {
    const messages = quick('keys', () => parseData(`${'? '.repeat(60)}x\n`, 'keys.yaml'));
    expect(messages[0]).toBe('keys.yaml:1:3: invalid YAML/JSON: a key must be a plain string, not a collection or an alias');
  });

  it('thousands of keys, duplicate keys and bad keys cost linear time and report at most 20 problems', async () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i % (n / 2)}: 1`).join('\n');
    // Sizes past the parser's warm-up (below about 100 KB its cost per byte still settles).
    const g = await growth(keys, (text) => messagesOf(() => parseData(text, 'keys.yaml')), 20_000);
    expect(g.ratio, describeGrowth('duplicate keys', g)).toBeLessThanOrEqual(MAX_GROWTH);
    expect(messagesOf(() => parseData(keys(1000), 'keys.yaml'))).toHaveLength(20);
    const s = space();
    const unknown = (n: number) => Array.from({ length: n }, (_, i) => `"unknown key ${i}": ${i}`).join('\n');
    const file = s.write('proj/.reframerc.yaml', unknown(38_000)); // just under 1 MB
    expect(within(5000, 'a 1 MB config of unknown keys', () => loadConfigFile(file))).toHaveLength(20);
  });

  it('an allowed phrase that expands combinatorially, or lists thousands of alternatives, fails at once', async () => {
    const ruleSet = loadRuleSet({ rulesDir: FIXTURE_RULES });
    const allow = (phrase: string) => () => resolveConfig({ allow: [phrase] }, ruleSet);
    // Twenty optional alternatives are a million variants: built in full, then refused, before.
    const started = performance.now();
    expect(allow(`${Array(20).fill('(a|b)?').join(' ')} c`)).toThrow(/expands to too many variants/);
    expect(performance.now() - started, 'optional alternatives').toBeLessThan(3000);
    const alternatives = (n: number) => Array.from({ length: n }, (_, i) => `x${i}-a`).join('|');
    const g = await growth(alternatives, (phrase) => expect(allow(phrase)).toThrow(/too many variants/), 5000);
    expect(g.ratio, describeGrowth('alternatives with distinct leading words', g)).toBeLessThanOrEqual(MAX_GROWTH);
  });

  it('a rules map of thousands of keys, or of keys that are no rule id, is refused by the schema before rule ids are matched', () => {
    const s = space();
    // Each unknown rule id costs an edit-distance search over every rule for its "did you mean".
    const many = Array.from({ length: 36_000 }, (_, i) => `  nope${i}/x: "off"`).join('\n');
    const file = s.write('proj/.reframerc.yaml', `rules:\n${many}\n`);
    const messages = within(5000, 'a 1 MB rules map', () => loadConfigFile(file));
    expect(messages).toEqual([`${file}:2:3: rules must NOT have more than 500 properties`]);
    s.write('proj/.reframerc.yaml', 'rules:\n  substance/addict: "off"\n  "root:*:19000 daemon": "off"\n');
    expect(messagesOf(() => loadConfigFile(file))).toEqual([
      `${file}:3:3: rules has a key that is not a rule id, a category or category/* (got a string)`,
    ]);
  });
});
