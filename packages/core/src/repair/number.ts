/** A repair written in the singular, made plural when the flagged words were ("addicts" → "people with …"). */
import { matchCase, pluralOf } from '../rules/inflect.js';

const PLURAL_HEAD_STOP = /^(with|who|whose|in|from|of|living|experiencing|that|without|on|at|for|receiving|exposed|affected)$/i;

/**
 * Pluralise a suggestion written in the singular ("person with a substance use disorder" →
 * "people with a substance use disorder"). Leading articles go; the head noun is the word before the
 * first preposition or relative word, or the last word.
 */
export function pluraliseSuggestion(text: string): string {
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
