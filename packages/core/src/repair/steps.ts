/**
 * The named steps that turn a match into a diagnostic, in the order they run (as textlint names its
 * message post-processing). Each step reads and refines one draft; a step that returns false drops the
 * match. The order matters: the suggestions are filled before the article and the copula are taken
 * in, because both read the suggestions' first words.
 */
import type { RepairTemplate } from '../rules/repair-templates.js';
import { inReferenceEntry, insideLongerWord, inTitleCase, properWords } from '../scope/names.js';
import { sentenceAround } from '../scope/sentence.js';
import { appliesIn, type MatchScope, ruleAppliesIn, scopeOfMatch } from '../scope/where.js';
import type { Repair } from '../types.js';
import { agreeArticlesWithin, repairArticle } from './articles.js';
import { adaptCase } from './case.js';
import { atSentenceStart, isWording } from './conventions.js';
import { dropMisplacedVerbs, repairCopula } from './copula.js';
import { repairDegree } from './degree.js';
import { dropDoubledWords } from './doubled.js';
import type { Draft, RepairContext, RepairStep } from './draft.js';
import { guardHolds, withheldBy } from './guards.js';
import { spellFor } from './locale.js';
import { keepMarkup } from './markup.js';
import { mergeInner } from './merge.js';
import { pluraliseSuggestion } from './number.js';
import { preferenceHere, statedPreference } from './preference.js';
import { fillPronouns } from './pronouns.js';
import { isDisabled } from './suppress.js';

export type { Draft, RepairContext, RepairStep };

/**
 * The rule's severity under this config, and in this genre of document when the rule sets one (a
 * severity set for the rule in the config wins); a rule that is off drops the finding.
 */
function severity(draft: Draft, { config, genre }: RepairContext): boolean {
  const level = config.severities.get(draft.ruleId);
  if (!level) return false;
  const byGenre = draft.match.entry.rule.data.genres;
  const settled = byGenre ? genre() : null;
  const inGenre = settled ? byGenre?.[settled] : undefined;
  if (inGenre && !config.configured.has(draft.ruleId)) {
    if (inGenre === 'off') return false;
    draft.severity = inGenre;
  } else draft.severity = level;
  return true;
}

/** A reference-list entry, a title or name in title case, and part of a longer hyphenated word are never findings. */
function names(draft: Draft, { text }: RepairContext): boolean {
  const { match } = draft;
  const rule = match.entry.rule.data;
  if (rule.quoted) return true;
  if (insideLongerWord(text, match.end) || inReferenceEntry(text, match.start, match.end)) return false;
  return !inTitleCase(
    text,
    match.start,
    match.end,
    () => sentenceAround(text, match.start, match.end).start,
    () => properWords(rule),
  );
}

/** A rule that says where it applies (`where`) drops a match in a sentence of another voice or about another subject. */
function scope(draft: Draft, { text, genre, cues }: RepairContext): boolean {
  const { match } = draft;
  return ruleAppliesIn(match.entry.rule, () => scopeOfMatch(text, match.start, match.end, genre(), cues));
}

/** An ignore directive around the match drops it. */
function directives(draft: Draft, { directives }: RepairContext): boolean {
  return !isDisabled(directives, draft.ruleId, draft.match.start, draft.match.end);
}

const POSSESSIVE = /(?:['’]s|s['’])$/u;

/** A phrase that ends in a clause or a prepositional phrase cannot take a possessive "'s". */
const TAIL = /\s(?:who|whom|that|with|without|in|of|living|experiencing|affected)\s/iu;

/**
 * Wording for possessive flagged words is possessive too ("the addict's mother" → "the person's
 * mother"); wording that cannot be made possessive is not offered there (undefined).
 */
function possessiveLike(wording: string, matched: string): string | undefined {
  const mark = POSSESSIVE.exec(matched)?.[0];
  if (!mark || POSSESSIVE.test(wording)) return wording;
  if (TAIL.test(wording)) return undefined;
  const apostrophe = mark.includes('’') ? '’' : "'";
  return wording.endsWith('s') && mark.startsWith('s') ? `${wording}${apostrophe}` : `${wording}${apostrophe}s`;
}

function wordingIn(s: RepairTemplate, plural: boolean): string {
  if (!plural) return s.singular;
  return s.plural ?? pluraliseSuggestion(s.singular);
}

/**
 * Each suggestion as it will read in place: wording in the number of the flagged words, spelt for the
 * locale, with the person's pronouns, its own articles agreeing, and the flagged text's
 * capitalisation; advice spelt for the locale and otherwise as written.
 */
