/**
 * Suggestion templates: `{n}` is the n-th matched word as written, `{a-b}` words a to b and `{a-}`
 * word a to the end of the match. They let one entry repair many phrasings ("supposedly stopped" →
 * "stopped", "elderly woman, 84" → "woman, 84") without listing each.
 */
import type { RepairTemplate } from './repair-templates.js';

const PLACEHOLDER = /\{(\d+)(?:(-)(\d+)?)?\}/g;

export interface WordSpan {
  start: number;
  end: number;
}

/** The highest word number a suggestion refers to (0 when it has no placeholder). */
export function highestPlaceholder(suggestion: RepairTemplate): number {
  let max = 0;
  for (const text of [suggestion.singular, suggestion.plural ?? '']) {
    for (const m of text.matchAll(PLACEHOLDER)) max = Math.max(max, Number(m[1]), m[3] ? Number(m[3]) : 0);
  }
  return max;
}

export function hasPlaceholder(suggestion: RepairTemplate): boolean {
  return highestPlaceholder(suggestion) > 0;
}

/** Does the text refer to the last matched word (the one that carries the number)? */
function usesLastWord(text: string, count: number): boolean {
  for (const m of text.matchAll(PLACEHOLDER)) {
    const from = Number(m[1]);
    const to = m[2] ? (m[3] ? Number(m[3]) : count) : from;
    if (from <= count && count <= to) return true;
  }
  return false;
}

function fill(text: string, words: WordSpan[], source: string): string | undefined {
  let ok = true;
  const out = text.replace(PLACEHOLDER, (_all, a: string, dash: string | undefined, b: string | undefined) => {
    const from = Number(a);
    const to = dash ? (b ? Number(b) : words.length) : from;
    const first = words[from - 1];
    const last = words[to - 1];
    if (!first || !last || to < from) {
      ok = false;
      return '';
    }
    const text = source.slice(first.start, last.end).replace(/\s+/g, ' ');
    // The first matched word is often capitalised only because it starts a sentence ("Meth addicts").
    return from === 1 && /^\p{Lu}\p{Ll}*$/u.test(text.split(/[\s-]/)[0] ?? '') ? text.charAt(0).toLowerCase() + text.slice(1) : text;
  });
  return ok ? out : undefined;
}

/**
 * Fill the placeholders from the matched words. A filled suggestion that repeats the last matched word
 * already has the flagged text's number, so it is returned in both forms and never pluralised again.
 */
export function fillSuggestions(suggestions: RepairTemplate[], words: WordSpan[], source: string): RepairTemplate[] {
  const out: RepairTemplate[] = [];
  for (const s of suggestions) {
    if (!hasPlaceholder(s)) {
      out.push(s);
      continue;
    }
    const singular = fill(s.singular, words, source);
    if (singular === undefined) continue;
    if (s.plural === undefined) {
      out.push(usesLastWord(s.singular, words.length) ? { ...s, singular, plural: singular } : { ...s, singular });
      continue;
    }
    const plural = fill(s.plural, words, source);
    if (plural !== undefined) out.push({ ...s, singular, plural });
  }
  return out;
}
