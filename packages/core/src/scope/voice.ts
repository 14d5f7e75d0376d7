/**
 * How a sentence speaks, from cue words (data in rules/context.yml), read only for sentences that
 * hold a finding of a rule with a `where`. Words inside quotation marks are someone else's and are
 * not read as the writer's voice.
 */
import { type CueList, hasCue, type ScopeCues } from './cues.js';
import type { Genre, Voice } from './kinds.js';
import type { SentenceAround } from './sentence.js';

/** Does the sentence open with a script cue ("Ask …", "Intake form: …", "Questions to ask: …")? */
function opensScript(words: string[], cues: ScopeCues): boolean {
  // The cue may follow a list number or a short label ("3. Ask …", "Script: ask …").
  return hasCue(words, cues.script, 0, Math.min(words.length, 3));
}

/** A line of a form: a short label that ends with a colon or pairs labels with a slash. */
function isFormLine(text: string, sentence: SentenceAround): boolean {
  const raw = text.slice(sentence.start, sentence.end).trim();
  if (raw.length > 80) return false;
  return /^[^.!?]{1,60}:\s*(?:_{2,}|\[ ?\]|☐|\.{3,})?\s*$/u.test(raw) || /^[\p{L}' ]{2,30}\s\/\s[\p{L}' ]{2,30}:?$/u.test(raw);
}

function present(words: string[], cues: CueList): boolean {
  return hasCue(words, cues);
}

export function voiceOf(
  text: string,
  sentence: SentenceAround,
  genre: Genre | null,
  cues: ScopeCues,
  quoted: (start: number, end: number) => boolean,
): Voice {
  const own = sentence.words.filter((w) => !quoted(w.start, w.end)).map((w) => w.lower);
  if (genre === 'form' || opensScript(own, cues) || isFormLine(text, sentence)) return 'form';
  const person = present(own, cues.recordPerson) || (genre !== 'teaching' && present(own, cues.pronouns));
  // A chart note's "you" is a colleague the record is written to ("Thank you for seeing Mr. A").
  if (present(own, cues.reader)) return genre === 'chart-note' && person ? 'record' : 'address';
  // In a letter the people named in the third person are the reader's people, not a record's.
  if (genre === 'letter') return present(own, cues.general) ? 'general' : 'address';
  if (person) return 'record';
  if (present(own, cues.general)) return 'general';
  return genre === 'teaching' ? 'general' : 'record';
}
