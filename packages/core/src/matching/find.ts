/** Find rule matches in one paragraph and apply the context checks that do not depend on config. */
import type { CompiledEntry, CompiledRule, CompiledRuleSet } from '../rules/compile.js';
import { fillSuggestions } from '../rules/templates.js';
import { hasCue, scopeCuesOf } from '../scope/cues.js';
import { inside, quoteSpans, type Span, SpanLookup, urlSpans } from '../text/spans.js';
import type { RuleExceptions } from '../types.js';
import { endsAt, isCapitalised, occursWithin, type SequenceIndex, startsAt } from './matcher.js';
import type { ParagraphTokens, Token } from './tokens.js';

export interface RespectOptions {
  /** Do not flag words inside quotation marks. */
  quotes: boolean;
  /** Do not flag words that are mentioned ("the term addict") rather than used. */
  mentions: boolean;
  /** Do not flag a person's description of themselves ("describes himself as an addict"). */
  selfDescription: boolean;
}

/**
 * A rule's wording found in the text, past the context checks that do not depend on config. The
 * repair steps (repair/) turn it into a Diagnostic.
 */
export interface RuleMatch {
  entry: CompiledEntry;
  start: number;
  end: number;
  /** The matched last word was a plural form. */
  plural: boolean;
  /** Findings of other rules that lie wholly inside this one: their repairs are merged into its own. */
  inside?: RuleMatch[];
  /** The paragraph the match was found in, as the matcher read it: the repair steps read no further. */
  within?: [number, number];
  /** The match stands inside quotation marks (a quoted script the writer asks, or reported words). */
  quoted?: boolean;
}

const MENTION_GAP = 1;
const SELF_DESCRIPTION_WINDOW = 6;

function sentenceBounds(tokens: Token[], at: number): [number, number] {
  const sentence = tokens[at]?.sentence;
  let from = at;
  let to = at;
  while (from > 0 && tokens[from - 1]?.sentence === sentence) from--;
  while (to < tokens.length - 1 && tokens[to + 1]?.sentence === sentence) to++;
  return [from, to];
}

/**
 * A quotation a script or form puts in the writer's mouth ('Ask every client: "When did you last have
 * sex with your boyfriend?"') is the writer's wording, not someone's own words: it opens after a colon,
 * in a sentence that opens with a script cue (data: `scope.script` in context.yml).
 */
function scriptLine(tokens: Token[], at: number, quoteStart: number, source: string, ruleSet: CompiledRuleSet): boolean {
  if (!/:[ \t]*$/.test(source.slice(Math.max(0, quoteStart - 4), quoteStart))) return false;
  const [from] = sentenceBounds(tokens, at);
  const words: string[] = [];
  for (let i = from; i < Math.min(from + 3, tokens.length) && (tokens[i]?.start ?? quoteStart) < quoteStart; i++)
    words.push(tokens[i]?.lower ?? '');
  return hasCue(words, scopeCuesOf(ruleSet).script);
}

function exceptionBounds(tokens: Token[], first: number, scope: RuleExceptions['scope']): [number, number] {
  if (scope === 'paragraph') return [0, tokens.length - 1];
  const [from, to] = sentenceBounds(tokens, first);
  return scope === 'sentence-before' ? [from, first - 1] : [from, to];
}

/**
 * Words that turn a sentence to other people or things: a cue before them does not reach the words
 * after them ("those who identify as gay, and also transgendered people": the cue covers "gay" only).
 */
const CLAUSE_TURNS = new Set(['but', 'also', 'while', 'whereas', 'although', 'though', 'unlike', 'except']);

function cueBefore(tokens: Token[], first: number, cues: CompiledRuleSet['mentionCues'], window: number): boolean {
  const sentence = tokens[first]?.sentence;
  for (let j = first - 1; j >= Math.max(0, first - 1 - window); j--) {
    if (tokens[j]?.sentence !== sentence) return false;
    if (CLAUSE_TURNS.has(tokens[j]?.lower ?? '')) return false;
    if (endsAt(tokens, j, cues, true)) return true;
  }
  return false;
}

