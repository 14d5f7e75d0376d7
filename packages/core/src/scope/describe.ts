/**
 * Where a rule applies, in a clinician's words: one sentence for `where`, one for `genres`. The rule
 * reference, the hover and the explain page all print these, so the three say the same thing.
 */
import type { RuleData } from '../types.js';
import type { Genre, Subject, Voice } from './kinds.js';

const VOICE_WORDS: Record<Voice, string> = {
  record: 'a record of a person',
  address: 'addressed to the reader',
  general: 'general or teaching statements',
  form: 'forms, templates or scripts',
};
const SUBJECT_WORDS: Record<Subject, string> = {
  person: 'the person in the record',
  'third-party': 'someone else',
  reader: 'the reader',
  service: 'a service',
  thing: 'a thing or a finding',
};
const GENRE_WORDS: Record<Genre, string> = {
  'chart-note': 'chart notes',
  letter: 'letters and answers to clients',
  teaching: 'teaching material',
  form: 'forms and templates',
};

export function describeScope(rule: Pick<RuleData, 'where' | 'genres'>): string[] {
  const out: string[] = [];
  const where: string[] = [];
  if (rule.where?.voices) where.push(`in sentences that are ${rule.where.voices.map((v) => VOICE_WORDS[v]).join(' or ')}`);
  if (rule.where?.subjects) where.push(`about ${rule.where.subjects.map((s) => SUBJECT_WORDS[s]).join(' or ')}`);
  if (where.length) out.push(`Applies only ${where.join(', ')}.`);
  const genres = Object.entries(rule.genres ?? {}) as Array<[Genre, string]>;
  if (genres.length) out.push(`By genre: ${genres.map(([g, s]) => `${s} in ${GENRE_WORDS[g] ?? g}`).join('; ')}.`);
  return out;
}
