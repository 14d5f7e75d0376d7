/**
 * A compiled rule set as plain JSON. Reading YAML with source positions, validating it and expanding
 * every phrase costs most of a cold start (hundreds of milliseconds); reviving this snapshot costs a few.
 * Pure: no file system here (node.ts decides where snapshots live and when they are current).
 */

import type { EnabledRules } from '../config/resolve.js';
import { SequenceIndex } from '../matching/matcher.js';
import type { CompiledEntry, CompiledRule, CompiledRuleSet } from '../rules/compile.js';
import type { Sequence, TokenTest } from '../rules/pattern.js';
import type { RepairTemplate } from '../rules/repair-templates.js';
import type { RuleData, RuleSetData } from '../types.js';
import { type AnchorTables, anchorsFromTables, anchorTablesOf } from './anchor-tables.js';
import { anchorPositionOf, anchorsOf } from './anchors.js';
import { interner } from './interner.js';
import { rememberAnchors } from './prefilter.js';

/**
 * One token test: kind, then forms and plural forms for words (each list one string, space-separated:
 * a form is one word), then the punctuation it must follow.
 */
type TestJson = ['words', string, string, string?] | ['any' | 'capitalised' | 'number', null, null, string?];
interface SequenceJson {
  /** Indexes into `tests`: expanded phrases share their token tests, and so does the snapshot. */
  t: number[];
  cs: boolean;
  /** Position of the prefilter's anchor (anchors.ts): choosing it reads every word's frequency. */
  a: number;
}
interface EntryValueJson {
  rule: string;
  suggestions: RepairTemplate[];
  patternIsLower: boolean;
  templated: boolean;
}

export interface RuleSetSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** Identifies the rule files and engine code the snapshot was made from. */
  fingerprint: string;
  data: RuleSetData;
  tests: TestJson[];
  sequences: SequenceJson[];
  rules: Array<{ id: string; notBefore: number[]; notAfter: number[]; requires: number[]; unless: number[] }>;
  values: EntryValueJson[];
  /** [sequence, value] in the order they were added to the index (the order matches are reported in). */
  entries: Array<[number, number]>;
  allow: number[];
  mentionCues: number[];
  selfDescriptionCues: number[];
  /** The prefilter's anchors for some sets of rules that are on (the presets' defaults). */
  anchors: AnchorTables[];
}

export const SNAPSHOT_FORMAT = 4;

/** The snapshot of a rule set, with the prefilter's anchors worked out for each of `enabled`. */
export function snapshotOf(ruleSet: CompiledRuleSet, fingerprint: string, enabled: EnabledRules[] = []): RuleSetSnapshot {
  // Expanded phrases share token tests and rules share sequences: each is written once. Tests are
  // shared by content (about 40% fewer to revive), but the tests of one sequence stay distinct objects,
  // as compiled: the prefilter tells a sequence's tokens apart by identity.
  const tests = interner((key: string): TestJson => JSON.parse(key.slice(key.indexOf('\0') + 1)) as TestJson);
  const testIds = (seq: Sequence): number[] => {
    const seen = new Map<string, number>();
    return seq.tokens.map((test) => {
      const json = JSON.stringify(testToJson(test));
      const nth = seen.get(json) ?? 0;
      seen.set(json, nth + 1);
      return tests.id(`${nth}\0${json}`);
    });
  };
  const sequences = interner((seq: Sequence): SequenceJson => ({ t: testIds(seq), cs: seq.caseSensitive, a: anchorPositionOf(seq) }));
  const values = interner(
    ({ rule, suggestions, patternIsLower, templated }: CompiledEntry): EntryValueJson => ({
      rule: rule.data.id,
      suggestions,
      patternIsLower,
      templated,
    }),
  );
  const idOf = sequences.id;
  const entries = ruleSet.index.entries().map(({ seq, value }): [number, number] => [idOf(seq), values.id(value)]);
  return {
    format: SNAPSHOT_FORMAT,
    fingerprint,
    data: ruleSet.data,
    tests: tests.items,
    sequences: sequences.items,
    rules: [...ruleSet.rules.values()].map((r) => ({
      id: r.data.id,
      notBefore: r.notBefore.map(idOf),
      notAfter: r.notAfter.map(idOf),
      requires: r.requires.map(idOf),
      unless: r.unless.map(idOf),
    })),
    values: values.items,
    entries,
    allow: ruleSet.allow.entries().map((e) => idOf(e.seq)),
    mentionCues: ruleSet.mentionCues.map(idOf),
    selfDescriptionCues: ruleSet.selfDescriptionCues.map(idOf),
    // Once per distinct set (presets may turn on the same rules).
    anchors: [...new Map(enabled.map((e) => [e.key, e])).values()].map((e) => anchorTablesOf(anchorsOf(ruleSet, e.has), e.key, idOf)),
  };
}

function testToJson(test: TokenTest): TestJson {
  const after = test.after === undefined ? [] : [test.after];
  if (test.kind === 'words') return ['words', joinForms(test.forms), joinForms(test.pluralForms), ...after] as TestJson;
  return [test.kind, null, null, ...after] as TestJson;
}