/** Is the match the next item of a list whose previous item (ending at a token in `ends`) was mentioned? */
function continuesList(tokens: Token[], first: number, ends: Set<number>): boolean {
  if (ends.size === 0) return false;
  let j = first - 1;
  const previous = tokens[j];
  if (previous && (previous.lower === 'and' || previous.lower === 'or') && previous.sentence === tokens[first]?.sentence) j--;
  return ends.has(j) && tokens[j]?.sentence === tokens[first]?.sentence;
}

/**
 * Is `token` separated from the one before it by a comma or semicolon? The words on the far side
 * belong to another clause: "a diabetic, labs to be repeated" is not "diabetic labs". A capitalised
 * word after a comma is a name in apposition and still counts ("her wife, Priya").
 */
function breaksClause(token: Token): boolean {
  const punct = token.join === 'punct' ? (token.punct ?? '') : '';
  return punct.includes(';') || (punct.includes(',') && !isCapitalised(token.text));
}

/**
 * Do the rule's exceptions rule out the match tokens[first..last]? They read the match's own
 * sentence: "a schizophrenic. Right ventricular …" is not "schizophrenic right".
 */
function excepted(tokens: Token[], first: number, last: number, rule: CompiledRule): boolean {
  const firstToken = tokens[first] as Token;
  const lastToken = tokens[last] as Token;
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  const opensSentence = before?.sentence !== firstToken.sentence;
  if (
    rule.notBefore.length &&
    after?.sentence === lastToken.sentence &&
    // After a sentence's opening word the comma ends an introduction, not a clause ("Apparently, an MRI …").
    (opensSentence || !breaksClause(after)) &&
    startsAt(tokens, last + 1, rule.notBefore, true)
  )
    return true;
  if (rule.notAfter.length && !opensSentence && !breaksClause(firstToken) && endsAt(tokens, first - 1, rule.notAfter, true)) return true;
  if (rule.requires.length || rule.unless.length) {
    const [from, to] = exceptionBounds(tokens, first, rule.data.exceptions?.scope);
    if (rule.requires.length && !occursWithin(tokens, from, to, rule.requires)) return true;
    if (rule.unless.length && occursWithin(tokens, from, to, rule.unless)) return true;
  }
  return false;
}

/** Does a paragraph hold any word that could start a rule match? Cheap; used to skip parsing. */
export function hasCandidate(text: string, triggers: Set<string>): boolean {
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
    const word = m[0].replace(/’/g, "'").toLowerCase();
    if (triggers.has(word)) return true;
  }
  return false;
}

