/**
 * The named steps that turn a match into a diagnostic, in the order they run (as textlint names its
 * message post-processing). Each step reads and refines one draft; a step that returns false drops the
 * match. The order matters: the suggestions are filled before the article and the copula are taken
 * in, because both read the suggestions' first words.
 */
import type { ResolvedConfig } from '../config/resolve.js';
import type { RuleMatch } from '../matching/find.js';
import type { ScopeCues } from '../scope/cues.js';
import type { Genre } from '../scope/kinds.js';
import { inReferenceEntry, insideLongerWord, inTitleCase, properWords } from '../scope/names.js';
import { sentenceAround } from '../scope/sentence.js';
import { ruleAppliesIn, scopeOfMatch } from '../scope/where.js';
import type { Directives } from '../text/directives.js';
import type { Severity, Suggestion } from '../types.js';
import { agreeArticlesWithin, repairArticle } from './articles.js';
import { adaptCase } from './case.js';
import { isInstruction } from './conventions.js';
import { dropMisplacedVerbs, repairCopula } from './copula.js';
import { spellFor } from './locale.js';
import { pluraliseSuggestion } from './number.js';
import { fillPronouns } from './pronouns.js';
import { isDisabled } from './suppress.js';

/** What the steps read: the document as written, its directives, its genre and the run's settings. */
export interface RepairContext {
  text: string;
  directives: Directives;
  config: ResolvedConfig;
  /** The document's genre (null: unknown, every rule as configured), settled on the first call: only rules with `genres` or `where` ask. */
  genre: () => Genre | null;
  /** The cue words of the scope model. */
  cues: ScopeCues;
}

/** A rule match on its way to becoming a diagnostic. */
export interface Draft {
  match: RuleMatch;
  ruleId: string;
  severity: Severity;
  /** Where the repair starts: the match's start, or a word before it that the repair takes in. */
  start: number;
  end: number;
  suggestions: string[];
  /** The preferred suggestion is applied automatically (`fix`). */
  fix: boolean;
  /** An article before the match was taken in (a verb phrase cannot follow it). */
  articleTakenIn: boolean;
}

export type RepairStep = (draft: Draft, context: RepairContext) => boolean;

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

const SENTENCE_START = /(?:^|[.!?]["”’')]?\s+|\n[ \t]*(?:[-*•][ \t]+)?)$/u;

function suggestionText(s: Suggestion, plural: boolean): string {
  if (typeof s === 'string') return plural ? pluraliseSuggestion(s) : s;
  return plural ? s.plural : s.singular;
}

/**
 * Each suggestion as it will read in place: in the number of the flagged words, spelt for the locale,
 * with the person's pronouns, its own articles agreeing, and the flagged text's capitalisation.
 */
function suggestions(draft: Draft, { text, config }: RepairContext): boolean {
  const { match } = draft;
  const matched = text.slice(match.start, match.end);
  const sentenceStart = SENTENCE_START.test(text.slice(Math.max(0, match.start - 40), match.start));
  draft.suggestions = match.entry.suggestions.map((s) => {
    const filled = agreeArticlesWithin(fillPronouns(spellFor(config.locale, suggestionText(s, match.plural)), text, match.start));
    return adaptCase(filled, matched, match.entry.patternIsLower, sentenceStart);
  });
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
  } else draft.suggestions = dropMisplacedVerbs(text, draft.start, draft.end, draft.suggestions, draft.articleTakenIn);
  return true;
}

/** Only a rule's safe repair, and never an instruction, is applied automatically. */
function fix(draft: Draft): boolean {
  const preferred = draft.suggestions[0];
  // An empty suggestion is never a fix (the schema forbids one; this keeps it so).
  draft.fix = draft.match.entry.fix && !!preferred && !isInstruction(preferred);
  return true;
}

export const REPAIR_STEPS: ReadonlyArray<readonly [name: string, step: RepairStep]> = [
  ['severity', severity],
  ['directives', directives],
  ['names', names],
  ['scope', scope],
  ['suggestions', suggestions],
  ['article', article],
  ['copula', copula],
  ['fix', fix],
];
