/** The words around a finding: the sentence shown in the report, and hashed neighbours for baseline matching. */
import { createHash } from 'node:crypto';
import type { ContextFingerprint } from './model.js';

const MAX_SENTENCE = 280;
const NEIGHBOUR_WORDS = 4;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Index just after the sentence end or paragraph break preceding `offset`. */
function sentenceStart(text: string, offset: number): number {
  for (let i = offset - 1; i > 0; i--) {
    const ch = text[i];
    if (ch === '\n' && text[i - 1] === '\n') return i + 1;
    if (/\s/.test(ch ?? '') && /[.!?]["'”’)]?$/.test(text.slice(Math.max(0, i - 2), i))) return i + 1;
  }
  return 0;
}

function sentenceEnd(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' && text[i + 1] === '\n') return i;
    if (/[.!?]/.test(ch ?? '') && (i + 1 === text.length || /[\s"'”’)]/.test(text[i + 1] ?? ''))) return i + 1;
  }
  return text.length;
}

export interface SentenceParts {
  before: string;
  match: string;
  after: string;
}

/** The sentence holding [start, end), split around the match, whitespace collapsed, long sides cut with "…". */
export function sentenceAround(text: string, start: number, end: number): SentenceParts {
  const from = sentenceStart(text, start);
  const to = Math.max(end, sentenceEnd(text, end));
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  let before = squash(text.slice(from, start)).trimStart();
  let after = squash(text.slice(end, to)).trimEnd();
  const room = Math.max(40, Math.floor((MAX_SENTENCE - (end - start)) / 2));
  if (before.length > room) before = `…${before.slice(before.length - room).replace(/^\S*\s/, '')}`;
  if (after.length > room) after = `${after.slice(0, room).replace(/\s\S*$/, '')}…`;
  return { before, match: squash(text.slice(start, end)), after };
}

function hash(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/**
 * Hashes of the few words either side, so a finding can be recognised in a later version of the
 * file even after edits elsewhere moved it. Hashes only: no document text is stored.
 */
export function contextFingerprint(text: string, start: number, end: number, ruleId: string, actual: string): ContextFingerprint {
  const wordsBefore = (text.slice(Math.max(0, start - 200), start).match(WORD) ?? []).slice(-NEIGHBOUR_WORDS);
  const wordsAfter = (text.slice(end, end + 200).match(WORD) ?? []).slice(0, NEIGHBOUR_WORDS);
  const key = [ruleId, actual.toLowerCase()];
  return {
    before: hash([...key, ...wordsBefore.map((w) => w.toLowerCase())]),
    after: hash([...key, ...wordsAfter.map((w) => w.toLowerCase())]),
  };
}
