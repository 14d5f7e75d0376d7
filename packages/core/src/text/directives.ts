/**
 * Ignore directives. They work in any format because they are read from raw lines:
 *   <!-- reframe-disable-next-line [rule …] -->   (Markdown, HTML)
 *   # reframe-disable-next-line [rule …]           (plain text; also //, --, % or ; as the marker)
 *   [reframe-disable-next-line rule …]             (plain text, square brackets)
 * Commands: reframe-disable-next-line, reframe-disable-line, reframe-disable, reframe-enable,
 * reframe-ignore-file. Rule ids are separated by spaces or commas; none means every rule.
 */
import type { Span } from './spans.js';

export interface DisabledRange {
  start: number;
  end: number;
  /** null: every rule. */
  rules: Set<string> | null;
}

export interface Directives {
  ignoreFile: boolean;
  /** Directive text itself, never linted. */
  masks: Span[];
  disabled: DisabledRange[];
}

const DIRECTIVE =
  /(?:<!--|^[ \t]*(?:#|\/\/|--|%|;)|\[)[ \t]*reframe-(disable-next-line|disable-line|disable|enable|ignore-file)\b([^\n\r]*?)[ \t]*(?:-->|\]|$)/gm;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function parseRules(raw: string): Set<string> | null {
  const ids = raw
    .replace(/--.*$/, '')
    .split(/[\s,]+/)
    .filter((s) => s.length > 0);
  return ids.length ? new Set(ids) : null;
}

export function scanDirectives(text: string): Directives {
  const result: Directives = { ignoreFile: false, masks: [], disabled: [] };
  if (!text.includes('reframe-')) return result;
  const starts = lineStarts(text);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lineRange = (line: number): [number, number] => [starts[line] ?? text.length, (starts[line + 1] ?? text.length + 1) - 1];
  const open: Array<{ start: number; rules: Set<string> | null }> = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const at = m.index ?? 0;
    result.masks.push([at, at + m[0].length]);
    const command = m[1];
    const rules = parseRules(m[2] ?? '');
    const line = lineOf(at);
    if (command === 'ignore-file') result.ignoreFile = true;
    else if (command === 'disable-next-line') {
      const [s, e] = lineRange(line + 1);
      result.disabled.push({ start: s, end: e, rules });
    } else if (command === 'disable-line') {
      const [s, e] = lineRange(line);
      result.disabled.push({ start: s, end: e, rules });
    } else if (command === 'disable') open.push({ start: at, rules });
    else if (command === 'enable') {
      // Close every open range that this enable names (or all, when it names none).
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i];
        if (!o) continue;
        if (rules === null || o.rules === null || [...o.rules].every((r) => rules.has(r))) {
          result.disabled.push({ start: o.start, end: at, rules: o.rules });
          open.splice(i, 1);
        }
      }
    }
  }
  for (const o of open) result.disabled.push({ start: o.start, end: text.length, rules: o.rules });
  return result;
}

/** Replace the given spans with spaces (line breaks kept) so offsets stay valid. */
export function mask(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (s < last) continue;
    out += text.slice(last, s) + text.slice(s, e).replace(/[^\r\n]/g, ' ');
    last = e;
  }
  return out + text.slice(last);
}
