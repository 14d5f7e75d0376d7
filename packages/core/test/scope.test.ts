/**
 * The scope model: a document's genre, a sentence's voice, the subject of the flagged words, and the
 * rules that say where they apply. Every sentence is invented.
 */
import { describe, expect, it } from 'vitest';
import { genreOfDocument, lintDocument, resolveConfig } from '../src/index.js';
import { scopeCuesOf } from '../src/scope/cues.js';
import { detectGenre } from '../src/scope/genre.js';
import { inReferenceEntry, insideLongerWord, inTitleCase } from '../src/scope/names.js';
import { sentenceAround } from '../src/scope/sentence.js';
import { scopeOfMatch } from '../src/scope/where.js';
import { bundledRuleSet, check } from './helpers.js';

const ruleSet = bundledRuleSet();
const cues = scopeCuesOf(ruleSet);
const ids = (text: string, config = {}): string[] => check(text, { config }).map((d) => d.ruleId);

const LETTER = [
  'Thank you for writing in; what you describe sounds exhausting, and you are not alone in it.',
  'You might start by noticing when the arguments begin, and what you feel in your body just before.',
  'Have you been able to tell your husband how tired you are? If he refuses to listen, you can still look after yourself.',
  'Your worth does not depend on how he reacts. You deserve to feel safe and heard at home.',
].join(' ');
const CHART = [
  'HISTORY OF PRESENT ILLNESS: The patient is a 58-year-old man who presents with two weeks of left knee pain.',
  'He denies fever. PAST MEDICAL HISTORY: Hypertension. MEDICATIONS: Lisinopril 10 mg daily.',
  'EXAM: Mild tenderness over the medial joint line. No effusion. PLAN: X-ray of the left knee; follow-up in two weeks.',
].join('\n');
const TEACHING = [
  'Psychologists have studied memory for more than a century (Ebbinghaus, 1885).',
  'Researchers distinguish several models of memory, and according to one theory, learning depends on rehearsal.',
  'For example, participants in one experiment recalled more words when they rehearsed them (Craik & Lockhart, 1972).',
  'The concept of working memory refers to the brief holding of information, and studies of the brain support it.',
].join(' ');
const FORM = [
  'Client intake form',
  'Name: ____',
  'Date of birth: ____',
  "Partner's name: ____",
  'Emergency contact: ____',
  'GP: ____',
].join('\n');

describe('genre detection', () => {
  it('tells a letter, a chart note, teaching material and a form apart', () => {
    expect(detectGenre(LETTER, cues)).toBe('letter');
    expect(detectGenre(CHART, cues)).toBe('chart-note');
    expect(detectGenre(TEACHING, cues)).toBe('teaching');
    expect(detectGenre(FORM, cues)).toBe('form');
  });
  it('reads a chart note with its section headings on lines of their own as a chart note, not a form', () => {
    const note = [
      'SUBJECTIVE:',
      'The patient is a 61-year-old woman seen for follow-up of hypertension.',
      'MEDICATIONS:',
      'Amlodipine 5 mg daily.',
      'ALLERGIES:',
      'None known.',
      'EXAM:',
      'Blood pressure 138/84. Mild ankle oedema bilaterally.',
      'PLAN:',
      'Continue amlodipine; labs and follow-up in three months.',
    ].join('\n');
    expect(detectGenre(note, cues)).toBe('chart-note');
  });
  it('gives no genre for a sentence or two', () => {
    expect(detectGenre('Patient claims she has not used since March.', cues)).toBeNull();
  });
  it('takes a directive over the config, and the config over detection', () => {
    const config = resolveConfig({ genre: 'teaching' }, ruleSet);
    expect(genreOfDocument(LETTER, { ruleSet })).toEqual({ genre: 'letter', source: 'detected' });
    expect(genreOfDocument(LETTER, { ruleSet, config })).toEqual({ genre: 'teaching', source: 'config' });
    expect(genreOfDocument(`# reframe-genre chart-note\n${LETTER}`, { ruleSet, config })).toEqual({
      genre: 'chart-note',
      source: 'directive',
    });
    const markdown = `---\ntitle: Notes\nreframe-genre: form\n---\n\n${LETTER}`;
    expect(genreOfDocument(markdown, { ruleSet, format: 'markdown' })).toEqual({ genre: 'form', source: 'directive' });
  });
  it('refuses an unknown genre in the config', () => {
    expect(() => resolveConfig({ genre: 'novel' as never }, ruleSet)).toThrow(/unknown genre "novel"/);
  });
  it('is reported with the findings', () => {
    expect(lintDocument(CHART, { ruleSet }).genre).toEqual({ genre: 'chart-note', source: 'detected' });
  });
});

