/**
 * A cheap line scan that cuts a Markdown document into groups that remark can parse one at a time
 * with the same result as a whole-document parse. Groups end at blank lines, except inside fenced
 * code and the HTML blocks that may hold blank lines (comments, <pre>, <script>, <style>,
 * <textarea>, <? ?>, <!X >, CDATA); an indented block joins the group before it (list-item
 * continuation or indented code needs its context). When unsure, the scan joins rather than cuts:
 * a bigger group costs time, never a finding.
 */
import type { Span } from './spans.js';

// Also after list markers and blockquote marks, where CommonMark allows a fence to start.
const FENCE_OPEN = /^(?:[ \t]*(?:[-+*]|\d{1,9}[.)]|>)(?=[ \t]))*[ \t]*>?[ \t]*(`{3,}|~{3,})/;
const HTML_OPENERS: Array<[RegExp, RegExp]> = [
  [/^[ \t]*<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^[ \t]*<!--/, /-->/],
  [/^[ \t]*<\?/, /\?>/],
  [/^[ \t]*<![A-Za-z]/, />/],
  [/^[ \t]*<!\[CDATA\[/, /\]\]>/],
];
const LINK_DEFINITION = /^[ \t]{0,3}\[[^\]\n]+\]:/;

export interface MarkdownGroups {
  groups: Span[];
  /** Groups holding link reference definitions: appended to each parsed group so references resolve the same. */
  definitions: Span[];
}

interface Line {
  start: number;
  /** End of the line's text, before its line break. */
  end: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push({ start, end: text.length });
  return out;
}

export function markdownGroups(text: string): MarkdownGroups {
  const groups: Span[] = [];
  const definitions: Span[] = [];
  let hasDefinition = false;
  let groupStart = -1;
  let groupEnd = -1;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = true;
  const close = (): void => {
    if (groupStart >= 0) {
      groups.push([groupStart, groupEnd]);
      if (hasDefinition) definitions.push([groupStart, groupEnd]);
    }
    groupStart = -1;
    hasDefinition = false;
  };
  for (const line of linesOf(text)) {
    const content = text.slice(line.start, line.end);
    const blank = content.trim() === '';
    if (fence) {
      const m = FENCE_OPEN.exec(content);
      if (m?.[1] && m[1][0] === fence.char && m[1].length >= fence.length && content.trim() === m[1]) fence = undefined;
      groupEnd = line.end;
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(content)) htmlEnd = undefined;
      groupEnd = line.end;
      continue;
    }
    if (blank) {
      previousBlank = true;
      continue;
    }
    // A line after a blank one starts a new group unless it is indented (it continues the last one).
    if (previousBlank && !/^[ \t]/.test(content)) close();
    if (groupStart < 0) groupStart = line.start;
    groupEnd = line.end;
    previousBlank = false;
    if (LINK_DEFINITION.test(content)) hasDefinition = true;
    const fenceOpen = FENCE_OPEN.exec(content);
    if (fenceOpen?.[1]) {
      // A backtick fence's info string cannot hold a backtick; then it is inline code, not a fence.
      const info = content.slice(content.indexOf(fenceOpen[1]) + fenceOpen[1].length);
      if (fenceOpen[1][0] === '~' || !info.includes('`')) fence = { char: fenceOpen[1][0] ?? '`', length: fenceOpen[1].length };
      continue;
    }
    for (const [open, end] of HTML_OPENERS) {
      if (!open.test(content)) continue;
      // The end marker may be on the opening line itself (after the opener).
      const rest = content.replace(open, '');
      if (!end.test(rest)) htmlEnd = end;
      break;
    }
  }
  close();
  return { groups, definitions };
}
