/**
 * Hostile documents, generated (never committed): each is about `size` characters of a shape that made
 * a parser or a pattern spend far more than the document's size, followed by one sentence with a
 * finding so there is always something to lint. Named exports, so a script can write the corpus out
 * (see DOCUMENT_ATTACKS).
 */
import type { DocumentFormat } from '../../src/index.js';

/** The sentence every hostile document ends with: one finding (substance/addict). */
export const FLAGGED = 'The addict was seen on the ward today.';

const repeat = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.floor(size / unit.length)));

/** `*a**` repeated: micromark's emphasis matching walks back over every opener (40 KB took 6 to 20 s). */
export const emphasisPile = (size: number): string => `${repeat('*a**', size)}\n${FLAGGED}\n`;

/**
 * Unclosed `<!--` repeated: each was read to the end of the document for its end (200 KB took 40 s).
 * An unclosed comment runs to the end of the document, so the finding stands before it.
 */
export const unclosedComments = (size: number): string => `${FLAGGED}\n${repeat('<!--', size)}\n`;

/** `<` repeated: each was read to the end of the document as a tag (100 KB took 35 s). */
export const lessThanPile = (size: number): string => `${repeat('<', size)}\n${FLAGGED}\n`;

/** Unclosed `<script>` repeated: each was read to the end of the document for its closing tag. */
export const unclosedScripts = (size: number): string => `${repeat('<script>', size)}\n${FLAGGED}\n`;

/**
 * A list nested one level deeper on each line by two more spaces of indentation, the finding in its
 * deepest item: n levels take about n² characters (3,000 levels, 9 MB, took over 30 s).
 */
export function nestedListsByIndentation(size: number): string {
  const lines: string[] = [];
  let length = 0;
  let depth = 0;
  for (; length < size; depth++) {
    const line = `${' '.repeat(2 * depth)}- item\n`;
    lines.push(line);
    length += line.length;
  }
  return `${lines.join('')}${' '.repeat(2 * depth)}- ${FLAGGED}\n`;
}

/** A flagged sentence, then a long run of spaces before a letter: `/ {2,}\r?\n/` read the run once per space. */
export const spacesAfterSentence = (size: number): string => `${FLAGGED}${' '.repeat(size)}x\n`;

/** A directive followed by a long run of spaces: the directive pattern read the run once per space (20 KB, 2 s). */
export const spacedDirective = (size: number): string => `[reframe-disable-line${' '.repeat(size)}x\n${FLAGGED}\n`;

/**
 * Inside a fence, a line of quote marks each followed by two spaces, then a tilde: the closing-fence
 * pattern tried every way of sharing the spaces between its parts (24 of them took a second; each one
 * more doubled it).
 */
export const quotedFenceCloser = (size: number): string => `~~~\n${repeat('>  ', size)}~x\n~~~\n\n${FLAGGED}\n`;

/** Backtick runs of 1, 2, 3 … in one paragraph: each unclosed run was read to the paragraph's end. */
export function backtickLengths(size: number): string {
  let text = '';
  for (let n = 1; text.length < size; n++) text += `${'`'.repeat(n)}a `;
  return `${text}\n${FLAGGED}\n`;
}

/** `<!--` in the middle of each line of one paragraph: each unclosed one was read to the paragraph's end. */
export const inlineComments = (size: number): string => `${repeat('a <!-- b\n', size)}${FLAGGED}\n`;

/**
 * Headings that are not headings ("#" without a space): they counted as new runs of inline text, so
 * brackets were counted a line at a time while the parser read them as one paragraph.
 */
export const bracketsUnderFalseHeadings = (size: number): string => `${repeat(`#${'[a]'.repeat(200)}\n`, size)}${FLAGGED}\n`;

/** Items numbered 2 after a paragraph are not items: as above, the brackets were counted a line at a time. */
export const bracketsUnderFalseItems = (size: number): string => `x\n${repeat(`2. ${'[a]'.repeat(200)}\n`, size)}${FLAGGED}\n`;

/**
 * Link reference definitions, then many small paragraphs with a finding: the definitions were parsed
 * again after every paragraph (27 KB took 79 s).
 */
export function definitionsAfterEveryBlock(size: number): string {
  const definitions = repeat('[b]: https://example.org/b "title"\n', size / 2);
  return `[a]: https://example.org/a\n${definitions}\n${repeat(`*${FLAGGED}*\n\n`, size / 2)}`;
}

/**
 * Wordless "sentences" ("-?" repeated) in one paragraph: the English parser merged each into the one
 * before it, moving every later sentence each time (200 KB: 11 s).
 */
export const wordlessSentences = (size: number): string => `${repeat('-?', size)} ${FLAGGED}\n`;

/**
 * Sentences that start with a lower-case letter ("a! " repeated), with one accented letter so that the
 * English parser runs: it merged each into the one before it, moving every later sentence (200 KB: 7 s).
 */
export const lowerCaseSentences = (size: number): string => `${repeat('a! ', size)}é. ${FLAGGED}\n`;

/** Paragraphs each just under the cap on emphasis runs: each is parsed as Markdown, so this is linear, not fast. */
export const emphasisUnderTheCap = (size: number): string => repeat(`${'*a**'.repeat(60)} ${FLAGGED}\n\n`, size);

export interface DocumentAttack {
  name: string;
  format: DocumentFormat;
  build: (size: number) => string;
  /** A size whose lint takes tens of milliseconds: the growth check's small run. */
  size: number;
}

/** Every hostile document, with its format and a size for the growth check. */
export const DOCUMENT_ATTACKS: DocumentAttack[] = [
  { name: 'emphasis pile', format: 'markdown', build: emphasisPile, size: 40_000 },
  { name: 'unclosed comments', format: 'html', build: unclosedComments, size: 50_000 },
  { name: 'a pile of "<"', format: 'html', build: lessThanPile, size: 50_000 },
  { name: 'unclosed scripts', format: 'html', build: unclosedScripts, size: 50_000 },
  { name: 'lists nested by indentation', format: 'markdown', build: nestedListsByIndentation, size: 100_000 },
  { name: 'spaces after a sentence', format: 'markdown', build: spacesAfterSentence, size: 50_000 },
  { name: 'spaces in a directive', format: 'text', build: spacedDirective, size: 50_000 },
  { name: 'quote marks in a fence closer', format: 'markdown', build: quotedFenceCloser, size: 50_000 },
  { name: 'backtick runs of every length', format: 'markdown', build: backtickLengths, size: 50_000 },
  { name: 'inline comments in one paragraph', format: 'markdown', build: inlineComments, size: 10_000 },
  { name: 'brackets under false headings', format: 'markdown', build: bracketsUnderFalseHeadings, size: 50_000 },
  { name: 'brackets under false list items', format: 'markdown', build: bracketsUnderFalseItems, size: 20_000 },
  { name: 'definitions after every paragraph', format: 'markdown', build: definitionsAfterEveryBlock, size: 10_000 },
  { name: 'paragraphs under the emphasis cap', format: 'markdown', build: emphasisUnderTheCap, size: 10_000 },
  { name: 'wordless sentences', format: 'text', build: wordlessSentences, size: 50_000 },
  { name: 'sentences starting lower-case', format: 'text', build: lowerCaseSentences, size: 50_000 },
];
