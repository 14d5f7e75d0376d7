/**
 * A suggestion as a pack writes it, read into one shape: its repair kind and its text in each number.
 * A plain string or `{singular, plural}` is a `rewrite`; `{ safe: … }`, `{ instruction: … }` and the
 * other kinds name theirs. Advice (`instruction`, `omit`, `quote`) has one text and no number.
 */
import {
  type IdentityCommunity,
  type IdentityPreference,
  REPAIR_KINDS,
  type RepairKind,
  type RuleWhere,
  type Suggestion,
  type SuggestionGuard,
} from '../types.js';

export interface RepairTemplate {
  kind: RepairKind;
  singular: string;
  /** Wording for plural flagged words; left out, the singular is made plural when needed. */
  plural?: string;
  /** The wording follows this preference of a community (see repair/preference.ts). */
  follows?: { community: IdentityCommunity; preference: Exclude<IdentityPreference, 'either'> };
  /** Where the wording may be offered ("the patient" only for the person a record is about). */
  where?: RuleWhere;
  /** Not offered under these guards (negation, reported speech). */
  notUnder?: SuggestionGuard[];
}

/** Wording to put in place of the flagged words, as opposed to advice to the writer. */
export function isWording(kind: RepairKind): boolean {
  return kind === 'safe' || kind === 'rewrite';
}

/** The template of a suggestion, or what is wrong with it (for the pack's error message). */
export function repairTemplateOf(s: Suggestion): RepairTemplate | string {
  if (typeof s === 'string') {
    if (s.startsWith('[')) return `a suggestion in [brackets] is advice: write it as { instruction: … }, { omit: … } or { quote: … }`;
    return { kind: 'rewrite', singular: s };
  }
  const kinds = REPAIR_KINDS.filter((k) => k in s);
  if ('singular' in s && typeof s.singular === 'string' && kinds.length === 0)
    return { kind: 'rewrite', singular: s.singular, plural: (s as { plural: string }).plural };
  const kind = kinds[0];
  if (kinds.length !== 1 || !kind) return `a suggestion needs exactly one kind: ${REPAIR_KINDS.join(', ')}`;
  const text = (s as Record<string, string>)[kind] ?? '';
  const { plural, community, preference, where, notUnder } = s as {
    plural?: string;
    community?: IdentityCommunity;
    preference?: 'identity-first' | 'person-first';
    where?: RuleWhere;
    notUnder?: SuggestionGuard[];
  };
  if (!isWording(kind) && plural !== undefined) return `advice (${kind}) has no plural`;
  if (text.startsWith('[')) return `write ${kind} without square brackets: they are added when it is shown`;
  if ((community === undefined) !== (preference === undefined))
    return 'a suggestion that follows a preference names both its community and its preference';
  const template: RepairTemplate = plural === undefined ? { kind, singular: text } : { kind, singular: text, plural };
  if (community && preference) template.follows = { community, preference };
  if (where) template.where = where;
  if (notUnder) template.notUnder = notUnder;
  return template;
}
