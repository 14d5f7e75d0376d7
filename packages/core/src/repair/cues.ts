/** The cue lists of the repair guards and steps, read from the `repair` section of rules/context.yml and compiled once per rule set. */
import { type CueList, compileCues } from '../scope/cues.js';
import type { IdentityCommunity, IdentityPreference, RepairCueData } from '../types.js';

export type StatedForm = Exclude<IdentityPreference, 'either'>;

export interface RepairCues {
  negation: CueList;
  reportedSpeech: CueList;
  degree: CueList;
  identityFields: CueList;
  /** The phrases that state a preference, and each community's wording in each form. */
  preference: { statedBy: CueList; forms: Record<IdentityCommunity, Record<StatedForm, CueList>> };
}

const compiled = new WeakMap<RepairCueData, RepairCues>();
const NONE: RepairCueData = {};

export function repairCuesOf(data: RepairCueData | undefined): RepairCues {
  const key = data ?? NONE;
  let cues = compiled.get(key);
  if (!cues) {
    const p = key.preference ?? {};
    const formsOf = (c: IdentityCommunity) => ({
      'identity-first': compileCues(p[c]?.['identity-first']),
      'person-first': compileCues(p[c]?.['person-first']),
    });
    cues = {
      negation: compileCues(key.negation),
      reportedSpeech: compileCues(key.reportedSpeech),
      degree: compileCues(key.degree),
      identityFields: compileCues(key.identityFields),
      preference: {
        statedBy: compileCues(p.statedBy),
        forms: { autism: formsOf('autism'), deaf: formsOf('deaf'), disability: formsOf('disability') },
      },
    };
    compiled.set(key, cues);
  }
  return cues;
}
