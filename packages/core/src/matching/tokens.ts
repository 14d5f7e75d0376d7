/** Word tokens of one paragraph, read from the nlcst tree and located exactly in the source text. */
import type { Paragraph, Root, Sentence } from 'nlcst';
import { normaliseWord } from '../rules/pattern.js';

export type Join = 'start' | 'space' | 'hyphen' | 'punct';

export interface Token {
  /** As written, with curly apostrophes made straight. */
  text: string;
  lower: string;
  start: number;
  end: number;
  /** How this token is joined to the previous one in its sentence. */
  join: Join;
  /** The punctuation before this token when `join` is 'punct'. */
  punct?: string;
  sentence: number;
}

export interface ParagraphTokens {
  start: number;
  end: number;
  tokens: Token[];
}

const SUB_TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
// Emphasis markers between words in Markdown do not break a phrase.
const IGNORABLE_BETWEEN = /[\s*_~]/g;
const HYPHENS = new Set(['-', '‐', '‑']);

function classifyJoin(between: string): { join: Join; punct?: string } {
  const visible = between.replace(IGNORABLE_BETWEEN, '');
  if (visible === '') return { join: 'space' };
  if (visible.length === 1 && HYPHENS.has(visible)) return { join: 'hyphen' };
  return { join: 'punct', punct: visible };
}

function offsetsOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : [s, e];
}

/**
 * Collect paragraphs with their tokens. `base` shifts offsets when the tree was parsed from a slice
 * of the document; `source` is the whole document.
 */
export function paragraphsOf(tree: Root, source: string, base = 0): ParagraphTokens[] {
  const out: ParagraphTokens[] = [];
  const visitParagraph = (paragraph: Paragraph): void => {
    const range = offsetsOf(paragraph);
    if (!range) return;
    const result: ParagraphTokens = { start: range[0] + base, end: range[1] + base, tokens: [] };
    let index = 0;
    for (const child of paragraph.children) {
      if (child.type !== 'SentenceNode') continue;
      if (offsetsOf(child)) addSentence(child, tokenAppender(result, source, index++), source, base);
    }
    out.push(result);
  };
  const walk = (node: Root | Paragraph | Root['children'][number]): void => {
    if (node.type === 'ParagraphNode') visitParagraph(node);
    else if ('children' in node && node.type === 'RootNode') for (const c of node.children) walk(c);
  };
  walk(tree);
  return out;
}

const PLAIN_WORD = /[A-Za-z0-9]+/y;

/** Is source[from, to) exactly one space (the common join)? */
const singleSpace = (source: string, from: number, to: number): boolean => to - from === 1 && source.charCodeAt(from) === 32;

/**
 * Appends the tokens of one sentence to a paragraph: each gets its lower-case form and how it joins the
 * previous token of the same sentence (the first one starts it).
 */
export function tokenAppender(
  into: ParagraphTokens,
  source: string,
  sentence: number,
): (start: number, end: number, written: string) => void {
  let previousEnd = -1;
  return (start, end, written) => {
    const text = normaliseWord(written);
    const token: Token = { text, lower: text.toLowerCase(), start, end, join: 'start', sentence };
    if (previousEnd >= 0) {
      if (singleSpace(source, previousEnd, start)) token.join = 'space';
      else {
        const joined = classifyJoin(source.slice(previousEnd, start));
        token.join = joined.join;
        if (joined.punct !== undefined) token.punct = joined.punct;
      }
    }
    into.tokens.push(token);
    previousEnd = end;
  };
}

function addSentence(sentence: Sentence, push: (start: number, end: number, written: string) => void, source: string, base: number): void {
  for (const child of sentence.children) {
    if (child.type !== 'WordNode') continue;
    const wordRange = offsetsOf(child);
    if (!wordRange) continue;
    const wordStart = wordRange[0] + base;
    const wordEnd = wordRange[1] + base;
    // Most words are plain ASCII letters and digits: one token, nothing to normalise.
    PLAIN_WORD.lastIndex = wordStart;
    if (PLAIN_WORD.test(source) && PLAIN_WORD.lastIndex === wordEnd) {
      push(wordStart, wordEnd, source.slice(wordStart, wordEnd));
      continue;
    }
    const raw = source.slice(wordStart, wordEnd);
    for (const m of raw.matchAll(SUB_TOKEN)) {
      const start = wordStart + (m.index ?? 0);
      push(start, start + m[0].length, m[0]);
    }
  }
}
