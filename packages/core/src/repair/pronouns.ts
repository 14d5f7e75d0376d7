/**
 * `{their}`, `{them}` and `{themselves}` in a suggestion follow the person the sentence is about
 * ("he would commit suicide" → "he would end his life"). Only a subject pronoun a few words before the
 * flagged text counts, with no other noun phrase between ("her uncle", "said her father" keep "their"),
 * so a guess never puts the wrong person's pronoun in a record.
 */

type Person = 'he' | 'she' | 'they';

const FORMS: Record<Person, Record<string, string>> = {
  he: { their: 'his', them: 'him', themselves: 'himself' },
  she: { their: 'her', them: 'her', themselves: 'herself' },
  they: { their: 'their', them: 'them', themselves: 'themselves' },
};

const SLOT = /\{(their|them|themselves)\}/g;
/** Words that open a new noun phrase: a pronoun before one of them is not the subject here. */
const NOUN_PHRASE_START = /^(?:a|an|the|his|her|their|my|your|our|its|this|that|these|those)$/i;
const MAX_GAP = 4;

export function hasPronounSlot(text: string): boolean {
  return /\{(?:their|them|themselves)\}/.test(text);
}

/** The person a suggestion at `start` refers to, from the words just before it in its sentence. */
export function personBefore(source: string, start: number): Person {
  const before = source.slice(Math.max(0, start - 120), start);
  const sentence = before.split(/[.!?;]\s|\n\s*\n/).at(-1) ?? '';
  const words = sentence.match(/[\p{L}'’]+/gu) ?? [];
  for (let i = words.length - 1, gap = 0; i >= 0 && gap <= MAX_GAP; i--, gap++) {
    const word = (words[i] ?? '').toLowerCase();
    if (word === 'he' || word === 'she' || word === 'they') return word;
    if (NOUN_PHRASE_START.test(word)) return 'they';
  }
  return 'they';
}

/** Fill pronoun slots for the person at `start`; text without slots is returned as it is. */
export function fillPronouns(text: string, source: string, start: number): string {
  if (!hasPronounSlot(text)) return text;
  const forms = FORMS[personBefore(source, start)];
  return text.replace(SLOT, (_all, slot: string) => forms[slot] ?? slot);
}
