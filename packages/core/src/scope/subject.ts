/**
 * Whom the flagged words are about: the nearest person word before them in their clause, else the
 * noun just after them ("abusive partner"), else what the sentence's voice implies.
 */
import { cueAt, type ScopeCues } from './cues.js';
import type { Subject, Voice } from './kinds.js';
import type { SentenceAround } from './sentence.js';

const AFTER = 1;

function subjectAt(words: string[], i: number, cues: ScopeCues): Subject | null {
  if (cueAt(words, i, cues.reader)) return 'reader';
  if (cueAt(words, i, cues.thirdParty)) return 'third-party';
  if (cueAt(words, i, cues.service)) return 'service';
  if (cueAt(words, i, cues.recordPerson) || cueAt(words, i, cues.pronouns)) return 'person';
  if (cueAt(words, i, cues.thing)) return 'thing';
  return null;
}

export function subjectOf(text: string, sentence: SentenceAround, voice: Voice, cues: ScopeCues): Subject {
  const words = sentence.words.map((w) => w.lower);
  // The noun right after an adjective names its subject first ("an abusive partner").
  for (let i = sentence.last + 1; i <= Math.min(words.length - 1, sentence.last + AFTER); i++) {
    const found = subjectAt(words, i, cues);
    if (found) return found;
  }
  for (let i = sentence.first - 1; i >= 0; i--) {
    const w = sentence.words[i];
    const next = sentence.words[i + 1];
    // A comma or semicolon ends the clause: "her husband left; refused to eat" is about the person.
    if (w && next && /[;,]/.test(text.slice(w.end, next.start))) break;
    const found = subjectAt(words, i, cues);
    if (found) return found;
  }
  return voice === 'address' ? 'reader' : voice === 'general' ? 'third-party' : 'person';
}