describe('the sentence around a match', () => {
  it('reads the same words as the Unicode word pattern, on text of every kind of character', () => {
    const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
    const PIECES = [
      'abc',
      'Ünï',
      'café',
      '𝒜𝒷',
      '12',
      "'",
      '’',
      ' ',
      '. ',
      '\n',
      '—',
      '“',
      '”',
      '-',
      'x’y',
      "don't",
      '..',
      'Dr. ',
      '\u00a0',
    ];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 300; run++) {
      let text = '';
      for (let k = 0; k < 40; k++) text += PIECES[next(PIECES.length)];
      const at = next(text.length);
      const around = sentenceAround(text, at, Math.min(text.length, at + 1));
      const expected = [...text.slice(around.start, around.end).matchAll(WORD)].map((m) => ({
        lower: m[0].replace(/’/g, "'").toLowerCase(),
        start: around.start + (m.index ?? 0),
        end: around.start + (m.index ?? 0) + m[0].length,
      }));
      expect(around.words, JSON.stringify(text)).toEqual(expected);
    }
  });
});

describe('voice and subject', () => {
  const scope = (text: string, word: string, genre: Parameters<typeof scopeOfMatch>[3] = null) => {
    const at = text.indexOf(word);
    return scopeOfMatch(text, at, at + word.length, genre, cues);
  };
  it('reads a record, an address, a general statement and a script', () => {
    expect(scope('Patient refused bloods this morning.', 'refused').voice).toBe('record');
    expect(scope('You can refuse to argue with him.', 'refuse').voice).toBe('address');
    expect(scope('Many people refuse help at first.', 'refuse', 'teaching').voice).toBe('general');
    expect(scope('Ask the client whether her husband knows.', 'husband').voice).toBe('form');
  });
  it('reads wording a training case says was written in a record as a record', () => {
    const text = 'The trainee writes in the progress note that the mother is hysterical on the ward.';
    expect(scope(text, 'hysterical', 'teaching').voice).toBe('record');
    expect(ids(`# reframe-genre teaching\n${text}`)).toContain('credibility/hysterical');
  });
  it('reads a chart note written to a colleague as a record', () => {
    expect(scope('Thank you for seeing Mr. Lee, a pleasant man with gout.', 'pleasant', 'chart-note').voice).toBe('record');
    expect(scope('Thank you for seeing Mr. Lee, a pleasant man with gout.', 'pleasant', 'letter').voice).toBe('address');
  });
  it('finds whom the words are about', () => {
    expect(scope('Her ex-partner was abusive towards her.', 'abusive').subject).toBe('third-party');
    expect(scope('He was abusive towards staff overnight.', 'abusive').subject).toBe('person');
    expect(scope('An abusive partner may isolate someone.', 'abusive').subject).toBe('third-party');
  });
  it("does not read quoted words as the writer's voice", () => {
    expect(scope('Pt said "you never listen" and refused the scan.', 'refused').voice).toBe('record');
  });
});

