/**
 * The conventions a repair is read by, kept in one place. Today they are keyed on a suggestion's text;
 * they are the part of the rule data that a rule cannot yet state explicitly:
 * - a suggestion in square brackets is an instruction to the writer ("[describe the behaviour
 *   observed]"): shown, never applied, never re-cased, pluralised or given an article;
 * - a suggestion that starts with a finite form of "have", "use" or "live" is a verb phrase ("has
 *   epilepsy", "uses a wheelchair"): it replaces an adjective, so it takes in the "to be" before it
 *   (copula.ts) and cannot stand after an article or a determiner (articles.ts).
 */

/** An instruction to the writer rather than replacement wording. */
export function isInstruction(suggestion: string): boolean {
  return suggestion.startsWith('[');
}

/** The instruction without its brackets. */
export function instructionText(suggestion: string): string {
  return suggestion.slice(1, -1);
}

/** Suggestions that are replacement wording, in order (instructions left out). */
export function wordingOf(suggestions: readonly string[]): string[] {
  return suggestions.filter((s) => !isInstruction(s));
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
