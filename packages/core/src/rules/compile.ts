/** Compile validated rule-set data once into indexes the matcher reuses for every document. */

import { SequenceIndex } from '../matching/matcher.js';
import type { RuleData, RuleSetData, SourceRef } from '../types.js';
import { compilePattern, PatternError, type Sequence } from './pattern.js';
import { type RepairTemplate, repairTemplateOf } from './repair-templates.js';
import { hasPlaceholder, highestPlaceholder } from './templates.js';

export interface CompiledEntry {
  rule: CompiledRule;
  /** The suggestions with their kinds, preferred first. */
  suggestions: RepairTemplate[];
  /** Whether the phrase was written in lower case (then all-caps text gets all-caps suggestions). */
  patternIsLower: boolean;
  /** Some suggestion has `{n}` placeholders to fill from the matched words. */
  templated: boolean;
}

export interface CompiledRule {
  data: RuleData;
  sources: SourceRef[];
  notBefore: Sequence[];
  notAfter: Sequence[];
  requires: Sequence[];
  unless: Sequence[];
}

export interface CompiledRuleSet {
  rules: Map<string, CompiledRule>;
  index: SequenceIndex<CompiledEntry>;
  allow: SequenceIndex<true>;
  mentionCues: Sequence[];
  selfDescriptionCues: Sequence[];
  equalityIgnoreRules: Set<string>;
  data: RuleSetData;
}

export class RuleCompileError extends Error {
  constructor(
    readonly file: string,
    readonly ruleId: string,
    message: string,
  ) {
    super(`${file}: rule ${ruleId}: ${message}`);
  }
}

function compileList(phrases: string[] | undefined, where: () => string, leadingWildcard = false): Sequence[] {
  const out: Sequence[] = [];
  for (const phrase of phrases ?? []) {
    try {
      out.push(...compilePattern(phrase, { plural: false, leadingWildcard }));
    } catch (error) {
      if (error instanceof PatternError) throw new Error(`${where()}: ${error.message}`);
      throw error;
    }
  }
  return out;
}

/** Lists that inflect their last word, for allow-lists and cues that name nouns. */
function compileNounList(phrases: string[], where: string): Sequence[] {
  const out: Sequence[] = [];
  for (const phrase of phrases) {
    try {
      out.push(...compilePattern(phrase));
    } catch (error) {
      if (error instanceof PatternError) throw new Error(`${where}: ${error.message}`);
      throw error;
    }
  }
  return out;
}

export function compileRuleSet(data: RuleSetData): CompiledRuleSet {
  const rules = new Map<string, CompiledRule>();
  const index = new SequenceIndex<CompiledEntry>();
  for (const pack of data.packs) {
    for (const rule of pack.rules) {
      if (rules.has(rule.id)) throw new RuleCompileError(pack.file, rule.id, 'duplicate rule id');
      const fail = (message: string): never => {
        throw new RuleCompileError(pack.file, rule.id, message);
      };
      const sources = rule.sources.map((key) => {
        const s = data.sources[key];
        if (!s) fail(`unknown source "${key}" (not in sources.yml)`);
        return { key, title: s?.title ?? key, url: s?.url ?? '' };
      });
      const where = () => `${pack.file}: rule ${rule.id}`;
      const compiled: CompiledRule = {
        data: rule,
        sources,
        // Words next to a match may be wildcards ("not before @Cap": a named partner).
        notBefore: compileList(rule.exceptions?.notBefore, where, true),
        notAfter: compileList(rule.exceptions?.notAfter, where, true),
        requires: compileNounList(rule.exceptions?.requires ?? [], where()),
        unless: compileNounList(rule.exceptions?.unless ?? [], where()),
      };
      rules.set(rule.id, compiled);
      for (const raw of rule.match) {
        const entry = typeof raw === 'string' ? { phrase: raw } : raw;
        let sequences: Sequence[] = [];
        try {
          sequences = compilePattern(entry.phrase, { caseSensitive: entry.caseSensitive, plural: entry.plural });
        } catch (error) {
          if (error instanceof PatternError) fail(error.message);
          throw error;
        }
        if (entry.fix !== undefined || rule.fix !== undefined)
          fail('`fix` is replaced by the repair kind: write the suggestion to apply automatically as { safe: … }');
        const suggestions: RepairTemplate[] = [];
        for (const s of entry.suggestions ?? rule.suggestions) {
          const template = repairTemplateOf(s);
          if (typeof template === 'string') fail(template);
          else suggestions.push(template);
        }
        const shortest = Math.min(...sequences.map((s) => s.tokens.length));
        for (const s of suggestions) {
          const n = highestPlaceholder(s);
          if (n > shortest) fail(`a suggestion refers to word {${n}} but "${entry.phrase}" can match just ${shortest} word(s)`);
        }
        const value: CompiledEntry = {
          rule: compiled,
          suggestions,
          patternIsLower: entry.phrase === entry.phrase.toLowerCase(),
          templated: suggestions.some(hasPlaceholder),
        };
        for (const seq of sequences) index.add(seq, value);
      }
    }
  }
  const allow = new SequenceIndex<true>();
  for (const seq of compileNounList(data.context.allow, 'context allow-list')) allow.add(seq, true);
  return {
    rules,
    index,
    allow,
    mentionCues: compileList(data.context.mentionCues, () => 'context mention cues'),
    selfDescriptionCues: compileList(data.context.selfDescriptionCues, () => 'context self-description cues'),
    equalityIgnoreRules: new Set(data.context.equalityIgnoreRules),
    data,
  };
}
