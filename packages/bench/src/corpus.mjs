/**
 * Deterministic benchmark corpora. Clinical prose comes from the public-domain MTSamples
 * transcriptions (../shared/corpus/mtsamples.jsonl, relative to the repository) or, when that file is
 * absent, from a seeded synthetic generator. Invented stigmatising sentences are injected at about
 * one per 300 words. Corpora are written outside the repository ($TMPDIR/reframe-bench/corpus, or
 * $REFRAME_BENCH_DIR/corpus), never committed.
 *
 *   node src/corpus.mjs            build (or reuse) every corpus and print where they are
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pick, seededRandom } from './rng.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..', '..');
// Outside the repository: the CLI (rightly) skips git-ignored files, so corpora must not live in the tree.
export const BENCH_DIR = process.env.REFRAME_BENCH_DIR ? resolve(process.env.REFRAME_BENCH_DIR) : join(tmpdir(), 'reframe-bench');
export const CORPUS_DIR = join(BENCH_DIR, 'corpus');
export const MTSAMPLES = resolve(REPO_ROOT, '..', 'shared', 'corpus', 'mtsamples.jsonl');

/** Bump when the generator changes, so cached corpora are rebuilt. */
const GENERATOR_VERSION = 5;
const SEED = 20261127;

/** Invented sentences injected into the prose: most should be flagged, some are traps that must not be. */
const INJECTED = [
  'He has a long history of substance abuse.',
  'She is a known heroin addict.',
  'The patient is non-compliant with his medication.',
  'He claims he has not been drinking since March.',
  'She has been wheelchair-bound since the accident.',
  'His brother committed suicide in 2015.',
  'This was her second failed suicide attempt.',
  'He is an alcoholic and drinks daily.',
  'The referral describes him as a schizophrenic.',
  'Client insists that the pain is constant.',
  'He is confined to a wheelchair after the fall.',
  'Mother reports a history of alcohol abuse.',
  'The patient was noncompliant with his diet.',
  'He has been a drug user for ten years.',
  'She was treated by an autistic person on the ward.',
  // Traps: quoted speech, self-description, mentions and standard clinical usage.
  'He said, "I am an addict and I want help."',
  'She describes herself as an alcoholic in recovery.',
  'Urine drug screen negative for opiates.',
  'The term "addict" is avoided in this service.',
  'No history of drug or alcohol use.',
];

/** Extra Markdown-only sentences: emphasis and inline code around phrases. */
const INJECTED_MARKDOWN = [
  'Her father **committed suicide** last year.',
  'He is *non-compliant* with follow-up.',
  'The `substance abuse` code list is unchanged.',
  'See [the alcoholic liver disease guideline](https://example.org/guideline) for dosing.',
];

const HEADING = /(?:^|,\s*)([A-Z][A-Z0-9 /&()'-]{2,60}):\s*,?\s*/g;

/** @typedef {{ title: string, sections: Array<{ heading: string, text: string }> }} Note */

/** @returns {Note[]} MTSamples notes, de-duplicated, in note order; [] when the file is absent. */
function loadMtsamples() {
  if (!existsSync(MTSAMPLES)) return [];
  const seen = new Set();
  const notes = [];
  for (const line of readFileSync(MTSAMPLES, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    const transcription = String(row.transcription ?? '').trim();
    if (transcription.length < 200 || seen.has(transcription)) continue;
    seen.add(transcription);
    notes.push({ title: String(row.sample_name ?? 'Note').trim(), sections: splitSections(transcription) });
  }
  return notes;
}

/** "SUBJECTIVE:,  text.,PLAN: , text" → headed sections. */
function splitSections(transcription) {
  const sections = [];
  let heading = '';
  let last = 0;
  for (const m of transcription.matchAll(HEADING)) {
    const text = transcription.slice(last, m.index).trim().replace(/,$/, '');
    if (text) sections.push({ heading, text: tidy(text) });
    heading = m[1].trim();
    last = m.index + m[0].length;
  }
  const rest = transcription.slice(last).trim();
  if (rest) sections.push({ heading, text: tidy(rest) });
  return sections.filter((s) => s.text.length > 0);
}

// Items in the source are run together as "tendon.,Normal"; split them back into sentences.
const tidy = (text) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:])/g, '$1')
    .replace(/\.,(?=\S)/g, '. ');

