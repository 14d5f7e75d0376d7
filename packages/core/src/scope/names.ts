/**
 * Wording that is never the writer's own use, whatever the rule: an entry of a reference list, a
 * title or a name written in title case ("Journal of Substance Abuse Treatment", "the Commonly Abused
 * Drugs Chart"), and a word that is part of a longer hyphenated word ("psycho-educational").
 */

const REACH = 1500;
/** "Surname, A. B., & Other, C. (2004)." at the start of a paragraph. */
const REFERENCE_OPENING = /^\s*(?:[-*•]\s+)?[\p{Lu}][\p{L}'’-]+,\s+(?:\p{Lu}\.\s?-?)+/u;
const YEAR_IN_BRACKETS = /\((?:19|20)\d\d[a-z]?(?:, [\p{L}]+(?: \d+)?)?\)/u;
/** An author (a person or an organisation), then "(2004)." early in a short paragraph: a reference entry. */
const AUTHOR_DATE_OPENING = /^\s*(?:[-*•]\s+)?[\p{Lu}][^\n()]{0,200}\((?:19|20)\d\d[a-z]?(?:, [\p{L}]+(?: \d+)?)?\)\./u;
const REFERENCE_MAX = 1200;

/** The openings tested are this long at most: an author list and a year in brackets. */
const OPENING = 260;

/**
 * Is the match in an entry of a reference list ("Author, A. (2004). Title. Journal.")? The paragraph
 * (between blank lines, at most REACH characters each way) must open like one; only then is its end
 * looked for. The blank lines are looked for inside the reach only: an unbounded search ran to the
 * document's ends for every finding, quadratic on a long text without blank lines.
 */
export function inReferenceEntry(text: string, start: number, end: number): boolean {
  const floor = Math.max(0, start - REACH);
  const before = text.slice(floor, start).lastIndexOf('\n\n');
  const from = before >= 0 ? floor + before + 2 : floor;
  const opening = text.slice(from, from + OPENING);
  const authors = REFERENCE_OPENING.test(opening);
  if (!authors && !AUTHOR_DATE_OPENING.test(opening)) return false;
  const ceiling = Math.min(text.length, end + REACH);
  const after = text.slice(end, ceiling).indexOf('\n\n');
  const paragraph = text.slice(from, after >= 0 ? end + after : ceiling);
  if (authors && YEAR_IN_BRACKETS.test(paragraph)) return true;
  return paragraph.length <= REFERENCE_MAX && AUTHOR_DATE_OPENING.test(paragraph);
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const isTitleWord = (w: string): boolean => /^\p{Lu}\p{Ll}/u.test(w);
/** Short words a title leaves in lower case. */
const TITLE_JOINERS = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'to', 'a', 'an', 'with', 'at', 'by', '&']);

/**
 * Is the match part of a title or a name in title case? Every word of the match is capitalised
 * (not all capitals: headings of notes are written so) and it stands in a run of title-case words.
 */
export function inTitleCase(
  text: string,
  start: number,
  end: number,
  sentenceStartOf: () => number,
  properWordsOf: () => ReadonlySet<string>,
): boolean {
  // Most matches start with a small letter: no title (isTitleWord needs a capital first).
  const c = text.charCodeAt(start);
  if (c >= 97 && c <= 122) return false;
  const matched = text.slice(start, end).match(WORD) ?? [];
  if (matched.length === 0 || !matched.every(isTitleWord)) return false;
  // Words the rule itself writes capitalised ("Caucasian") say nothing about a title.
  const properWords = properWordsOf();
  if (matched.every((w) => properWords.has(w.toLowerCase()))) return false;
  // A field label ends a sentence's opening too ("Weight: Refused.").
  const lead = text.slice(Math.max(sentenceStartOf(), start - 80), start);
  const before = wordsOf(lead.slice(Math.max(lead.lastIndexOf(':'), lead.lastIndexOf(';'), lead.lastIndexOf(')')) + 1));
  const after = wordsOf(text.slice(end, end + 80));
  const capitalisedAfter = after.length > 0 && isTitleWord(after[0] ?? '');
  const twoCapitalisedAfter = capitalisedAfter && isTitleWord(after[1] ?? '');
  // The word before, skipping title joiners ("Journal of Substance Abuse").
  let i = before.length - 1;
  while (i >= 0 && TITLE_JOINERS.has(before[i] ?? '')) i--;
  const capitalisedBefore = i >= 0 && isTitleWord(before[i] ?? '');
  const sentenceInitial = before.length === 0;
  // At a sentence's start the first word is capitalised anyway ("Elderly Caucasian man"): it takes a
  // longer run to make a title.
  if (sentenceInitial) return twoCapitalisedAfter;
  // Mid-sentence, a run of title-case words longer than the match is a name or a title (a note's
  // "3) Polysubstance Abuse (ETOH)" is a diagnosis in capitals).
  return matched.length >= 3 || capitalisedBefore || capitalisedAfter;
}

function wordsOf(s: string): string[] {
  return s.match(WORD) ?? [];
}

/** Endings that leave the word before them whole ("senile-type dementia", "crazy-like"). */
const SUFFIX_WORDS = /^-(?:type|like|related|induced|onset|ish|style|looking|seeming)\b/i;

/** Is the match, ending at `end`, joined by a hyphen to a word after it ("psycho-educational", "bio-psycho-social")? */
export function insideLongerWord(text: string, end: number): boolean {
  const next = text[end + 1];
  return text[end] === '-' && next !== undefined && /[\p{L}\p{N}]/u.test(next) && !SUFFIX_WORDS.test(text.slice(end, end + 12));
}

const properWordsOf = new WeakMap<object, Set<string>>();

/** The words a rule's phrases write with a capital ("Caucasian", "ETOH"), lower-cased. */
export function properWords(rule: { match: Array<string | { phrase: string }> }): Set<string> {
  let words = properWordsOf.get(rule);
  if (!words) {
    words = new Set();
    for (const entry of rule.match)
      for (const word of (typeof entry === 'string' ? entry : entry.phrase).split(/[\s|()?]+/))
        if (/\p{Lu}/u.test(word)) words.add(word.toLowerCase());
    properWordsOf.set(rule, words);
  }
  return words;
}
