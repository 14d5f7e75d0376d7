/**
 * A prefilter's anchors (anchors.ts) as plain data, for the rule-set snapshot. Working them out reads
 * every phrase variant of every rule that is on: about half of building the prefilter at a cold start
 * (6 of 13 ms here). The snapshot stores those of the presets' default rules, the set most runs use.
 */

import type { Sequence } from '../rules/pattern.js';
import { type Anchors, anchorPositionOf, checkOf, type VariantCheck } from './anchors.js';
import { interner } from './interner.js';

export interface AnchorTables {
  /** The set of rules that are on, as the prefilter's cache names it (config.ts enabledRulesOf). */
  enabled: string;
  /** The anchor keys, in order. */
  keys: string[];
  /** For each key in order: how many variants are anchored at it, then their positions in `variants`. */
  checks: number[];
  /** For each variant: its sequence, 1 when quoted + 2 when paragraph-scoped, its requirement (-1: none). */
  variants: number[];
  /** The distinct requirement word sets. */
  requires: number[][];
}

export function anchorTablesOf(anchors: Anchors, enabled: string, sequenceId: (seq: Sequence) => number): AnchorTables {
  const variants = interner((check: VariantCheck) => check);
  const requires = interner((words: Set<number>) => [...words]);
  const checks: number[] = [];
  for (const key of anchors.keys) {
    const list = anchors.checks.get(key) ?? [];
    checks.push(list.length, ...list.map(variants.id));
  }
  return {
    enabled,
    keys: [...anchors.keys],
    checks,
    variants: variants.items.flatMap((c) => [
      sequenceId(c.seq),
      (c.quoted ? 1 : 0) + (c.paragraph ? 2 : 0),
      c.requires ? requires.id(c.requires) : -1,
    ]),
    requires: requires.items,
  };
}

/** The anchors the tables stand for; throws if they are inconsistent. */
export function anchorsFromTables(tables: AnchorTables, sequence: (id: number) => Sequence): Anchors {
  const requires = tables.requires.map((words) => new Set(words));
  const variants: VariantCheck[] = [];
  const numbers = tables.variants;
  for (let i = 0; i + 2 < numbers.length; i += 3) {
    const id = numbers[i] as number;
    const flags = numbers[i + 1] as number;
    const requirement = numbers[i + 2] as number;
    const words = requirement === -1 ? null : requires[requirement];
    if (words === undefined) throw new Error(`anchor tables: missing requirement ${requirement}`);
    const seq = sequence(id);
    if (seq.tokens[anchorPositionOf(seq)]?.kind !== 'words') throw new Error(`anchor tables: sequence ${id} has no anchor`);
    variants.push(checkOf(seq, (flags & 1) !== 0, (flags & 2) !== 0, words));
  }
  const checks = new Map<string, VariantCheck[]>();
  let at = 0;
  for (const key of tables.keys) {
    const count = tables.checks[at++] ?? 0;
    if (count === 0) continue;
    const list: VariantCheck[] = [];
    for (let n = 0; n < count; n++) {
      const check = variants[tables.checks[at++] ?? -1];
      if (!check) throw new Error(`anchor tables: missing variant for "${key}"`);
      list.push(check);
    }
    checks.set(key, list);
  }
  if (at !== tables.checks.length) throw new Error('anchor tables: checks do not match keys');
  return { keys: new Set(tables.keys), checks };
}