function suggestions(draft: Draft, context: RepairContext): boolean {
  const { text, config } = context;
  const { match } = draft;
  const matched = text.slice(match.start, match.end);
  const sentenceStart = atSentenceStart(text, match.start);
  // A word the rule itself writes with a capital ("European settlement") passes its capital on only at a sentence start.
  const firstWord = /^[\p{L}\p{N}'’-]+/u.exec(matched)?.[0]?.toLowerCase() ?? '';
  const ownCapital = properWords(match.entry.rule.data).has(firstWord);
  draft.suggestions = byPreference(draft, context).flatMap((s): Repair[] => {
    if (!isWording(s.kind)) return [{ kind: s.kind, text: spellFor(config.locale, s.singular) }];
    const filled = agreeArticlesWithin(fillPronouns(spellFor(config.locale, wordingIn(s, match.plural)), text, match.start));
    const wording = possessiveLike(adaptCase(filled, matched, match.entry.patternIsLower, sentenceStart, ownCapital), matched);
    return wording === undefined ? [] : [{ kind: s.kind, text: wording }];
  });
  return true;
}

/** A finding of another rule inside this one gets its repair inside this one's ("Reports no drug misuse"). */
function merge(draft: Draft, context: RepairContext): boolean {
  draft.suggestions = mergeInner(draft, context);
  return true;
}

/**
 * A rule that applies only under one preference of a community (`onlyWhen`) is not reported where the
 * paragraph states the person prefers the other: the person's own choice wins over the team's.
 */
function preference(draft: Draft, { text, repairCues }: RepairContext): boolean {
  const only = draft.match.entry.rule.data.onlyWhen;
  if (!only) return true;
  const stated = statedPreference(text, draft.match.start, draft.match.end, only.community, repairCues, draft.match.within);
  return stated === undefined || stated === only.preference;
}

/**
 * The suggestions that may be offered here (a suggestion's own `where`), in the order the preference
 * in force asks: wording that follows it first, wording that follows the other form left out; under
 * "either", as the rule lists them.
 */
function byPreference(draft: Draft, context: RepairContext): RepairTemplate[] {
  const { text, config, repairCues, genre, cues } = context;
  const { match } = draft;
  let all = match.entry.suggestions;
  if (all.some((s) => s.where)) {
    let scope: MatchScope | undefined;
    const here = () => (scope ??= scopeOfMatch(text, match.start, match.end, genre(), cues));
    all = all.filter((s) => appliesIn(s.where, here));
  }
  if (all.some((s) => s.notUnder)) all = all.filter((s) => !s.notUnder?.some((g) => guardHolds(g, draft, context)));
  if (!all.some((s) => s.follows)) return all;
  const settled = new Map<string, string>();
  const inForce = (s: RepairTemplate) => {
    const f = s.follows;
    if (!f) return 'either';
    let p = settled.get(f.community);
    if (p === undefined) {
      p = preferenceHere(
        text,
        draft.match.start,
        draft.match.end,
        f.community,
        config.identity[f.community],
        repairCues,
        draft.match.within,
      );
      settled.set(f.community, p);
    }
    return p;
  };
  const kept = all.filter((s) => !s.follows || inForce(s) === 'either' || inForce(s) === s.follows.preference);
  const first = kept.filter((s) => s.follows && inForce(s) === s.follows.preference);
  return [...first, ...kept.filter((s) => !first.includes(s))];
}

/** A degree word before the match ("very pleasant") goes with a word the rule advises omitting, and strands no other wording. */
function degree(draft: Draft, { text, repairCues }: RepairContext): boolean {
  const repaired = repairDegree(
    text,
    draft.start,
    draft.end,
    draft.suggestions,
    repairCues.degree,
    draft.match.entry.rule.data.degreeWords,
  );
  if (repaired) {
    draft.start = repaired.start;
    draft.suggestions = repaired.suggestions;
  }
  return true;
}

/** A repair that needs another article than the one written before the match takes that article in. */
function article(draft: Draft, { text }: RepairContext): boolean {
  const repaired = repairArticle(text, draft.start, draft.suggestions);
  if (repaired) {
    draft.start = repaired.start;
    draft.suggestions = repaired.suggestions;
    draft.articleTakenIn = true;
  }
  return true;
}

/** A verb-phrase repair takes in the "to be" before it, or is dropped where no verb can stand. */
function copula(draft: Draft, { text }: RepairContext): boolean {
  const repaired = repairCopula(text, draft.start, draft.end, draft.suggestions);
  if (repaired) {
    draft.start = repaired.start;
    draft.suggestions = repaired.suggestions;
    draft.copulaTakenIn = true;
  } else draft.suggestions = dropMisplacedVerbs(text, draft.start, draft.end, draft.suggestions, draft.articleTakenIn);
  return true;
}

/** Emphasis markers inside the flagged words stay on the word they mark ("have **diabetes"). */
function markup(draft: Draft, { text }: RepairContext): boolean {
  draft.suggestions = keepMarkup(text.slice(draft.start, draft.end), draft.suggestions);
  return true;
}

/** Wording that would double the word beside it ("an Aboriginal Aboriginal man") is not offered. */
function doubled(draft: Draft, { text }: RepairContext): boolean {
  draft.suggestions = dropDoubledWords(text, draft.start, draft.end, draft.suggestions);
  return true;
}

/** Only a `safe` preferred repair is applied automatically, and only where no guard (guards.ts) withholds it. */
function fix(draft: Draft, context: RepairContext): boolean {
  const preferred = draft.suggestions[0];
  // An empty suggestion is never a fix (the schema forbids one; this keeps it so).
  if (preferred?.kind !== 'safe' || !preferred.text) return true;
  draft.withheld = withheldBy(draft, preferred.text, context);
  draft.fix = draft.withheld === undefined;
  return true;
}

export const REPAIR_STEPS: ReadonlyArray<readonly [name: string, step: RepairStep]> = [
  ['severity', severity],
  ['directives', directives],
  ['preference', preference],
  ['names', names],
  ['scope', scope],
  ['suggestions', suggestions],
  ['merge', merge],
  ['degree', degree],
  ['article', article],
  ['copula', copula],
  ['doubled', doubled],
  ['markup', markup],
  ['fix', fix],
];
