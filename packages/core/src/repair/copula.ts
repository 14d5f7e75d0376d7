/**
 * A repair that is a verb phrase ("has an intellectual disability", "uses a wheelchair") replaces an
 * adjective, so after "is", "was" or "been" it would read "is has …". Such a repair takes in the
 * "to be" form before it and carries its tense ("was brain-damaged" → "had a brain injury").
 */
import type { Repair } from '../types.js';
import { isAdvice, repairVerbOf, startsWithVerb, type VerbForm } from './conventions.js';

/** The forms of "to be" that may stand before an adjective, and the form the verb takes in their place. */
const BE_FORMS: Record<string, VerbForm> = {
  is: 'present3',
  are: 'present',
  am: 'present',
  was: 'past',
  were: 'past',
  be: 'base',
  being: 'ing',
  been: 'participle',
};

/** A relative clause after the flagged words shows they name a person ("a diabetic who manages …"). */
const RELATIVE_CLAUSE_AFTER = /^[ \t]*(?:\r?\n[ \t]*)?(?:who|whom|whose)\b/i;

const BE_AT_END = /(?<![\p{L}\p{N}'’-])(is|are|am|was|were|be|being|been|Is|Are|Was|Were|Be|Being)(?:[ \t]+|[ \t]*\r?\n[ \t]*)$/u;

export interface CopulaRepair {
  /** Where the repair now starts: at the "to be" form. */
  start: number;
  suggestions: Repair[];
}

/**
 * When a repair is a verb phrase and "to be" stands just before the flagged text, widen the repair to
 * take "to be" in: verb phrases get the verb in its tense, other repairs keep the written form.
 * Undefined when no repair starts with a verb or nothing suitable stands before.
 */
export function repairCopula(source: string, start: number, end: number, suggestions: Repair[]): CopulaRepair | undefined {
  if (!suggestions.some((r) => !isAdvice(r) && startsWithVerb(r.text))) return undefined;
  if (RELATIVE_CLAUSE_AFTER.test(source.slice(end, end + 20))) return undefined;
  const from = Math.max(0, start - 20);
  const m = BE_AT_END.exec(source.slice(from, start));
  const written = m?.[1];
  if (!m || !written) return undefined;
  const form = BE_FORMS[written.toLowerCase()];
  if (!form) return undefined;
  const capital = written !== written.toLowerCase();
  const repaired = suggestions.map((r): Repair => {
    if (isAdvice(r)) return r;
    const [first = '', ...rest] = r.text.split(' ');
    const verb = repairVerbOf(first);
    if (!verb) return { ...r, text: `${written} ${r.text}` };
    const text = [verb[form], ...rest].join(' ');
    return { ...r, text: capital ? text.charAt(0).toUpperCase() + text.slice(1) : text };
  });
  return { start: from + m.index, suggestions: repaired };
}

/**
 * Words after which a finite verb cannot stand: determiners, prepositions, numbers, "known", and a
 * negated "to be" ("is not wheelchair-bound": "is not uses" would be wrong, and "does not use" needs
 * more than a word swap).
 */
const NO_VERB_AFTER =
  /(?<![\p{L}\p{N}'’-])(?:a|an|the|this|that|these|those|his|her|their|my|your|our|its|known|as|of|for|with|from|by|in|on|at|two|three|four|five|six|seven|eight|nine|ten|several|many|some|\d+|(?:is|are|am|was|were|be|been|being)[ \t]+not|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)[ \t]+(?:\r?\n[ \t]*)?$/iu;

/**
 * A verb-phrase repair ("has alcohol use disorder") cannot follow a determiner, a preposition or a
 * number ("Known alcoholic", "Three alcoholics", "a brain-damaged man"), nor stand before a relative
 * clause ("is a diabetic who manages …"): drop it there, unless nothing else would be left. After a
 * subject ("He suffers from …") or at a clause start it stays.
 */
export function dropMisplacedVerbs(source: string, start: number, end: number, suggestions: Repair[], afterArticle: boolean): Repair[] {
  const misplaced =
    afterArticle ||
    NO_VERB_AFTER.test(source.slice(Math.max(0, start - 40), start)) ||
    RELATIVE_CLAUSE_AFTER.test(source.slice(end, end + 20));
  if (!misplaced) return suggestions;
  const kept = suggestions.filter((r) => isAdvice(r) || !startsWithVerb(r.text));
  return kept.some((r) => !isAdvice(r)) ? kept : suggestions;
}