const SYNTH_WORDS = {
  subject: ['The patient', 'She', 'He', 'The client', 'Her mother', 'The family'],
  verb: ['reports', 'denies', 'describes', 'notes', 'has', 'was given', 'continues'],
  object: [
    'intermittent chest pain',
    'shortness of breath on exertion',
    'a clean wound with no erythema',
    'good adherence to the current plan',
    'low mood over the past two weeks',
    'improved sleep since the last visit',
    'tenderness over the lateral knee',
    'a normal gait and full range of motion',
  ],
  tail: ['today.', 'at this visit.', 'since March.', 'per the referral letter.', 'without fever.', 'on examination.'],
};

/** Seeded stand-in when MTSamples is absent: plausible clinical sentences from word lists. */
function syntheticNotes(count, random) {
  const notes = [];
  const headings = ['HISTORY OF PRESENT ILLNESS', 'SOCIAL HISTORY', 'MEDICATIONS', 'ASSESSMENT', 'PLAN'];
  for (let n = 0; n < count; n++) {
    const sections = headings.map((heading) => {
      const sentences = [];
      const length = 3 + Math.floor(random() * 10);
      for (let i = 0; i < length; i++) {
        sentences.push(
          `${pick(random, SYNTH_WORDS.subject)} ${pick(random, SYNTH_WORDS.verb)} ${pick(random, SYNTH_WORDS.object)} ${pick(random, SYNTH_WORDS.tail)}`,
        );
      }
      return { heading, text: sentences.join(' ') };
    });
    notes.push({ title: `Synthetic note ${n + 1}`, sections });
  }
  return notes;
}

/** Inserts invented sentences after sentence ends, about one per 300 words. */
class Injector {
  constructor(random, markdown) {
    this.random = random;
    this.phrases = markdown ? [...INJECTED, ...INJECTED_MARKDOWN] : INJECTED;
    this.words = 0;
    this.next = this.gap();
    this.count = 0;
  }
  gap() {
    return 200 + Math.floor(this.random() * 200);
  }
  /** @param {string} paragraph */
  inject(paragraph) {
    const sentences = paragraph.split(/(?<=[.?!])\s+(?=[A-Z])/);
    const out = [];
    for (const sentence of sentences) {
      out.push(sentence);
      this.words += sentence.split(/\s+/).length;
      if (this.words >= this.next) {
        out.push(pick(this.random, this.phrases));
        this.count++;
        this.words = 0;
        this.next = this.gap();
      }
    }
    return out.join(' ');
  }
}

function plainNote(note, injector) {
  const parts = [note.title.toUpperCase()];
  for (const s of note.sections) parts.push(s.heading ? `${s.heading}:\n${injector.inject(s.text)}` : injector.inject(s.text));
  return `${parts.join('\n\n')}\n\n`;
}

const titleCase = (heading) => heading.charAt(0) + heading.slice(1).toLowerCase();

/** Markdown: headings, paragraphs, some bullet lists, an occasional code fence, table or HTML block. */
function markdownNote(note, injector, random) {
  const parts = [`# ${note.title}`];
  for (const s of note.sections) {
    if (s.heading) parts.push(`## ${titleCase(s.heading)}`);
    const text = injector.inject(s.text);
    const roll = random();
    if (roll < 0.15) {
      parts.push(
        text
          .split(/(?<=[.?!])\s+(?=[A-Z])/)
          .map((item) => `- ${item}`)
          .join('\n'),
      );
    } else if (roll < 0.2) {
      parts.push(`${text}\n\n\`\`\`text\nvitals: bp 120/80 hr 72\nnote: substance abuse screen template (code, not prose)\n\`\`\``);
    } else if (roll < 0.23) {
      parts.push(`${text}\n\n| Measure | Value |\n| --- | --- |\n| Weight | 70 kg |\n| Drug screen | negative |`);
    } else if (roll < 0.25) {
      parts.push(`<div class="note">\n${text}\n</div>`);
    } else parts.push(text);
  }
  return `${parts.join('\n\n')}\n\n`;
}

/** Enough notes for `bytes`, cycling through the source in a seeded order. */
function* noteStream(notes, random) {
  const order = notes.map((_, i) => i);
  for (;;) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) yield notes[i];
  }
}

