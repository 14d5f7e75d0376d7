/**
 * How a repair is read. Its kind is rule data (`safe`, `rewrite`, `instruction`, `omit`, `quote`):
 * advice is shown in square brackets and never applied, re-cased, pluralised or given an article.
 * One convention is still read from the wording itself: a repair that starts with a finite form of
 * "have", "use" or "live" is a verb phrase ("has epilepsy", "uses a wheelchair"); it replaces an
 * adjective, so it takes in the "to be" before it (copula.ts) and cannot stand after an article or a
 * determiner (articles.ts).
 */
import { isWording } from '../rules/repair-templates.js';
import type { Repair } from '../types.js';

export { isWording };

/** Advice to the writer (an instruction, omit or quote) rather than wording to put in place. */
export function isAdvice(repair: Repair): boolean {
  return !isWording(repair.kind);
}

/** A repair as a suggestion is shown: advice in square brackets. */
export function shownText(repair: Repair): string {
  return isWording(repair.kind) ? repair.text : `[${repair.text}]`;
}

/** The wording among the repairs, in order (advice left out). */
export function wordingOf(repairs: readonly Repair[]): string[] {
  return repairs.filter((r) => isWording(r.kind)).map((r) => r.text);
}

export type VerbForm = 'present3' | 'present' | 'past' | 'base' | 'ing' | 'participle';

/** Verbs that repairs start with, by form. Any of their finite forms marks a repair as a verb phrase. */
export const REPAIR_VERBS: ReadonlyArray<Readonly<Record<VerbForm, string>>> = [
  { present3: 'has', present: 'have', past: 'had', base: 'have', ing: 'having', participle: 'had' },
  { present3: 'uses', present: 'use', past: 'used', base: 'use', ing: 'using', participle: 'used' },
  { present3: 'lives', present: 'live', past: 'lived', base: 'live', ing: 'living', participle: 'lived' },
];

/** The repair verb `word` is a finite form of, if any. */
export function repairVerbOf(word: string): Readonly<Record<VerbForm, string>> | undefined {
  const lower = word.toLowerCase();
  // "living with …" and "using …" also work as adjective phrases after "is": only finite forms count.
  return REPAIR_VERBS.find((v) => lower === v.present3 || lower === v.present || lower === v.past);
}

/** Does the repair start with a finite verb ("has …", "uses …") rather than a word that can follow "is"? */
export function startsWithVerb(text: string): boolean {
  return repairVerbOf(text.split(/\s+/)[0] ?? '') !== undefined;
}

const SENTENCE_START = /(?:^|[.!?]["”’')]?\s+|\n[ \t]*(?:[-*•][ \t]+)?)$/u;

/** Does a sentence (or a line or list item) start at `at`? Reads at most 40 characters back. */
export function atSentenceStart(text: string, at: number): boolean {
  return SENTENCE_START.test(text.slice(Math.max(0, at - 40), at));
}
