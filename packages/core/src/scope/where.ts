/**
 * Does a rule apply where its match stands? Reads the match's sentence for its voice, and the words
 * around the match for their subject, only for rules that declare a `where`.
 */
import type { CompiledRule } from '../rules/compile.js';
import { quoteSpans } from '../text/spans.js';
import type { ScopeCues } from './cues.js';
import type { Genre, RuleWhere, Subject, Voice } from './kinds.js';
import { sentenceAround } from './sentence.js';
import { subjectOf } from './subject.js';
import { voiceOf } from './voice.js';

export interface MatchScope {
  voice: Voice;
  subject: Subject;
}

/** The voice of the match's sentence and the subject of its words. */
export function scopeOfMatch(text: string, start: number, end: number, genre: Genre | null, cues: ScopeCues): MatchScope {
  const sentence = sentenceAround(text, start, end);
  const quotes = quoteSpans(text.slice(sentence.start, sentence.end), sentence.start);
  const quoted = (s: number, e: number): boolean => quotes.some(([qs, qe]) => qs <= s && e <= qe);
  const voice = voiceOf(text, sentence, genre, cues, quoted);
  return { voice, subject: subjectOf(text, sentence, voice, cues) };
}

export function ruleAppliesIn(rule: CompiledRule, scope: () => MatchScope): boolean {
  return appliesIn(rule.data.where, scope);
}

/** Does a `where` (of a rule or a suggestion) admit the scope? No `where`: everywhere. */
export function appliesIn(where: RuleWhere | undefined, scope: () => MatchScope): boolean {
  if (!where || (!where.voices && !where.subjects)) return true;
  const { voice, subject } = scope();
  if (where.voices && !where.voices.includes(voice)) return false;
  return !where.subjects || where.subjects.includes(subject);
}