function buildText(notes, bytes, markdown, seed) {
  const random = seededRandom(seed);
  const injector = new Injector(random, markdown);
  let out = markdown ? '---\ntitle: Benchmark notes (invented injections, public-domain prose)\ntags: [bench]\n---\n\n' : '';
  let size = Buffer.byteLength(out);
  for (const note of noteStream(notes, random)) {
    if (size >= bytes) break;
    const piece = markdown ? markdownNote(note, injector, random) : plainNote(note, injector);
    out += piece;
    size += Buffer.byteLength(piece);
  }
  return { text: out, injected: injector.count };
}

export const SIZES = [
  { name: '100KB', bytes: 100 * 1024 },
  { name: '1MB', bytes: 1024 * 1024 },
  { name: '10MB', bytes: 10 * 1024 * 1024 },
];

/**
 * Build (or reuse) every corpus. Returns the paths and the words of provenance for the report.
 * @returns {{ source: string, files: Array<{ name: string, path: string, bytes: number, kind: string }>, tree: { path: string, count: number, bytes: number } }}
 */
export function ensureCorpora({ log = () => {} } = {}) {
  const manifestPath = join(CORPUS_DIR, 'manifest.json');
  const sourceName = existsSync(MTSAMPLES) ? 'mtsamples' : 'synthetic';
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.version === GENERATOR_VERSION && manifest.source === sourceName) return manifest;
  }
  rmSync(CORPUS_DIR, { recursive: true, force: true });
  mkdirSync(CORPUS_DIR, { recursive: true });
  const real = loadMtsamples();
  const notes = real.length ? real : syntheticNotes(400, seededRandom(SEED));
  log(`building corpora from ${real.length ? `${real.length} MTSamples notes` : 'the seeded synthetic generator (MTSamples absent)'}`);
  const files = [];
  const write = (name, kind, text) => {
    const path = join(CORPUS_DIR, name);
    writeFileSync(path, text);
    files.push({ name, path, bytes: Buffer.byteLength(text), kind });
  };
  for (const size of SIZES) {
    write(`plain-${size.name}.txt`, 'text', buildText(notes, size.bytes, false, SEED + size.bytes).text);
    write(`markdown-${size.name}.md`, 'markdown', buildText(notes, size.bytes, true, SEED + size.bytes + 1).text);
  }
  // One 5 MB paragraph: every line break and run of spaces becomes one space.
  const long = buildText(notes, 5 * 1024 * 1024, false, SEED + 5).text.replace(/\s+/g, ' ');
  write('single-line-5MB.txt', 'text', long);

  // 2,000 files of about 2 KB, cut at paragraph ends.
  const treeDir = join(CORPUS_DIR, 'files-2000');
  mkdirSync(treeDir, { recursive: true });
  const stream = buildText(notes, 2000 * 3000, false, SEED + 2000).text.split(/\n\n/);
  let treeBytes = 0;
  let count = 0;
  let chunk = '';
  for (const paragraph of stream) {
    chunk += `${paragraph}\n\n`;
    if (chunk.length >= 1800) {
      const name = join(treeDir, `note-${String(count).padStart(4, '0')}.txt`);
      writeFileSync(name, chunk);
      treeBytes += Buffer.byteLength(chunk);
      chunk = '';
      if (++count === 2000) break;
    }
  }
  const manifest = { version: GENERATOR_VERSION, source: sourceName, files, tree: { path: treeDir, count, bytes: treeBytes } };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Small invented note for cold-start timing. */
export function ensureSmallFile() {
  const path = join(CORPUS_DIR, 'small.txt');
  if (!existsSync(path)) {
    mkdirSync(CORPUS_DIR, { recursive: true });
    writeFileSync(
      path,
      'Progress note (invented).\n\nThe client reports better sleep. He has a history of substance abuse and is non-compliant with his medication.\n',
    );
  }
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const manifest = ensureCorpora({ log: (m) => console.log(m) });
  console.log(`source: ${manifest.source}`);
  for (const f of manifest.files) console.log(`${f.name}\t${(f.bytes / 1024 / 1024).toFixed(2)} MB\t${f.path}`);
  console.log(`files-2000\t${manifest.tree.count} files, ${(manifest.tree.bytes / 1024 / 1024).toFixed(2)} MB\t${manifest.tree.path}`);
}
