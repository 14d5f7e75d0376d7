/** A unified diff between two versions of a text, for `--fix-dry-run`. */
import { printable } from './printable.js';

const CONTEXT = 3;

function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

interface Edit {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/**
 * Fixes only change a few lines, so a trim of the common head and tail, then a line-level LCS on the
 * middle (bounded), finds the changed blocks without a quadratic diff of the whole file.
 */
function edits(a: string[], b: string[]): Edit[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  if (am.length === 0 && bm.length === 0) return [];
  if (am.length * bm.length > 4_000_000) return [{ oldStart: head, oldEnd: a.length - tail, newStart: head, newEnd: b.length - tail }];
  // LCS table over the middle part.
  const n = am.length;
  const m = bm.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const below = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) row[j] = am[i] === bm[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
  }
  const out: Edit[] = [];
  let i = 0;
  let j = 0;
  let open: Edit | undefined;
  const close = () => {
    if (open) out.push(open);
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && am[i] === bm[j]) {
      close();
      i++;
      j++;
    } else {
      open ??= { oldStart: head + i, oldEnd: head + i, newStart: head + j, newEnd: head + j };
      if (j < m && (i >= n || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
        j++;
        open.newEnd = head + j;
      } else {
        i++;
        open.oldEnd = head + i;
      }
    }
  }
  close();
  return out;
}

function line(prefix: string, text: string): string {
  return text.endsWith('\n') ? `${prefix}${text}` : `${prefix}${text}\n\\ No newline at end of file\n`;
}

export function unifiedDiff(path: string, before: string, after: string): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const changes = edits(a, b);
  if (changes.length === 0) return '';
  let out = `--- a/${printable(path)}\n+++ b/${printable(path)}\n`;
  let k = 0;
  while (k < changes.length) {
    // Merge changes whose context windows touch into one hunk.
    let last = k;
    while (last + 1 < changes.length && (changes[last + 1]?.oldStart ?? 0) - (changes[last]?.oldEnd ?? 0) <= CONTEXT * 2) last++;
    const first = changes[k] as Edit;
    const end = changes[last] as Edit;
    const oldFrom = Math.max(0, first.oldStart - CONTEXT);
    const oldTo = Math.min(a.length, end.oldEnd + CONTEXT);
    const newFrom = first.newStart - (first.oldStart - oldFrom);
    const newTo = end.newEnd + (oldTo - end.oldEnd);
    const oldLen = oldTo - oldFrom;
    const newLen = newTo - newFrom;
    out += `@@ -${oldLen ? oldFrom + 1 : oldFrom},${oldLen} +${newLen ? newFrom + 1 : newFrom},${newLen} @@\n`;
    let pos = oldFrom;
    for (let c = k; c <= last; c++) {
      const change = changes[c] as Edit;
      for (; pos < change.oldStart; pos++) out += line(' ', a[pos] ?? '');
      for (let x = change.oldStart; x < change.oldEnd; x++) out += line('-', a[x] ?? '');
      for (let y = change.newStart; y < change.newEnd; y++) out += line('+', b[y] ?? '');
      pos = change.oldEnd;
    }
    for (; pos < oldTo; pos++) out += line(' ', a[pos] ?? '');
    k = last + 1;
  }
  return out;
}
