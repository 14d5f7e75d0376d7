/** Invented documents and edit sequences for the incremental-linting tests (no real patient data). */
import type { DocumentFormat } from '@reframe/core';

/** A linear congruential generator: the same numbers on every run. */
export function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
}

const FRAGMENTS = [
  'He is an addict.',
  'She committed suicide last year.',
  'He claims he is abstinent.',
  'Denies chest pain.',
  'The patient is wheelchair-bound.',
  '```',
  '',
  '',
  '    indented line with addict',
  '- list item, non-compliant with meds',
  '<!-- note -->',
  '<!--',
  '-->',
  '"I am an addict," he said.',
  'Urine drug screen negative; clean wound.',
  '---',
  '> quoted: committed suicide',
  '<p>addict</p>',
];

/** Documents in Markdown, text and HTML built from the fragments (fences, comments, lists, quotes). */
export function* generated(count: number): Generator<[DocumentFormat, string]> {
  const next = lcg(42);
  const formats: DocumentFormat[] = ['markdown', 'text', 'html'];
  for (let i = 0; i < count; i++) {
    const lines = Array.from({ length: 4 + (next() % 20) }, () => FRAGMENTS[next() % FRAGMENTS.length] as string);
    yield [formats[i % 3] as DocumentFormat, `${lines.join('\n')}\n`];
  }
}

const PIECES = [
  'addict',
  ' ',
  '\n',
  '\n\n',
  '  ',
  'He claims pain. ',
  '```',
  '<!-- ',
  ' -->',
  '-',
  'x',
  '\r\n',
  'committed suicide. ',
  '"',
  // Directives typed in (or broken by a later edit) reach across blocks.
  '# reframe-disable\n',
  'reframe-enable',
  'reframe-',
];

/** One random edit: the text after it and what changed ([start, end) of the text before it replaced by `inserted`). */
export interface RandomEdit {
  text: string;
  at: number;
  change: { start: number; end: number; text: string };
}

/** `count` successive edits of `text`: at a random place, remove up to five characters and insert a piece. */
export function* randomEdits(text: string, count: number, next: () => number): Generator<RandomEdit> {
  let current = text;
  for (let k = 0; k < count; k++) {
    const at = next() % (current.length + 1);
    const removed = next() % 4 === 0 ? next() % 6 : 0;
    const inserted = next() % 3 === 0 ? '' : (PIECES[next() % PIECES.length] as string);
    const end = Math.min(at + removed, current.length);
    current = current.slice(0, at) + inserted + current.slice(end);
    yield { text: current, at, change: { start: at, end, text: inserted } };
  }
}
