/**
 * The compiled rule-set snapshot (dist/rules.snapshot.json) must stand for exactly the rules it was
 * made from: the same diagnostics as compiling the YAML, used only while the files and engine code match.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { DEFAULT_RULES_DIR, loadRuleSet, ruleSetFingerprint, writeRuleSetSnapshot } from '../src/node.js';
import { ruleSetFromSnapshot, snapshotOf } from '../src/snapshot.js';

const work = mkdtempSync(join(tmpdir(), 'reframe-snapshot-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const compiled = loadRuleSet({ snapshotFile: false });
const texts = [
  ...compiled.data.packs.flatMap((p) => p.rules.flatMap((r) => [...r.examples.flag, ...r.examples.pass])),
  readFileSync(new URL('../../../examples/notes/progress-note.txt', import.meta.url), 'utf8'),
];

describe('rule-set snapshot', () => {
  it('revives to a rule set that reports exactly what the compiled YAML reports', () => {
    const revived = ruleSetFromSnapshot(JSON.parse(JSON.stringify(snapshotOf(compiled, 'test'))));
    expect(revived.rules.size).toBe(compiled.rules.size);
    expect(revived.index.entries().length).toBe(compiled.index.entries().length);
    let findings = 0;
    for (const text of texts) {
      const expected = lint(text, { ruleSet: compiled });
      findings += expected.length;
      expect(lint(text, { ruleSet: revived })).toEqual(expected);
    }
    expect(findings).toBeGreaterThan(200);
  });

  it('is used while the rule files match, and ignored once one changes', () => {
    const rulesDir = join(work, 'rules');
    cpSync(DEFAULT_RULES_DIR, rulesDir, { recursive: true });
    const snapshotFile = join(work, 'rules.snapshot.json');
    writeRuleSetSnapshot(rulesDir, snapshotFile);

    // Prove the snapshot is what loads: mark a rule's note in the snapshot only.
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8'));
    const rule = snapshot.data.packs[0].rules[0];
    rule.note = 'NOTE FROM THE SNAPSHOT';
    writeFileSync(snapshotFile, JSON.stringify(snapshot));
    expect(loadRuleSet({ rulesDir, snapshotFile }).rules.get(rule.id)?.data.note).toBe('NOTE FROM THE SNAPSHOT');

    // Any change to a rule file changes the fingerprint: the YAML is compiled instead.
    const before = ruleSetFingerprint(rulesDir);
    const contextFile = join(rulesDir, 'context.yml');
    writeFileSync(contextFile, `${readFileSync(contextFile, 'utf8')}\n# edited\n`);
    expect(ruleSetFingerprint(rulesDir)).not.toBe(before);
    expect(loadRuleSet({ rulesDir, snapshotFile }).rules.get(rule.id)?.data.note).not.toBe('NOTE FROM THE SNAPSHOT');
  });

  it('falls back to compiling when the snapshot is unreadable', () => {
    const snapshotFile = join(work, 'broken.json');
    writeFileSync(snapshotFile, '{ not json');
    expect(loadRuleSet({ snapshotFile }).rules.size).toBe(compiled.rules.size);
  });
});
