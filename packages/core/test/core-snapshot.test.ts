/**
 * The compiled rule-set snapshot (dist/rules.snapshot.json) must stand for exactly the rules it was
 * made from: the same diagnostics as compiling the YAML, used only while the files and engine code match.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enabledRulesOf, PRESETS } from '../src/config/resolve.js';
import { type Candidate, candidatesIn, type Prefilter, prefilterFor } from '../src/fast/prefilter.js';
import { type RuleSetSnapshot, ruleSetFromSnapshot, snapshotOf } from '../src/fast/snapshot.js';
import { type CompiledRuleSet, lint, type ReframeConfig, resolveConfig } from '../src/index.js';
import { DEFAULT_RULES_DIR, loadRuleSet, ruleSetFingerprint, writeRuleSetSnapshot } from '../src/node/index.js';
import type { Sequence, TokenTest } from '../src/rules/pattern.js';

const work = mkdtempSync(join(tmpdir(), 'reframe-snapshot-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const compiled = loadRuleSet({ snapshotFile: false });
const texts = [
  ...compiled.data.packs.flatMap((p) => p.rules.flatMap((r) => [...r.examples.flag, ...r.examples.pass])),
  readFileSync(new URL('../../../examples/notes/progress-note.txt', import.meta.url), 'utf8'),
];

/** The prefilter for the rules a configuration turns on (all rules without one), as lint() builds it. */
function prefilterOf(ruleSet: CompiledRuleSet, config?: ReframeConfig): Prefilter {
  return config ? prefilterFor(ruleSet, enabledRulesOf(resolveConfig(config, ruleSet))) : prefilterFor(ruleSet);
}

/** The candidates of every text, and how many there are. */
function candidatesOf(prefilter: Prefilter): Candidate[][] {
  return texts.map((text) => candidatesIn(prefilter, text));
}

/** A token test as data: revived word tests keep their forms behind getters until first read. */
function plainTest(test: TokenTest): object {
  const after = test.after === undefined ? {} : { after: test.after };
  return test.kind === 'words'
    ? { kind: test.kind, forms: [...test.forms], pluralForms: [...test.pluralForms], ...after }
    : { kind: test.kind, ...after };
}

const plainSequence = (seq: Sequence): object => ({ tokens: seq.tokens.map(plainTest), caseSensitive: seq.caseSensitive });

/** Every compiled phrase of a rule set, as data. */
function phrasesOf(ruleSet: CompiledRuleSet): object {
  const plain = (seqs: Sequence[]): object[] => seqs.map(plainSequence);
  return {
    index: plain(ruleSet.index.entries().map((e) => e.seq)),
    allow: plain(ruleSet.allow.entries().map((e) => e.seq)),
    rules: [...ruleSet.rules.values()].map((r) => [r.notBefore, r.notAfter, r.requires, r.unless].map(plain)),
    cues: [plain(ruleSet.mentionCues), plain(ruleSet.selfDescriptionCues)],
  };
}

/** Everything a prefilter decides with, as data. */
function plainPrefilter(prefilter: Prefilter): object {
  return {
    keys: [...prefilter.keys],
    byHash: [...prefilter.byHash].map(([hash, anchors]) => [hash, anchors.map((a) => a.key)]),
    byKey: [...prefilter.byKey.values()].map(({ key, before, after, checks }) => ({
      key,
      before,
      after,
      checks: checks?.map((c) => ({
        othersBefore: c.othersBefore.map(plainTest),
        othersAfter: c.othersAfter.map(plainTest),
        before: c.before,
        after: c.after,
        quoted: c.quoted,
        paragraph: c.paragraph,
        requires: c.requires && [...c.requires],
      })),
    })),
    pattern: prefilter.pattern?.source,
  };
}

