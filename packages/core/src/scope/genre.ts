/**
 * A document's genre from what it looks like: how often it addresses the reader, how much of it is
 * chart language or teaching language, and how many of its lines are fields of a form. Reads at most
 * the first GENRE_SAMPLE characters, so the cost is bounded whatever the document's size. Gives null when
 * the evidence is thin (a sentence or two): then every rule applies as configured.
 */
import { cueAt, type ScopeCues } from './cues.js';
import type { Genre } from './kinds.js';

/** Detection reads at most this many characters from the start (exported for front ends that lint in pieces). */
export const GENRE_SAMPLE = 64 * 1024;
/** Fewer words than this: no genre. */
const MIN_WORDS = 40;
/** Per 100 words, the least evidence for each genre. */
const MIN_READER_RATE = 1.2;
const MIN_CHART_RATE = 1.5;
const MIN_TEACHING_RATE = 1.0;
/** A document most of whose sentences are questions to the reader is a questionnaire or script. */
const MIN_QUESTION_SHARE = 0.6;
const MIN_QUESTIONS = 8;

/**
 * Words as genre detection counts them: ASCII runs, as every cue is ASCII. A letter outside ASCII
 * splits a word ("café" reads as "caf"), which can only miscount a rare fragment; the Unicode classes
 * cost three times as much, and detection runs on every document.
 */
const WORD = /[a-z0-9]+(?:'[a-z0-9]+)*/g;
/** A label alone on its line: "Name:", "Partner's name: ____", "Date of birth: [ ]". */
const LABEL_LINE = /^[ \t]*(?:[-*•]|\d+[.)])?[ \t]*[\p{L}][^\n:.!?]{0,50}:[ \t]*(?<blank>_{2,}|\[ ?\]|☐|\.{3,})?[ \t]*$/u;
const CHECKBOX = /(?:\[ \]|☐)/gu;

/**
 * Fields of a form: a label with a blank to fill ("Name: ____"), or a label left empty, the next line
 * another label or nothing. A chart note's section headings ("ASSESSMENT:" with its text below) are
 * labels alone on their lines too, but something follows each.
 */
function formFields(lines: string[]): number {
  let fields = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.includes(':')) continue;
    const label = LABEL_LINE.exec(line);
    if (!label) continue;
    const next = lines[i + 1];
    if (label.groups?.blank || next === undefined || next.trim() === '' || LABEL_LINE.test(next)) fields++;
  }
  return fields;
}
/** A section heading of a chart note: "HISTORY OF PRESENT ILLNESS:", "PLAN:". */
const CHART_HEADING = /\b[A-Z][A-Z/&' -]{2,40}:/g;
/** An author-date citation: "(Smith, 2004)", "(Smith & Jones, 1998; …", "Smith et al. (2010)". */
const CITATION =
  /\([\p{Lu}][\p{L}'’-]+(?:,? (?:&|and) [\p{Lu}][\p{L}'’-]+| et al\.)?,? (?:19|20)\d\d[a-z]?[;)]|\bet al\.,? \(?(?:19|20)\d\d/gu;

export interface GenreEvidence {
  words: number;
  /** Per 100 words. */
  reader: number;
  chartNote: number;
  teaching: number;
  formLines: number;
  lines: number;
  /** The share of sentences that end with a question mark. */
  questions: number;
  sentences: number;
}

export function genreEvidence(text: string, cues: ScopeCues): GenreEvidence {
  const sample = text.length > GENRE_SAMPLE ? text.slice(0, GENRE_SAMPLE) : text;
  // Lower-cased once and matched at once: word by word it cost half the detection.
  const lowered = sample.toLowerCase();
  const words = (lowered.includes('’') ? lowered.replace(/’/g, "'") : lowered).match(WORD) ?? [];
  let reader = 0;
  let chartNote = 0;
  let teaching = 0;
  for (let i = 0; i < words.length; i++) {
    if (!cues.genreFirstWords.has(words[i] ?? '')) continue;
    if (cueAt(words, i, cues.reader)) reader++;
    if (cueAt(words, i, cues.genre.chartNote)) chartNote++;
    if (cueAt(words, i, cues.genre.teaching)) teaching++;
  }
  // Each pattern only where its one sure character occurs: most notes have no citation or checkbox.
  if (sample.includes('et al') || /, (?:19|20)\d\d/.test(sample)) teaching += 2 * (sample.match(CITATION)?.length ?? 0);
  if (sample.includes(':')) chartNote += 3 * (sample.match(CHART_HEADING)?.length ?? 0);
  const { sentences, questions } = sentenceEnds(sample);
  const per100 = (n: number): number => (words.length ? (100 * n) / words.length : 0);
  const allLines = sample.split('\n');
  const lines = allLines.filter((l) => l.trim()).length;
  const checkboxes = sample.includes('[ ]') || sample.includes('☐') ? (sample.match(CHECKBOX)?.length ?? 0) : 0;
  const formLines = formFields(allLines) + checkboxes;
  return {
    words: words.length,
    reader: per100(reader),
    chartNote: per100(chartNote),
    teaching: per100(teaching),
    formLines,
    lines,
    questions: sentences ? questions / sentences : 0,
    sentences,
  };
}

/** Stops followed by white space or the end, and how many of them are question marks. */
function sentenceEnds(text: string): { sentences: number; questions: number } {
  let sentences = 0;
  let questions = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63) continue;
    const next = text.charCodeAt(i + 1);
    if (Number.isNaN(next) || next === 32 || (next >= 9 && next <= 13) || next === 0xa0) {
      sentences++;
      if (c === 63) questions++;
    }
  }
  return { sentences, questions };
}

export function detectGenre(text: string, cues: ScopeCues): Genre | null {
  const e = genreEvidence(text, cues);
  if (e.formLines >= 3 && e.formLines >= 0.3 * e.lines) return 'form';
  if (e.words < MIN_WORDS) return null;
  if (e.questions >= MIN_QUESTION_SHARE && e.sentences >= MIN_QUESTIONS && e.reader >= MIN_READER_RATE) return 'form';
  const scores: Array<[Genre, number]> = [
    ['letter', e.reader >= MIN_READER_RATE ? e.reader * 1.5 : 0],
    ['chart-note', e.chartNote >= MIN_CHART_RATE ? e.chartNote : 0],
    ['teaching', e.teaching >= MIN_TEACHING_RATE ? e.teaching : 0],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [best] = scores;
  return best && best[1] > 0 ? best[0] : null;
}
