/**
 * The guards a `safe` repair passes before it is applied automatically. A safe repair keeps the
 * meaning where the words are used plainly; these are the places where it may not, or where the
 * result would not read as a sentence. A guard that holds back the fix leaves the suggestion offered.
 * Each guard is named (the name is given as the reason) and reads the cue lists of context.yml.
 */

import { type CueList, cueAt } from '../scope/cues.js';
import { sentenceAround } from '../scope/sentence.js';
import type { FixGuardName, SuggestionGuard } from '../types.js';
import { agreeingArticle, articleBefore } from './articles.js';
import { atSentenceStart, startsWithVerb } from './conventions.js';
import type { RepairCues } from './cues.js';
import type { Draft, RepairContext } from './draft.js';
import { wordBefore } from './neighbours.js';

export type FixGuard = (draft: Draft, fix: string, context: RepairContext, cues: RepairCues) => boolean;

/** The words of the sentence before the repair, lower-cased. */
function wordsBefore(draft: Draft, text: string): string[] {
  const sentence = sentenceAround(text, draft.start, draft.end);
  return sentence.words.filter((w) => w.end <= draft.start).map((w) => w.lower);
}

function anyCue(words: readonly string[], cues: CueList): boolean {
  for (let i = 0; i < words.length; i++) if (cueAt(words, i, cues) > 0) return true;
  return false;
}

/** A denial just after the words, as a list of findings writes it ("Alcohol abuse: denied", "drug use - nil"). */
const NEGATED_AFTER = /^[ \t]*[:;,–—-]?[ \t]*(?:denied|denies|nil|none|negative|absent|no)\b/iu;

/** Under negation or in a history ("No history of …", "denies …"), a reworded term may state another fact. */
const negation: FixGuard = (draft, _fix, { text }, cues) =>
  anyCue(wordsBefore(draft, text), cues.negation) ||
  NEGATED_AFTER.test(text.slice(draft.end, Math.min(draft.end + 20, draft.match.within?.[1] ?? text.length)));

/** Someone else's words ("called her a …", "said he was …") are a fact of the record, kept as they were said. */
const reportedSpeech: FixGuard = (draft, _fix, { text }, cues) => {
  if (anyCue(wordsBefore(draft, text), cues.reportedSpeech)) return true;
  // Inside quotation marks, as the matcher read them (straight, curly and single quotes, across
  // sentences); scare quotes are themselves the finding.
  return draft.match.quoted === true;
};

const FIELD_LABEL = /^[ \t|]*([^:|\t\n]{1,40})(?::|[ \t]*\||\t)/;

/** A field of identity or demographic data ("Ethnicity: …", a table row "| Ethnicity | … |") keeps what the person gave. */
const identityField: FixGuard = (draft, _fix, { text }, cues) => {
  // A label stands near the start of its line: look at most 80 characters back.
  // (The search for the line's start is bounded too: a one-line document would make it a scan per finding.)
  const from = Math.max(0, draft.start - 80);
  const lineStart = from + text.slice(from, draft.start).lastIndexOf('\n') + 1;
  const label = FIELD_LABEL.exec(text.slice(lineStart, draft.start));
  if (!label?.[1]) return false;
  const words = label[1]
    .toLowerCase()
    .split(/[^\p{L}\p{N}/']+/u)
    .filter(Boolean);
  return anyCue(words, cues.identityFields);
};

/**
 * The repair must read as a sentence where it goes: the article before it agrees, a capital stands
 * only at a sentence's start (or where the words replaced had one), no degree word is left before it,
 * and a verb phrase stands only in place of "is"/"was" or at a sentence's start ("will uses" and
 * "became predominantly uses" are held back). A word doubled at the repair's edges never gets here:
 * the doubled step has dropped such wording.
 */
const grammar: FixGuard = (draft, fix, { text }, cues) => {
  const written = articleBefore(text, draft.start);
  if (written && agreeingArticle(written.text, fix) !== written.text) return true;
  const actual = text.slice(draft.start, draft.end);
  // A capital the words replaced did not have, unless giving that capital is the repair ("aboriginal").
  const capitalFix = /^\p{Lu}/u.test(fix) && !/^\p{Lu}/u.test(actual) && !fix.toLowerCase().startsWith(actual.toLowerCase());
  if (capitalFix) return true;
  const lastWord = wordBefore(text, draft.start)?.word.toLowerCase();
  if (lastWord && cueAt([lastWord], 0, cues.degree) > 0) return true;
  // A verb phrase stands safely only where it took the place of "is"/"was" ("He is wheelchair-bound")
  // or opens a sentence ("Wheelchair-bound since 2019"); after "became", an adverb or "and" it may
  // not ("became predominantly uses a wheelchair").
  if (!startsWithVerb(fix) || draft.copulaTakenIn) return false;
  if (!atSentenceStart(text, draft.start)) return true;
  // "Wheelchair-bound since 2010" → "Uses a wheelchair since 2010" would need "has used": the tense is the writer's.
  return /^[ \t]+(?:since|for)\b/iu.test(text.slice(draft.end, draft.end + 10));
};

export const FIX_GUARDS: ReadonlyArray<readonly [name: FixGuardName, guard: FixGuard]> = [
  ['negation', negation],
  ['reported-speech', reportedSpeech],
  ['identity-field', identityField],
  ['grammar', grammar],
];

/** Does the named guard hold for the draft (a suggestion's `notUnder`)? */
export function guardHolds(name: SuggestionGuard, draft: Draft, context: RepairContext): boolean {
  const guard = name === 'negation' ? negation : name === 'reported-speech' ? reportedSpeech : undefined;
  if (!guard) throw new Error(`unknown guard "${String(name)}"`);
  return guard(draft, '', context, context.repairCues);
}

/** The name of the first guard that holds back applying `fix` here, or undefined when none does. */
export function withheldBy(draft: Draft, fix: string, context: RepairContext): FixGuardName | undefined {
  return FIX_GUARDS.find(([, guard]) => guard(draft, fix, context, context.repairCues))?.[0];
}
