/** English inflection helpers used to expand phrases (and to pluralise repairs, repair/number.ts). */

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

/** `word` with the first letter's case of `model` ("Person" → "People"). */
export function matchCase(model: string, word: string): string {
  if (model.length > 0 && model[0] === model[0]?.toUpperCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

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