const configs: Array<ReframeConfig | undefined> = [
  undefined,
  {},
  { preset: 'training-materials' },
  { rules: { 'suicide/committed-suicide': 'off', 'substance/addict': 'off' } },
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

  it('revives every phrase to the token tests it was compiled to', () => {
    const revived = ruleSetFromSnapshot(JSON.parse(JSON.stringify(snapshotOf(compiled, 'test'))));
    expect(phrasesOf(revived)).toEqual(phrasesOf(compiled));
  });

  it("stores each sequence's prefilter anchor: a revived rule set has the prefilter of the compiled YAML", () => {
    const snapshot = JSON.parse(JSON.stringify(snapshotOf(loadRuleSet({ snapshotFile: false }), 'test'))) as RuleSetSnapshot;
    const revived = ruleSetFromSnapshot(snapshot);
    // Compiled afresh: nothing has worked out its anchors yet.
    const fresh = loadRuleSet({ snapshotFile: false });
    const freshSequences = fresh.index.entries().map((e) => e.seq);
    expect(freshSequences.every((seq) => seq.anchor === undefined)).toBe(true);
    let candidates = 0;
    for (const config of configs) {
      const expected = prefilterOf(fresh, config);
      const actual = prefilterOf(revived, config);
      expect(plainPrefilter(actual)).toEqual(plainPrefilter(expected));
      for (const text of texts) {
        const found = candidatesIn(actual, text);
        candidates += found.length;
        expect(found).toEqual(candidatesIn(expected, text));
      }
    }
    expect(candidates).toBeGreaterThan(1000);
    expect(revived.index.entries().map((e) => e.seq.anchor)).toEqual(freshSequences.map((seq) => seq.anchor));
  });

  it("stores the prefilter's anchors for each preset's rules: the same prefilter, used while the tables fit", () => {
    const enabled = PRESETS.map((preset) => enabledRulesOf(resolveConfig({ preset }, compiled)));
    const snapshot = JSON.parse(JSON.stringify(snapshotOf(compiled, 'test', enabled))) as RuleSetSnapshot;
    expect(snapshot.anchors.map((a) => a.enabled)).toEqual([...new Set(enabled.map((e) => e.key))]);
    const fresh = loadRuleSet({ snapshotFile: false });
    for (const preset of PRESETS) {
      const revived = prefilterOf(ruleSetFromSnapshot(snapshot), { preset });
      const expected = prefilterOf(fresh, { preset });
      expect(plainPrefilter(revived)).toEqual(plainPrefilter(expected));
      expect(candidatesOf(revived)).toEqual(candidatesOf(expected));
    }

    // Used: without its first key, the stored tables give a prefilter without it.
    const [tables] = snapshot.anchors;
    if (!tables) throw new Error('no anchor tables');
    const [dropped] = tables.keys;
    const withoutFirst = { ...tables, keys: tables.keys.slice(1), checks: tables.checks.slice(1 + (tables.checks[0] ?? 0)) };
    const smaller = prefilterOf(ruleSetFromSnapshot({ ...snapshot, anchors: [withoutFirst] }), {});
    expect(prefilterOf(fresh, {}).keys.has(dropped as string)).toBe(true);
    expect(smaller.keys.has(dropped as string)).toBe(false);
    expect(smaller.keys.size).toBe(tables.keys.length - 1);

    // Tables that do not fit the rules are not used: the anchors are worked out instead.
    const broken = { ...tables, checks: tables.checks.map((n, i) => (i === 1 ? 1e6 : n)) };
    const worked = prefilterOf(ruleSetFromSnapshot({ ...snapshot, anchors: [broken] }), {});
    expect(plainPrefilter(worked)).toEqual(plainPrefilter(prefilterOf(fresh, {})));
  });

  it('revives the anchors it stores rather than working them out again, and rejects one that is not a word', () => {
    const snapshot = JSON.parse(JSON.stringify(snapshotOf(compiled, 'test'))) as RuleSetSnapshot;
    // Anchor every phrase on its first word: the prefilter must then look for "a" (as in "a schizophrenic").
    const isWord = (t: number | undefined): boolean => t !== undefined && snapshot.tests[t]?.[0] === 'words';
    const firstWords = { ...snapshot, sequences: snapshot.sequences.map((s) => (isWord(s.t[0]) ? { ...s, a: 0 } : s)) };
    expect(prefilterFor(ruleSetFromSnapshot(firstWords)).keys.has('a')).toBe(true);
    expect(prefilterFor(ruleSetFromSnapshot(snapshot)).keys.has('a')).toBe(false);

    const wildcard = snapshot.sequences.findIndex((s) => s.t.some((t) => !isWord(t)));
    const sequence = snapshot.sequences[wildcard];
    if (!sequence) throw new Error('no sequence with a wildcard');
    const atWildcard = { ...sequence, a: sequence.t.findIndex((t) => !isWord(t)) };
    const broken = { ...snapshot, sequences: snapshot.sequences.map((s, i) => (i === wildcard ? atWildcard : s)) };
    expect(() => ruleSetFromSnapshot(broken)).toThrow(/anchored at/);
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
