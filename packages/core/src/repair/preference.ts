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

function paragraphWords(text: string, start: number, end: number): string[] {
  const floor = Math.max(0, start - REACH);
  const from = text.lastIndexOf('\n\n', start);
  const to = text.indexOf('\n\n', end);
  const ceiling = Math.min(text.length, end + REACH);
  const slice = text.slice(Math.max(floor, from, 0), to < 0 ? ceiling : Math.min(to, ceiling));
  return (slice.match(WORD) ?? []).map((w) => w.toLowerCase().replace(/’/g, "'"));
}

/** The form of wording the paragraph says the person prefers for `community`, if it says. */
export function statedPreference(
  text: string,
  start: number,
  end: number,
  community: IdentityCommunity,
  cues: RepairCues,
): StatedForm | undefined {
  const { statedBy, forms } = cues.preference;
  const own = forms[community];
  if (statedBy.byFirst.size === 0) return undefined;
  const words = paragraphWords(text, start, end);
  for (let i = 0; i < words.length; i++) {
    const cue = cueAt(words, i, statedBy);
    if (cue === 0) continue;
    for (let j = i + cue; j < Math.min(words.length, i + cue + WINDOW); j++) {
      // Person-first forms are longer and may hold the identity-first word ("who is deaf"): tried first.
      if (cueAt(words, j, own['person-first']) > 0) return 'person-first';
      if (cueAt(words, j, own['identity-first']) > 0) return 'identity-first';
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
): IdentityPreference {
  return statedPreference(text, start, end, community, cues) ?? team;
}
