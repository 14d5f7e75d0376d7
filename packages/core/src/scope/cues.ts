/**
 * The cue words of the scope model, read from the `scope` section of rules/context.yml (data, like
 * the mention cues) and compiled once per rule set. A cue is a phrase of one or more words; a word
 * may list alternatives with `|`. Matching is case-insensitive, on whole words; a hyphen separates words.
 */
import type { CompiledRuleSet } from '../rules/compile.js';
import type { ScopeCueData } from '../types.js';

/** One cue phrase: the accepted forms of each word. */
type Phrase = Array<Set<string>>;

export interface CueList {
  /** Phrases by their first word's forms, for a lookup per word. */
  byFirst: Map<string, Phrase[]>;
}

export interface ScopeCues {
  reader: CueList;
  pronouns: CueList;
  recordPerson: CueList;
  thirdParty: CueList;
  service: CueList;
  thing: CueList;
  general: CueList;
  script: CueList;
  genre: { chartNote: CueList; teaching: CueList };
  /** The first words of every cue genre detection counts: most words are none, and one lookup tells. */
  genreFirstWords: Set<string>;
}

/**
 * A cue phrase as the word sequences it stands for. Words are matched as the text's words are read
 * (split at hyphens), so a hyphenated alternative is a sequence of its own: "year-old" is "year old".
 */
function expand(phrase: string): string[][] {
  let sequences: string[][] = [[]];
  for (const word of phrase.trim().toLowerCase().split(/\s+/).filter(Boolean)) {
    const alternatives = word
      .split('|')
      .filter(Boolean)
      .map((a) => a.split('-').filter(Boolean));
    sequences = sequences.flatMap((seq) => alternatives.map((a) => [...seq, ...a]));
  }
  return sequences.filter((seq) => seq.length > 0);
}

export function compileCues(phrases: readonly string[] = []): CueList {
  const byFirst = new Map<string, Phrase[]>();
  for (const phrase of phrases) {
    for (const words of expand(phrase)) {
      const [first] = words;
      if (first === undefined) continue;
      const list = byFirst.get(first) ?? [];
      list.push(words.map((w) => new Set([w])));
      byFirst.set(first, list);
    }
  }
  return { byFirst };
}

/** The number of words of the cue that starts at words[i] (the longest), or 0. */
export function cueAt(words: readonly string[], i: number, cues: CueList): number {
  const candidates = cues.byFirst.get(words[i] ?? '');
  if (!candidates) return 0;
  let best = 0;
  for (const phrase of candidates) {
    if (phrase.length <= best) continue;
    let ok = true;
    for (let k = 1; k < phrase.length && ok; k++) ok = phrase[k]?.has(words[i + k] ?? '') ?? false;
    if (ok) best = phrase.length;
  }
  return best;
}

export function hasCue(words: readonly string[], cues: CueList, from = 0, to = words.length): boolean {
  for (let i = from; i < to; i++) if (cueAt(words, i, cues) > 0) return true;
  return false;
}

const compiled = new WeakMap<CompiledRuleSet, ScopeCues>();

export function scopeCuesOf(ruleSet: CompiledRuleSet): ScopeCues {
  let cues = compiled.get(ruleSet);
  if (!cues) {
    const data: ScopeCueData = ruleSet.data.context.scope ?? {};
    const reader = compileCues(data.reader);
    const chartNote = compileCues(data.genreCues?.['chart-note']);
    const teaching = compileCues(data.genreCues?.teaching);
    cues = {
      reader,
      pronouns: compileCues(data.pronouns),
      recordPerson: compileCues(data.recordPerson),
      thirdParty: compileCues(data.thirdParty),
      service: compileCues(data.service),
      thing: compileCues(data.thing),
      general: compileCues(data.general),
      script: compileCues(data.script),
      genre: { chartNote, teaching },
      genreFirstWords: new Set([reader, chartNote, teaching].flatMap((list) => [...list.byFirst.keys()])),
    };
    compiled.set(ruleSet, cues);
  }
  return cues;
}
