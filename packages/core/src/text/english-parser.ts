/**
 * The English parser (parse-english, on parse-latin) with its sentence merges made linear, building
 * the same tree. parse-latin's mergeNonWordSentences merges each sentence without a word
 * into the one before it (or, with none before, the one after) and removes it from the paragraph with
 * `splice`, moving every later sentence: a paragraph of thousands of wordless "sentences" ("<!", "-?"
 * or "#." repeated) cost the square of their number (200 KB of "-?": 11 s). Here the paragraph's list
 * is rebuilt in one pass, with the same merges in the same order.
 */
import type { Paragraph, ParagraphContent } from 'nlcst';
import { ParseEnglish } from 'parse-english';

type Plugin = (paragraph: Paragraph) => void;

const hasChildren = (node: ParagraphContent | undefined): node is Extract<ParagraphContent, { children: unknown }> =>
  node !== undefined && 'children' in node;

/**
 * parse-latin's mergeNonWordSentences, in one pass. As the original walks the list: a child without a
 * word joins the child before it when that one has children; else the child after it, which is then
 * passed over (the original moves on past it); else it stays.
 */
export function mergeNonWordSentences(paragraph: Paragraph): void {
  const children = paragraph.children;
  const out: ParagraphContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as ParagraphContent;
    if (!hasChildren(child) || child.children.some((node) => node.type === 'WordNode')) {
      out.push(child);
      continue;
    }
    const previous = out[out.length - 1];
    if (hasChildren(previous)) {
      for (const node of child.children) (previous.children as unknown[]).push(node);
      if (previous.position && child.position) previous.position.end = child.position.end;
      continue;
    }
    const next = children[i + 1];
    if (hasChildren(next)) {
      (next.children as unknown[]).unshift(...child.children);
      if (next.position && child.position) next.position.start = child.position.start;
      out.push(next);
      i++;
      continue;
    }
    out.push(child);
  }
  if (out.length === children.length) return;
  children.length = 0;
  for (const node of out) children.push(node);
}

const word = (value: string) => ({ type: 'WordNode', children: [{ type: 'TextNode', value }] });
const mark = (value: string) => ({ type: 'PunctuationNode', value });
const paragraphOf = (...sentences: unknown[][]) =>
  ({ type: 'ParagraphNode', children: sentences.map((children) => ({ type: 'SentenceNode', children })) }) as unknown as Paragraph;
/** `plugin`'s result on a small paragraph, or undefined when it throws. */
function tried(plugin: Plugin, paragraph: Paragraph): Paragraph | undefined {
  try {
    plugin(paragraph);
    return paragraph;
  } catch {
    return undefined;
  }
}
/** The children of the one sentence left, when the paragraph's sentences merged into one. */
const merged = (p: Paragraph | undefined) => (p?.children.length === 1 && hasChildren(p.children[0]) ? p.children[0].children : undefined);

/**
 * Whether `plugin` does what mergeNonWordSentences does on two small paragraphs: a wordless sentence
 * after a sentence joins it, and one before a sentence joins that one. No other paragraph plugin of
 * parse-english does either, so this finds the plugin to replace without relying on its place.
 */
function mergesNonWordSentences(plugin: Plugin): boolean {
  const after = merged(tried(plugin, paragraphOf([word('a')], [mark('!')])));
  const before = merged(tried(plugin, paragraphOf([mark('!')], [word('a')])));
  return after?.length === 2 && before?.length === 2 && before[0]?.type === 'PunctuationNode';
}

/**
 * parse-latin's plugins that only ever merge a sentence into the one before it, judging by the two
 * alone (a sentence starting with a lower-case word, with a digit, or with "," or ";"), each found by
 * the one small paragraph it merges and the others do not. Each splices the merged sentence out of
 * the paragraph, so "a. " repeated with one accented letter (the parser then runs) cost the square.
 */
const MERGE_INTO_PREVIOUS: Paragraph[] = [
  paragraphOf([word('A')], [word('b')]),
  paragraphOf([word('A')], [word('1')]),
  paragraphOf([word('A')], [mark(','), word('b')]),
];
function mergesIntoPrevious(plugin: Plugin): boolean {
  return MERGE_INTO_PREVIOUS.filter((probe) => merged(tried(plugin, structuredClone(probe)))?.length).length === 1;
}

/** Below this many children a plugin runs as it is: its splices cost little. */
const ONE_BY_ONE_FROM = 64;

/**
 * A plugin that only merges a sentence into the one before it, shown each sentence with only the one
 * before it (as it would see them: it reads no further), so removing a merged one moves nothing.
 */
function oneByOne(plugin: Plugin, from: number): Plugin {
  return (paragraph) => {
    const children = paragraph.children;
    if (children.length < from) {
      plugin(paragraph);
      return;
    }
    const out: ParagraphContent[] = [];
    for (const child of children) {
      const previous = out[out.length - 1];
      if (previous === undefined) {
        out.push(child);
        continue;
      }
      const pair = { type: 'ParagraphNode', children: [previous, child] } as Paragraph;
      plugin(pair);
      if (pair.children.length === 1 && pair.children[0] === previous) continue;
      if (pair.children.length !== 2 || pair.children[0] !== previous || pair.children[1] !== child)
        throw new Error('reframe: an English parser plugin did more than merge a sentence into the one before it');
      out.push(child);
    }
    children.length = 0;
    for (const node of out) children.push(node);
  };
}

const plugins = ParseEnglish.prototype.tokenizeParagraphPlugins as Plugin[];
const nonWord = plugins.filter(mergesNonWordSentences);
const intoPrevious = plugins.filter(mergesIntoPrevious);

/** Whether the linear plugins took the originals' places (each found exactly where expected). */
export const mergeMadeLinear = nonWord.length === 1 && intoPrevious.length === MERGE_INTO_PREVIOUS.length;

/**
 * parse-english with its sentence merges made linear; `oneByOneFrom` is for the tests, which compare
 * trees with every paragraph merged one sentence at a time.
 */
export function linearEnglish(oneByOneFrom = ONE_BY_ONE_FROM): typeof ParseEnglish {
  class LinearEnglish extends ParseEnglish {}
  if (mergeMadeLinear)
    LinearEnglish.prototype.tokenizeParagraphPlugins = plugins.map((p) =>
      p === nonWord[0] ? mergeNonWordSentences : intoPrevious.includes(p) ? oneByOne(p, oneByOneFrom) : p,
    );
  return LinearEnglish;
}

/** The parser both processors use. */
export const ReframeEnglish = linearEnglish();
