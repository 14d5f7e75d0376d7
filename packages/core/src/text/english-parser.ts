/**
 * The English parser (parse-english, on parse-latin) with one of its plugins replaced by a linear one
 * that builds the same tree. parse-latin's mergeNonWordSentences merges each sentence without a word
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

/**
 * Whether `plugin` does what mergeNonWordSentences does on two small paragraphs: a wordless sentence
 * after a sentence joins it, and one before a sentence joins that one. No other paragraph plugin of
 * parse-english does either, so this finds the plugin to replace without relying on its place.
 */
function mergesNonWordSentences(plugin: Plugin): boolean {
  const word = () => ({ type: 'WordNode', children: [{ type: 'TextNode', value: 'a' }] });
  const mark = () => ({ type: 'PunctuationNode', value: '!' });
  const paragraph = (...sentences: unknown[][]) =>
    ({ type: 'ParagraphNode', children: sentences.map((children) => ({ type: 'SentenceNode', children })) }) as unknown as Paragraph;
  const after = paragraph([word()], [mark()]);
  const before = paragraph([mark()], [word()]);
  try {
    plugin(after);
    plugin(before);
  } catch {
    return false;
  }
  const only = (p: Paragraph) => (p.children.length === 1 && hasChildren(p.children[0]) ? p.children[0].children : []);
  return only(after).length === 2 && only(before).length === 2 && only(before)[0]?.type === 'PunctuationNode';
}

const plugins = ParseEnglish.prototype.tokenizeParagraphPlugins as Plugin[];
const found = plugins.filter(mergesNonWordSentences);

/** Whether the linear plugin took the original's place (exactly one of parse-english's plugins is it). */
export const mergeMadeLinear = found.length === 1;

/** parse-english with mergeNonWordSentences made linear. */
export class ReframeEnglish extends ParseEnglish {}
if (mergeMadeLinear) ReframeEnglish.prototype.tokenizeParagraphPlugins = plugins.map((p) => (p === found[0] ? mergeNonWordSentences : p));
