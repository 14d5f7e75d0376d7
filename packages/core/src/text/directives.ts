/**
 * Ignore directives. They work in any format because they are read from raw lines:
 *   <!-- reframe-disable-next-line [rule …] -->   (Markdown, HTML)
 *   # reframe-disable-next-line [rule …]           (plain text; also //, --, % or ; as the marker)
 *   [reframe-disable-next-line rule …]             (plain text, square brackets)
 * Commands: reframe-disable-next-line, reframe-disable-line, reframe-disable, reframe-enable,
 * reframe-ignore-file. Rule ids are separated by spaces or commas; none means every rule.
 * `reframe-genre letter` (or chart-note, teaching, form) says what kind of document it is; the first
 * one with a known genre counts.
 */
import { type Genre, isGenre } from '../scope/kinds.js';
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
  /** The genre a `reframe-genre` directive states. */
  genre?: Genre;
}

/**
 * A directive is its opening (a comment, a line's comment marker or a bracket, then the command), its
 * rule ids, and what ends it: "-->", "]" or the line's end, with the spaces before it. The same matches as
 * /(?:<!--|^[ \t]*(?:#|\/\/|--|%|;)|\[)[ \t]*reframe-(…)\b([^\n\r]*?)[ \t]*(?:-->|\]|$)/gm, found in
 * two steps: that pattern's lazy middle and the spaces after it read a long run of spaces once per space
 * ("[reframe-disable" then 20,000 spaces took 2 s).
 */
const DIRECTIVE_OPENING =
  /(?:<!--|^[ \t]*(?:#|\/\/|--|%|;)|\[)[ \t]*reframe-(disable-next-line|disable-line|disable|enable|ignore-file|genre)\b/gm;
const DIRECTIVE_END = /-->|\]|$/gm;

interface DirectiveMatch {
  index: number;
  /** The whole directive's length, what ends it included. */
  length: number;
  command: string;
  /** The rule ids as written. */
  rules: string;
}

function* directivesIn(text: string): Generator<DirectiveMatch> {
  DIRECTIVE_OPENING.lastIndex = 0;
  for (let m = DIRECTIVE_OPENING.exec(text); m; m = DIRECTIVE_OPENING.exec(text)) {
    const from = m.index + m[0].length;
    DIRECTIVE_END.lastIndex = from;
    const end = DIRECTIVE_END.exec(text);
    const endAt = end?.index ?? text.length;
    let rulesEnd = endAt;
    while (rulesEnd > from && (text.charCodeAt(rulesEnd - 1) === 32 || text.charCodeAt(rulesEnd - 1) === 9)) rulesEnd--;
    const length = endAt + (end?.[0].length ?? 0) - m.index;
    yield { index: m.index, length, command: m[1] ?? '', rules: text.slice(from, rulesEnd) };
    DIRECTIVE_OPENING.lastIndex = m.index + length;
  }
}

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
  for (const m of directivesIn(text)) {
    const at = m.index;
    result.masks.push([at, at + m.length]);
    const { command } = m;
    const rules = parseRules(m.rules);
    const line = lineOf(at);
    if (command === 'ignore-file') result.ignoreFile = true;
    else if (command === 'genre') {
      const named = m.rules
        .replace(/^[\s:]+/, '')
        .split(/[\s,]+/)[0]
        ?.toLowerCase();
      if (result.genre === undefined && isGenre(named)) result.genre = named;
    } else if (command === 'disable-next-line') {
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
