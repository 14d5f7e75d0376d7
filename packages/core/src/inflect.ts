/** English inflection helpers used to expand phrases and to adapt suggestions. */

const IRREGULAR_PLURALS: Record<string, string> = {
  person: 'people',
  man: 'men',
  woman: 'women',
  child: 'children',
  gentleman: 'gentlemen',
  lady: 'ladies',
  wife: 'wives',
  foot: 'feet',
};

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

export function pluralOf(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR_PLURALS[lower];
  if (irregular) return matchCase(word, irregular);
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Plural and possessive forms of a noun, the plural ones marked. */
export function nounForms(word: string): { singular: string[]; plural: string[] } {
  const plural = pluralOf(word);
  const pluralPossessive = plural.endsWith('s') ? `${plural}'` : `${plural}'s`;
  return { singular: [word, `${word}'s`], plural: [plural, pluralPossessive] };
}

/** Verb forms for `~verb` tokens: over-generation is harmless because only real text is matched. */
export function verbForms(verb: string): string[] {
  const forms = new Set<string>([verb]);
  const last = verb.at(-1) ?? '';
  const beforeLast = verb.at(-2) ?? '';
  if (/(s|x|z|ch|sh)$/.test(verb)) forms.add(`${verb}es`);
  else if (last === 'y' && !VOWELS.has(beforeLast)) forms.add(`${verb.slice(0, -1)}ies`);
  else forms.add(`${verb}s`);
  if (last === 'e') {
    forms.add(`${verb}d`);
    forms.add(`${verb.slice(0, -1)}ing`);
  } else if (last === 'y' && !VOWELS.has(beforeLast)) {
    forms.add(`${verb.slice(0, -1)}ied`);
    forms.add(`${verb}ing`);
  } else {
    forms.add(`${verb}ed`);
    forms.add(`${verb}ing`);
    // Doubling (commit → committed): add both spellings rather than guess stress.
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(verb)) {
      forms.add(`${verb}${last}ed`);
      forms.add(`${verb}${last}ing`);
    }
  }
  return [...forms];
}

function matchCase(model: string, word: string): string {
  if (model.length > 0 && model[0] === model[0]?.toUpperCase()) return capitalise(word);
  return word;
}

export function capitalise(text: string): string {
  const i = text.search(/\p{L}/u);
  // Text that opens with a number ("84-year-old woman") has no first word to capitalise.
  if (i < 0 || text[0] === '[' || /^\p{N}/u.test(text)) return text;
  return text.slice(0, i) + text.charAt(i).toUpperCase() + text.slice(i + 1);
}

const PLURAL_HEAD_STOP = /^(with|who|whose|in|from|of|living|experiencing|that|without|on|at|for|receiving|exposed|affected)$/i;

/**
 * Pluralise a suggestion written in the singular ("person with a substance use disorder" →
 * "people with a substance use disorder"). Leading articles go; the head noun is the word before the
 * first preposition or relative word, or the last word.
 */
export function pluraliseSuggestion(text: string): string {
  if (text.startsWith('[')) return text;
  const words = text.replace(/^(a|an)\s+/i, '').split(' ');
  const personIndex = words.findIndex((w) => /^person$/i.test(w));
  if (personIndex >= 0) {
    words[personIndex] = matchCase(words[personIndex] ?? '', 'people');
    return agreeRelativeVerb(words.join(' '));
  }
  let head = words.findIndex((w, i) => i > 0 && PLURAL_HEAD_STOP.test(w)) - 1;
  if (head < 0) head = words.length - 1;
  const word = words[head];
  if (word && /^\p{L}+$/u.test(word)) words[head] = pluralOf(word);
  return agreeRelativeVerb(words.join(' '));
}

const PLURAL_VERBS: Record<string, string> = { is: 'are', was: 'were', has: 'have', does: 'do' };

/** "people who uses drugs" → "people who use drugs". */
function agreeRelativeVerb(text: string): string {
  return text.replace(/\b(who|that) (\p{L}+)\b/u, (all, rel: string, verb: string) => {
    const plural = PLURAL_VERBS[verb];
    if (plural) return `${rel} ${plural}`;
    if (/[^s]s$/.test(verb))
      return `${rel} ${verb
        .replace(/ies$/, 'y')
        .replace(/(ch|sh|x|ss)es$/, '$1')
        .replace(/s$/, '')}`;
    return all;
  });
}

/**
 * Give a suggestion the capitalisation of the text it replaces. An initialism written in capitals
 * ("Known IVDU") says nothing about the sentence, so it passes its capital on only at a sentence start.
 */
export function adaptCase(suggestion: string, actual: string, patternIsLower: boolean, sentenceStart = true): string {
  if (suggestion.startsWith('[')) return suggestion;
  const shape = caseShape(actual);
  if (patternIsLower && shape.letters > 1 && shape.allCapitals) return suggestion.toUpperCase();
  if (!patternIsLower && shape.firstWordLength > 1 && shape.firstWordCapitals) return sentenceStart ? capitalise(suggestion) : suggestion;
  return shape.firstLetterCapital ? capitalise(suggestion) : suggestion;
}

interface CaseShape {
  /** Number of letters. */
  letters: number;
  /** No letter of the text changes when upper-cased. */
  allCapitals: boolean;
  /** Length of the first run of letters and digits, and whether it is all capitals. */
  firstWordLength: number;
  firstWordCapitals: boolean;
  /** The first letter is a capital (a letter that has a lower case). */
  firstLetterCapital: boolean;
}

/** How a flagged text is capitalised: one loop for ASCII (most text), Unicode classes otherwise. */
function caseShape(actual: string): CaseShape {
  let ascii = true;
  for (let i = 0; i < actual.length && ascii; i++) ascii = actual.charCodeAt(i) < 128;
  if (!ascii) {
    const letters = actual.replace(/[^\p{L}]/gu, '');
    const firstWord = actual.match(/[\p{L}\p{N}]+/u)?.[0] ?? '';
    const first = actual.match(/\p{L}/u)?.[0];
    return {
      letters: letters.length,
      allCapitals: letters === letters.toUpperCase(),
      firstWordLength: firstWord.length,
      firstWordCapitals: firstWord === firstWord.toUpperCase(),
      firstLetterCapital: first !== undefined && first === first.toUpperCase() && first !== first.toLowerCase(),
    };
  }
  const shape: CaseShape = { letters: 0, allCapitals: true, firstWordLength: 0, firstWordCapitals: true, firstLetterCapital: false };
  let inFirstWord = 0; // 0 before it, 1 inside, 2 after
  for (let i = 0; i < actual.length; i++) {
    const c = actual.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    const wordChar = upper || lower || (c >= 48 && c <= 57);
    if (upper || lower) {
      if (shape.letters === 0) shape.firstLetterCapital = upper;
      shape.letters++;
      if (lower) shape.allCapitals = false;
    }
    if (wordChar && inFirstWord < 2) {
      inFirstWord = 1;
      shape.firstWordLength++;
      if (lower) shape.firstWordCapitals = false;
    } else if (inFirstWord === 1) inFirstWord = 2;
  }
  return shape;
}
