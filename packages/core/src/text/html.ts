/** HTML read as text: only the text content is linted, at the offsets it has in the HTML. */

const HTML_BLOCK_TAG =
  /^<\/?(p|div|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|blockquote|pre|br|hr|dd|dt|dl|main|nav|aside|figure|figcaption|title|body|head|html)\b/i;
/** The elements whose content is skipped whole, and what closes each (as `<\/\1\s*>` did, case ignored). */
const RAW_ELEMENTS = [
  ['script', /<\/script\s*>/gi],
  ['style', /<\/style\s*>/gi],
] as const;

/**
 * The first match at or after `from` of a search that only moves forward: a result already found at
 * or after `from` is reused, and once nothing is found nothing ever will be. So however many openers
 * ask, the text after them is read about once (an unclosed "<!--" repeated was read to the end by
 * each: 200 KB took 40 s).
 */
class ForwardSearch {
  /** The first match at or after `searchedFrom` (Infinity: none) and the offset just past it. */
  private at = -1;
  private end = -1;
  private searchedFrom = -1;

  constructor(private readonly find: (from: number) => [at: number, end: number] | undefined) {}

  /** The end of the first match at or after `from`, or -1. */
  endFrom(from: number): number {
    if (this.at < from || from < this.searchedFrom) {
      const found = this.find(from);
      this.searchedFrom = from;
      [this.at, this.end] = found ?? [Number.POSITIVE_INFINITY, -1];
    }
    return this.end;
  }
}

function literal(text: string, needle: string): ForwardSearch {
  return new ForwardSearch((from) => {
    const at = text.indexOf(needle, from);
    return at < 0 ? undefined : [at, at + needle.length];
  });
}

function pattern(text: string, re: RegExp): ForwardSearch {
  return new ForwardSearch((from) => {
    re.lastIndex = from;
    const m = re.exec(text);
    return m ? [m.index, m.index + m[0].length] : undefined;
  });
}

/** "<script" or "<style" at `at` (any case) followed by a word boundary: the element's index, or -1. */
function rawElementAt(text: string, at: number): number {
  return RAW_ELEMENTS.findIndex(([name]) => {
    const after = at + 1 + name.length;
    return text.slice(at + 1, after).toLowerCase() === name && !/\w/.test(text.charAt(after));
  });
}

/** What may follow "<" to open a tag, an end tag, a comment or a declaration (otherwise "<" is text). */
const OPENS_MARKUP = /[A-Za-z/!?]/;

/**
 * Tags, scripts, styles and comments: where each ends (-1: the "<" is text). In order of preference, as
 * /<(script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<!---?>|<!--[\s\S]*$|<[^>]*>|<[A-Za-z\/!?][\s\S]*$/gi
 * would match, in linear time. A comment or tag left open runs to the end of the document, as a
 * browser reads it: nothing after an unclosed "<!--" is text.
 */
function markupEnds(text: string): (at: number) => number {
  const closers = RAW_ELEMENTS.map(([, close]) => pattern(text, new RegExp(close.source, close.flags)));
  const commentEnd = literal(text, '-->');
  const tagEnd = literal(text, '>');
  return (at) => {
    const raw = rawElementAt(text, at);
    const name = RAW_ELEMENTS[raw]?.[0];
    if (name !== undefined) {
      const end = closers[raw]?.endFrom(at + 1 + name.length) ?? -1;
      if (end >= 0) return end;
    }
    if (text.startsWith('<!--', at)) {
      const end = commentEnd.endFrom(at + 4);
      if (end >= 0) return end;
      // "<!-->" and "<!--->" are whole (empty) comments; any other unclosed comment runs to the end.
      if (text.startsWith('>', at + 4)) return at + 5;
      return text.startsWith('->', at + 4) ? at + 6 : text.length;
    }
    const end = tagEnd.endFrom(at + 1);
    if (end >= 0) return end;
    return OPENS_MARKUP.test(text.charAt(at + 1)) ? text.length : -1;
  };
}

/** HTML to offset-preserving text: tags, scripts, styles and comments become spaces. */
export function htmlToText(text: string): string {
  const endOf = markupEnds(text);
  const parts: string[] = [];
  let last = 0;
  for (let at = text.indexOf('<'); at >= 0; ) {
    const end = endOf(at);
    if (end < 0) {
      at = text.indexOf('<', at + 1);
      continue;
    }
    const tag = text.slice(at, end);
    const blank = tag.replace(/[^\r\n]/g, ' ');
    // Block tags end a paragraph, so sentences on either side do not run together.
    parts.push(text.slice(last, at), HTML_BLOCK_TAG.test(tag) && blank.length >= 2 ? `\n\n${blank.slice(2)}` : blank);
    last = end;
    at = text.indexOf('<', end);
  }
  if (last === 0) return text;
  parts.push(text.slice(last));
  return parts.join('');
}
