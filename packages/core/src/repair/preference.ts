/**
 * The person's own choice first: a preference of wording stated in the paragraph ("Client says she is
 * an autistic woman", "prefers 'person with autism'") beats the team's identity setting. One mechanism
 * for every community: the cue lists of context.yml (`repair.preference`).
 */
import { cueAt } from '../scope/cues.js';
import type { IdentityCommunity, IdentityPreference } from '../types.js';
import type { RepairCues, StatedForm } from './cues.js';

/** How far after a cue the wording is looked for, in words. */
const WINDOW = 12;
/** How far the paragraph is read on each side of the flagged words. */
const REACH = 2000;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** A blank line, whatever the line endings and however much white space it holds. */
const BLANK_LINE = /\r?\n[ \t]*\r?\n|\r[ \t]*\r/g;

function paragraphWords(text: string, start: number, end: number, within?: readonly [number, number]): string[] {
  const floor = Math.max(within?.[0] ?? 0, start - REACH);
  const ceiling = Math.min(within?.[1] ?? text.length, end + REACH);
  let from = floor;
  let to = ceiling;
  const window = text.slice(floor, ceiling);
  for (const m of window.matchAll(BLANK_LINE)) {
    const at = floor + m.index;
    if (at + m[0].length <= start) from = at + m[0].length;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return (text.slice(from, to).match(WORD) ?? []).map((w) => w.toLowerCase().replace(/’/g, "'"));
}

/** Words that turn the form after them around ("not an autistic woman", "rather than autistic"). */
const NEGATION = new Set(['not', "isn't", "doesn't", "don't", 'never', 'rather', 'instead', 'no']);

/** The form of wording the paragraph (the matcher's, when given; else up to a blank line) says the person prefers for `community`, if it says. */
export function statedPreference(
  text: string,
  start: number,
  end: number,
  community: IdentityCommunity,
  cues: RepairCues,
  within?: readonly [number, number],
): StatedForm | undefined {
  const { statedBy, forms } = cues.preference;
  const own = forms[community];
  if (statedBy.byFirst.size === 0) return undefined;
  const words = paragraphWords(text, start, end, within);
  for (let i = 0; i < words.length; i++) {
    const cue = cueAt(words, i, statedBy);
    if (cue === 0) continue;
    let negated = false;
    for (let j = i + cue; j < Math.min(words.length, i + cue + WINDOW); j++) {
      if (NEGATION.has(words[j] ?? '')) {
        negated = true;
        continue;
      }
      // Person-first forms are longer and may hold the identity-first word ("who is deaf"): tried first.
      const personFirst = cueAt(words, j, own['person-first']);
      const identityFirst = personFirst > 0 ? 0 : cueAt(words, j, own['identity-first']);
      if (personFirst === 0 && identityFirst === 0) continue;
      // A negated form is the one the person does not want ("not an autistic woman but …"): read on.
      if (negated) {
        negated = false;
        j += Math.max(personFirst, identityFirst) - 1;
        continue;
      }
      return personFirst > 0 ? 'person-first' : 'identity-first';
    }
  }
  return undefined;
}

/** The preference in force for a community here: the person's stated one, else the team's. */
export function preferenceHere(
  text: string,
  start: number,
  end: number,
  community: IdentityCommunity,
  team: IdentityPreference,
  cues: RepairCues,
  within?: readonly [number, number],
): IdentityPreference {
  return statedPreference(text, start, end, community, cues, within) ?? team;
}
