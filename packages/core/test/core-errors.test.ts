import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigFile, loadRuleSet, ReframeFileError, ReframeFileErrors } from '../src/node/index.js';
import { FIXTURE_RULES } from './core-helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempRules(extra: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'reframe-rules-'));
  dirs.push(dir);
  cpSync(FIXTURE_RULES, dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

function errorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ReframeFileErrors) return error.errors.map((e) => e.message);
    if (error instanceof ReframeFileError) return [error.message];
    throw error;
  }
  throw new Error('expected an error');
}

const GOOD_RULE = `  - id: extra/thing
    severity: warning
    match: [thing]
    suggestions: [item]
    note: An invented rule for error tests.
    sources: [TEST-SRC]
    examples:
      flag: [a thing, the thing]
      pass: [an item, the item]
`;

describe('rule pack errors name the file, line and column', () => {
  const packErrors = (yaml: string) => {
    const dir = tempRules({ 'extra.yml': yaml });
    return errorsOf(() => loadRuleSet({ rulesDir: dir })).map((m) => m.replace(dir, 'RULES'));
  };

  it('invalid YAML', () => {
    expect(packErrors('category: extra\nrules:\n  - id: [unclosed\n')[0]).toMatch(/^RULES\/extra\.yml:\d+:\d+: invalid YAML\/JSON: /);
  });
  it('a duplicate key, at its own line (not 1:1)', () => {
    const [e] = packErrors(`category: extra\nrules:\n${GOOD_RULE}    note: again\n`);
    expect(e).toBe('RULES/extra.yml:12:5: invalid YAML/JSON: Map keys must be unique');
  });
  it('unknown key, with the nearest known key', () => {
    const [e] = packErrors(`category: extra\nrules:\n${GOOD_RULE}    sugestions: [x]\n`);
    expect(e).toBe('RULES/extra.yml:12:5: unknown key "sugestions" in rules[0] (did you mean "suggestions"?)');
  });
  it('wrong severity value', () => {
    const [e] = packErrors(`category: extra\nrules:\n${GOOD_RULE.replace('severity: warning', 'severity: warn')}`);
    expect(e).toBe('RULES/extra.yml:4:15: rules[0].severity must be one of "error", "warning", "info", "hint" (got "warn")');
  });
  it('wrong type', () => {
    const [e] = packErrors(`category: extra\nrules:\n${GOOD_RULE.replace('match: [thing]', 'match: thing')}`);
    expect(e).toBe('RULES/extra.yml:5:12: rules[0].match must be array (got string)');
  });
  it('missing field', () => {
    const [e] = packErrors(`category: extra\nrules:\n${GOOD_RULE.replace('    note: An invented rule for error tests.\n', '')}`);
    expect(e).toBe('RULES/extra.yml:3:5: rules[0] is missing "note"');
  });
  it('too few examples', () => {
    const [e] = packErrors(`category: extra\nrules:\n${GOOD_RULE.replace('flag: [a thing, the thing]', 'flag: [a thing]')}`);
    expect(e).toBe('RULES/extra.yml:10:13: rules[0].examples.flag needs at least 2 item(s)');
  });
  it('id that does not start with its category', () => {
    const [e] = packErrors(`category: other\nrules:\n${GOOD_RULE}`);
    expect(e).toBe('RULES/extra.yml:3:9: rule id "extra/thing" must start with its category "other/"');
  });
  it('phrase that is not a phrase', () => {
    const [e] = packErrors(`category: extra\nrules:\n${GOOD_RULE.replace('match: [thing]', 'match: ["* thing"]')}`);
    expect(e).toMatch(/^RULES\/extra\.yml:3:\d+: rule extra\/thing: a phrase cannot start with a wildcard/);
  });
  it('unknown source key', () => {
    const [e] = packErrors(`category: extra\nrules:\n${GOOD_RULE.replace('sources: [TEST-SRC]', 'sources: [NOPE]')}`);
    expect(e).toMatch(/^RULES\/extra\.yml:3:\d+: rule extra\/thing: unknown source "NOPE"/);
  });
  it('duplicate rule id', () => {
    const [e] = packErrors(`category: test\nrules:\n${GOOD_RULE.replace('extra/thing', 'test/addict')}`);
    expect(e).toMatch(/rule test\/addict: duplicate rule id/);
  });
  it('reports every problem in one pass', () => {
    const errors = packErrors(
      `category: extra\nrules:\n${GOOD_RULE.replace('severity: warning', 'severity: warn').replace('match: [thing]', 'match: thing')}`,
    );
    expect(errors).toHaveLength(2);
  });
  it('a custom tag is rejected rather than executed', () => {
    expect(packErrors(`category: extra\nrules: !!js/function "function () {}"\n`)[0]).toMatch(/RULES\/extra\.yml:2:\d+:/);
  });
  it('an extra pack path that does not exist', () => {
    const [e] = errorsOf(() => loadRuleSet({ rulesDir: FIXTURE_RULES, extraPacks: ['/nonexistent/pack.yml'] }));
    expect(e).toBe('/nonexistent/pack.yml:1:1: cannot read: ENOENT');
  });
});

describe('config file errors name the file, line and column', () => {
  const configErrors = (name: string, text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'reframe-config-'));
    dirs.push(dir);
    const file = join(dir, name);
    writeFileSync(file, text);
    return errorsOf(() => loadConfigFile(file)).map((m) => m.replace(dir, 'DIR'));
  };
  it('invalid JSON', () => {
    expect(configErrors('.reframerc.json', '{"preset": "clinical-notes",\n  "rules": {\n}')[0]).toMatch(
      /^DIR\/\.reframerc\.json:3:\d+: invalid JSON: /,
    );
  });
  it('unknown key', () => {
    expect(configErrors('.reframerc.json', '{\n  "presets": "clinical-notes"\n}')).toEqual([
      'DIR/.reframerc.json:2:3: unknown key "presets" in the file (did you mean "preset"?)',
    ]);
  });
  it('wrong value', () => {
    expect(configErrors('.reframerc.yaml', 'rules:\n  substance/addict: loud\n')).toEqual([
      'DIR/.reframerc.yaml:2:21: rules.substance/addict must be one of "off", "error", "warning", "info", "hint" (got "loud")',
    ]);
  });
  it('wrong type inside package.json#reframe', () => {
    expect(configErrors('package.json', '{\n  "name": "x",\n  "reframe": {\n    "allow": "addict"\n  }\n}')).toEqual([
      'DIR/package.json:4:14: allow must be array (got string)',
    ]);
  });
  it('a valid config loads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reframe-config-'));
    dirs.push(dir);
    writeFileSync(join(dir, '.reframerc.yaml'), '# comment\npreset: training-materials\nlocale: en-US\n');
    expect(loadConfigFile(join(dir, '.reframerc.yaml'))).toEqual({ preset: 'training-materials', locale: 'en-US' });
  });
});