export function findInParagraph(
  paragraph: ParagraphTokens,
  source: string,
  ruleSet: CompiledRuleSet,
  respect: RespectOptions,
  extraAllow: SequenceIndex<true> | null = null,
  blockQuotes?: SpanLookup,
): RuleMatch[] {
  const { tokens } = paragraph;
  if (tokens.length === 0) return [];
  const matches = ruleSet.index.matches(tokens);
  if (matches.length === 0) return [];
  const raw = source.slice(paragraph.start, paragraph.end);
  // Quotations pair from the start of the block: a window parsed from mid-block uses the block's.
  const quotes = blockQuotes ?? new SpanLookup(quoteSpans(raw, paragraph.start));
  const urls = urlSpans(raw, paragraph.start);
  let allowSpans: Span[] | undefined;
  const allowed = (start: number, end: number): boolean => {
    allowSpans ??= allowSpansOf(tokens, ruleSet.allow, extraAllow);
    return allowSpans.some(([s, e]) => s < end && start < e);
  };

  const kept: RuleMatch[] = [];
  // Last tokens of matches read as mentions, so a list of mentioned terms ("avoid addict, junkie
  // and alcoholic") is a mention throughout.
  const mentionEnds = new Set<number>();
  for (const m of matches) {
    const firstToken = tokens[m.first];
    const lastToken = tokens[m.last];
    if (!firstToken || !lastToken) continue;
    const start = firstToken.start;
    const end = lastToken.end;
    const rule = m.value.rule;
    if (inside(urls, start, end)) continue;
    const quote = quotes.holding(start, end);
    // Templated suggestions take words from this match, so such a finding gets its own entry.
    const entryFor = (): CompiledEntry =>
      m.value.templated
        ? { ...m.value, suggestions: fillSuggestions(m.value.suggestions, tokens.slice(m.first, m.last + 1), source) }
        : m.value;
    if (rule.data.quoted) {
      // Scare quotes: the match must be the whole quotation; the marks are part of the finding.
      if (!quote || quote[0] !== start - 1 || quote[1] !== end + 1) continue;
      if (excepted(tokens, m.first, m.last, rule)) continue;
      if (respect.mentions && cueBefore(tokens, m.first, ruleSet.mentionCues, MENTION_GAP)) continue;
      kept.push({ entry: entryFor(), start: quote[0], end: quote[1], plural: false, within: [paragraph.start, paragraph.end] });
      continue;
    }
    if (respect.quotes && quote && !scriptLine(tokens, m.first, quote[0], source, ruleSet)) continue;
    if (excepted(tokens, m.first, m.last, rule)) continue;
    if (respect.mentions && (cueBefore(tokens, m.first, ruleSet.mentionCues, MENTION_GAP) || continuesList(tokens, m.first, mentionEnds))) {
      mentionEnds.add(m.last);
      continue;
    }
    if (respect.selfDescription && cueBefore(tokens, m.first, ruleSet.selfDescriptionCues, SELF_DESCRIPTION_WINDOW)) continue;
    if (allowed(start, end)) continue;
    const lastTest = m.seq.tokens[m.seq.tokens.length - 1];
    const plural = lastTest?.kind === 'words' && lastTest.pluralForms.has(m.seq.caseSensitive ? lastToken.text : lastToken.lower);
    kept.push({ entry: entryFor(), start, end, plural, within: [paragraph.start, paragraph.end], ...(quote ? { quoted: true } : {}) });
  }
  return dropSameRuleOverlaps(dropContained(kept));
}

/** One rule reports overlapping wording once ("very demanding and rude"): keep the finding that starts first. */
function dropSameRuleOverlaps(findings: RuleMatch[]): RuleMatch[] {
  const lastEnd = new Map<string, number>();
  const out: RuleMatch[] = [];
  for (const f of findings) {
    const id = f.entry.rule.data.id;
    if ((lastEnd.get(id) ?? -1) > f.start) continue;
    lastEnd.set(id, f.end);
    out.push(f);
  }
  return out;
}

export function allowSpansOf(tokens: Token[], ...indexes: Array<SequenceIndex<true> | null>): Span[] {
  const spans: Span[] = [];
  for (const index of indexes) {
    if (!index) continue;
    for (const m of index.matches(tokens)) spans.push([tokens[m.first]?.start ?? 0, tokens[m.last]?.end ?? 0]);
  }
  return spans;
}

/**
 * Keep the longest finding where one lies wholly inside another; a finding of another rule inside it
 * is kept with it (`inside`), so that one repair covers both ("Denies drug abuse" → "Reports no drug
 * misuse", not "Reports no drug abuse").
 */
export function dropContained(findings: RuleMatch[]): RuleMatch[] {
  // Sorted by start, longest first: a finding lies inside an earlier one exactly when it ends no later
  // than the furthest end seen so far. Linear after the sort.
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RuleMatch[] = [];
  let furthestEnd = -1;
  let container: RuleMatch | undefined;
  for (const f of sorted) {
    if (f.end <= furthestEnd) {
      if (container && f.entry.rule !== container.entry.rule && f.start >= container.start && f.end <= container.end) {
        container = { ...container, inside: [...(container.inside ?? []), f] };
        out[out.length - 1] = container;
      }
      continue;
    }
    container = f;
    out.push(f);
    furthestEnd = f.end;
  }
  return out;
}