function joinForms(forms: Set<string>): string {
  for (const form of forms) if (form === '' || /\s/.test(form)) throw new Error(`cannot snapshot the form "${form}": not one word`);
  return [...forms].join(' ');
}

const splitForms = (forms: string): string[] => (forms === '' ? [] : forms.split(' '));

/**
 * A word test from a snapshot, its forms kept as the snapshot's string until first read. A run reads
 * few of the tests (at start-up, the first and anchor words of each phrase: about one in six forms),
 * and building every set was most of the time it took to revive them.
 */
class RevivedWordTest {
  readonly kind = 'words';
  after?: string;
  readonly #forms: string;
  readonly #pluralForms: string;
  #formSet: Set<string> | undefined;
  #pluralSet: Set<string> | undefined;

  constructor(forms: string, pluralForms: string) {
    this.#forms = forms;
    this.#pluralForms = pluralForms;
  }

  get forms(): Set<string> {
    this.#formSet ??= new Set(splitForms(this.#forms));
    return this.#formSet;
  }

  get pluralForms(): Set<string> {
    this.#pluralSet ??= new Set(splitForms(this.#pluralForms));
    return this.#pluralSet;
  }
}

function testFromJson([kind, forms, pluralForms, after]: TestJson): TokenTest {
  if (kind === 'words' && (typeof forms !== 'string' || typeof pluralForms !== 'string'))
    throw new Error('rule-set snapshot has a word test without its forms');
  const test: TokenTest = kind === 'words' ? new RevivedWordTest(forms as string, pluralForms as string) : { kind };
  if (after !== undefined) test.after = after;
  return test;
}

/** The compiled rule set a snapshot stands for; throws if the snapshot is inconsistent. */
export function ruleSetFromSnapshot(snapshot: RuleSetSnapshot): CompiledRuleSet {
  if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`rule-set snapshot format ${snapshot.format} is not ${SNAPSHOT_FORMAT}`);
  const tests = snapshot.tests.map(testFromJson);
  const test = (id: number): TokenTest => {
    const found = tests[id];
    if (!found) throw new Error(`rule-set snapshot refers to a missing token test ${id}`);
    return found;
  };
  const sequences: Sequence[] = snapshot.sequences.map((s) => {
    const tokens = s.t.map(test);
    if (s.a !== -1 && tokens[s.a]?.kind !== 'words') throw new Error(`rule-set snapshot has a sequence anchored at ${s.a}, not a word`);
    return { tokens, caseSensitive: s.cs, anchor: s.a };
  });
  const seq = (id: number): Sequence => {
    const found = sequences[id];
    if (!found) throw new Error(`rule-set snapshot refers to a missing sequence ${id}`);
    return found;
  };
  const ruleData = new Map<string, RuleData>();
  for (const pack of snapshot.data.packs) for (const rule of pack.rules) ruleData.set(rule.id, rule);
  const rules = new Map<string, CompiledRule>();
  for (const r of snapshot.rules) {
    const data = ruleData.get(r.id);
    if (!data) throw new Error(`rule-set snapshot names a missing rule ${r.id}`);
    rules.set(r.id, {
      data,
      sources: data.sources.map((key) => {
        const s = snapshot.data.sources[key];
        return { key, title: s?.title ?? key, url: s?.url ?? '' };
      }),
      notBefore: r.notBefore.map(seq),
      notAfter: r.notAfter.map(seq),
      requires: r.requires.map(seq),
      unless: r.unless.map(seq),
    });
  }
  const values: CompiledEntry[] = snapshot.values.map((v) => {
    const rule = rules.get(v.rule);
    if (!rule) throw new Error(`rule-set snapshot names a missing rule ${v.rule}`);
    return { rule, suggestions: v.suggestions, patternIsLower: v.patternIsLower, templated: v.templated };
  });
  const index = new SequenceIndex<CompiledEntry>();
  for (const [s, v] of snapshot.entries) {
    const value = values[v];
    if (!value) throw new Error(`rule-set snapshot refers to a missing entry ${v}`);
    index.add(seq(s), value);
  }
  const allow = new SequenceIndex<true>();
  for (const s of snapshot.allow) allow.add(seq(s), true);
  const ruleSet: CompiledRuleSet = {
    rules,
    index,
    allow,
    mentionCues: snapshot.mentionCues.map(seq),
    selfDescriptionCues: snapshot.selfDescriptionCues.map(seq),
    equalityIgnoreRules: new Set(snapshot.data.context.equalityIgnoreRules),
    data: snapshot.data,
  };
  // Read on first use; tables that do not fit are dropped and the anchors worked out as usual.
  for (const tables of snapshot.anchors) {
    rememberAnchors(ruleSet, tables.enabled, () => {
      try {
        return anchorsFromTables(tables, seq);
      } catch {
        return undefined;
      }
    });
  }
  return ruleSet;
}