describe('rules that say where they apply', () => {
  it('keeps credibility words in records and drops them in letters', () => {
    expect(ids('Patient refused the morning dose.')).toContain('credibility/refused');
    expect(ids('If he refuses to come, you can still go on your own.')).not.toContain('credibility/refused');
    expect(ids('It is not your fault if someone is abusive to you.')).not.toContain('credibility/behaviour-labels');
    expect(ids('Abusive towards nursing staff overnight.')).toContain('credibility/behaviour-labels');
  });
  it("keeps partner assumptions in scripts and drops the reader's own partner", () => {
    expect(ids('Intake script: ask the client whether her husband is supportive.')).toContain('relationships/assumed-partner');
    expect(ids('Have you talked with your boyfriend about how you feel?')).not.toContain('relationships/assumed-partner');
  });
  it('turns a rule off in a genre where it says so, unless the config sets it', () => {
    const text = `# reframe-genre letter\nIntake question: do you and your husband share the chores?`;
    expect(ids(text)).not.toContain('relationships/assumed-partner-question');
    expect(ids(text.replace('letter', 'form'))).toContain('relationships/assumed-partner-question');
    expect(ids(text, { rules: { 'relationships/assumed-partner-question': 'hint' } })).toContain('relationships/assumed-partner-question');
  });
});

describe('names, titles and references', () => {
  it('never flags an entry of a reference list', () => {
    const refs = 'Brown, T. A., & Lee, K. (2009). Outcomes of group therapy for drug abuse. Journal of Rural Health, 3, 1-9.';
    expect(inReferenceEntry(refs, refs.indexOf('drug abuse'), refs.indexOf('drug abuse') + 10)).toBe(true);
    expect(ids(refs)).toEqual([]);
    expect(ids('Outcomes of group therapy for drug abuse were poor in the rural sample.')).toContain('substance/substance-abuse');
  });
  it('never flags a title or name in title case, but does at a sentence start', () => {
    expect(ids('She was referred to the Centre for Substance Abuse Treatment.')).toEqual([]);
    expect(ids('The Commonly Abused Drugs Chart lists street names.')).toEqual([]);
    expect(ids('Substance abuse was noted on admission.')).toContain('substance/substance-abuse');
    const elderly = 'Elderly Caucasian man found on the floor.';
    expect(
      inTitleCase(
        elderly,
        0,
        7,
        () => 0,
        () => new Set(),
      ),
    ).toBe(false);
    expect(ids('3) Polysubstance Abuse (ETOH, cannabis).')).toContain('substance/substance-abuse');
    const t = 'the Journal of Substance Abuse Treatment';
    expect(
      inTitleCase(
        t,
        t.indexOf('Substance'),
        t.indexOf(' Treatment'),
        () => 0,
        () => new Set(),
      ),
    ).toBe(true);
  });
  it('does not read a part of a hyphenated word as the word', () => {
    expect(insideLongerWord('psycho-educational groups', 6)).toBe(true);
    expect(insideLongerWord('senile-type dementia', 6)).toBe(false);
    expect(ids('She joined the psycho-educational group.')).toEqual([]);
  });
  it('reads a term named as formerly used as a mention', () => {
    expect(ids('The condition was formerly called mental retardation.')).toEqual([]);
    expect(ids('Classes for the so-called mentally retarded were closed.')).not.toContain('disability/retarded');
  });
});

describe('the sentence around a match', () => {
  it('stops at a full stop, not at an abbreviation', () => {
    const text = 'Seen by Dr. Khan today. He refused the scan. Plan to review.';
    const s = sentenceAround(text, text.indexOf('refused'), text.indexOf('refused') + 7);
    expect(text.slice(s.start, s.end)).toBe('He refused the scan.');
    const t = 'Seen by Dr. Khan who noted he refused the scan.';
    const u = sentenceAround(t, t.indexOf('refused'), t.indexOf('refused') + 7);
    expect(t.slice(u.start, u.end)).toBe(t);
  });
});
