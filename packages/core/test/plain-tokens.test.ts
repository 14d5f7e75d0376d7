/**
 * plainParagraphs() must give exactly the tokens (text, offsets, joins, sentence) and paragraph extents
 * that the English parser gives, whenever it answers at all. Compared with retext-english on every
 * rule example and dev-set sentence, on MTSamples transcriptions cut at random places, and on random
 * text built from the characters and words that make sentence splitting hard.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { ENGLISH_ABBREVIATIONS, ENGLISH_ABBREVIATIONS_CASE_SENSITIVE, LATIN_ABBREVIATIONS } from '../src/fast/abbreviations.js';
import { plainParagraphs } from '../src/fast/plain-tokens.js';
import { type ParagraphTokens, paragraphsOf } from '../src/matching/tokens.js';
import { labelledSentences, MTSAMPLES } from './helpers.js';

const parser = unified().use(retextEnglish);

/** What the matcher reads from the parser: paragraphs that hold words, with their tokens. */
function parsed(source: string, start: number, end: number): ParagraphTokens[] {
  const tree = parser.parse(source.slice(start, end));
  return paragraphsOf(tree, source, start).filter((p) => p.tokens.length > 0);
}

let answered = 0;
let asked = 0;
/** When plainParagraphs answers, it must agree with the parser. */
function agrees(source: string, start = 0, end = source.length): void {
  asked++;
  const plain = plainParagraphs(source, start, end);
  if (plain === null) return;
  answered++;
  expect(plain, JSON.stringify(source.slice(start, end))).toEqual(parsed(source, start, end));
}

describe('plain-text tokens without the parser', () => {
  it('agree with the parser on every rule example and dev-set sentence', () => {
    const texts = labelledSentences();
    const before = answered;
    for (const text of texts) {
      agrees(text);
      agrees(`${text} ${text}`);
      agrees(`${text}\n${text}`);
    }
    expect(answered - before).toBeGreaterThan(texts.length / 2);
  });

  it.skipIf(!existsSync(MTSAMPLES))('agree with the parser on MTSamples transcriptions, whole and cut at random places', () => {
    const rows = readFileSync(MTSAMPLES, 'utf8').split('\n').slice(0, 300);
    const notes = rows.filter((r) => r.trim()).map((r) => String((JSON.parse(r) as { transcription?: string }).transcription ?? ''));
    let state = 20261127;
    const random = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % Math.max(1, n);
    };
    const before = answered;
    for (const note of notes) {
      for (const block of note.split(/\n[ \t]*\n/)) {
        if (block.length < 2000) agrees(block);
        for (let i = 0; i < 6; i++) {
          const start = random(block.length);
          agrees(block, start, Math.min(block.length, start + 1 + random(400)));
        }
      }
    }
    expect(answered - before).toBeGreaterThan(500);
  });

  it('agree with the parser on random text full of abbreviations, initialisms, quotes and line breaks', () => {
    const WORDS = [
      'He',
      'is',
      'an',
      'addict',
      'Dr',
      'Sept',
      'Mr',
      'e',
      'g',
      'U',
      'S',
      'mg',
      'Tues',
      'March',
      'patient',
      'don’t',
      "can't",
      'rock',
      'n',
      'roll',
      '5',
      '18',
      'x2',
      'A',
      'I',
      'the',
      'elderly',
      'wheelchair',
      'bound',
      'St',
      'vs',
      'etc',
      'ABC',
      'Ms',
    ];
    const PIECES = [
      ' ',
      ' ',
      ' ',
      '  ',
      '.',
      '. ',
      '? ',
      '! ',
      '...',
      '…',
      ', ',
      ';',
      ':',
      '-',
      '–',
      '—',
      '/',
      "'",
      '’',
      '‘',
      '"',
      '“',
      '”',
      '(',
      ')',
      '[',
      ']',
      '?',
      '!',
      '.)',
      '."',
      '.”',
      "'",
      'abc',
      '\n',
      '\r\n',
      '\n\n',
      ' \n ',
      '\t',
      '\u00a0',
      '*',
      '_',
      '#',
      '1.',
      '2)',
      'é',
      '😀',
      '\u2028',
    ];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...PIECES)), { maxLength: 60 })
      .map((parts) => parts.join(''));
    const before = answered;
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (source, a, b) => {
        agrees(source);
        const start = source.length ? a % source.length : 0;
        agrees(source, start, start + (b % (source.length - start + 1)));
      }),
      { numRuns: 6000, seed: 42 },
    );
    expect(answered - before).toBeGreaterThan(500);
  });

  it("decides the sentence ends that depend on the order of the parser's rules", () => {
    const cases = [
      'He saw 1." Then more.', // parse-latin's "1." no longer merges once the quote moved back
      'See al." Then more.',
      'See Dr." Then more.', // parse-english's "Dr." merges before that
      'He is well." Then more.',
      'Give 5 mg. Then rest.', // not an abbreviation: a new sentence
      'Seen by Dr. Smith today.',
      'DIAGNOSES:\n1. Left knee pain.',
      'Temp 96.7, pulse 80.',
      'Take 1 tab p.o daily.',
      'Is it? Yes it is.',
      'Is it? yes it is.',
      'Stop! Now go.',
      'He left.\nShe stayed.', // a new paragraph
      'He left.\n She stayed.',
      'Was it Sept. Monday?',
      'Tested 2015. Results were normal.',
      'Take 1 tab b.i.d. He is better.', // an initialism keeps its full stop
      'Take it t.i.d., and rest.',
      'Creatinine 0.6. Urine clear.', // digits only: not an initialism, a new sentence
      'Fusion at L3-L4. He recovered.',
      'Given twice (BID). She slept.',
      'Ejection fraction 50%. Next visit.',
      'Seen in clinic . Next visit.',
      'Levels #10-18). The rest.',
      'Seen by x-Dr. Smith today.',
      'It was okay.) Then more.',
      'Admitted 1/4/92. It resolved.', // "92" alone is an abbreviation (a number of up to three digits)
      'Seen 12/07. She improved.', // "12/07" joined by the slash: a new sentence
      'Pressure 122/70. Temperature normal.',
      'Glucose 90 mg/dl. Renal normal.',
      'Two cans a day, 2 rs/day. For now.',
      'Power 0-1/5. He rested.',
      'Date D/YYYY. He left.',
    ];
    for (const text of cases) {
      expect(plainParagraphs(text, 0, text.length), text).not.toBeNull();
      agrees(text);
    }
  });

  it('uses the same abbreviation lists as the installed parser', () => {
    const here = fileURLToPath(new URL('../node_modules/', import.meta.url));
    const english = readFileSync(`${here}parse-english/lib/regex.js`, 'utf8');
    expect(english).toContain(String(ENGLISH_ABBREVIATIONS));
    expect(english).toContain(String(ENGLISH_ABBREVIATIONS_CASE_SENSITIVE));
    const latinDir = dirname(realpathSync(`${here}parse-english`));
    const latin = readFileSync(`${latinDir}/parse-latin/lib/plugin/merge-prefix-exceptions.js`, 'utf8')
      .replace(/\/\/.*\n/g, '')
      .replace(/'\s*\+\s*'/g, '');
    const list = String(LATIN_ABBREVIATIONS).slice(3, -3);
    expect(latin.replace(/\s+/g, '')).toContain(list);
  });

  it('answers for most of what it is asked (else it would save nothing)', () => {
    expect(asked).toBeGreaterThan(0);
    expect(answered / asked).toBeGreaterThan(0.3);
  });
});
