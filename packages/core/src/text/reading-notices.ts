/**
 * Notices: what a user should know about how a document was read, in words that hold none of its
 * text. Today there is one kind: Markdown read as plain text, because the parser would spend far more
 * than its size on it (markdown-cost.ts) or ran out of stack on it.
 */
import type { LintNotice } from '../types.js';
import { MARKDOWN_COST_REASONS } from './markdown-cost.js';
import type { MarkdownPlan } from './markdown-plan.js';
import { LineIndex } from './positions.js';
import type { Span } from './spans.js';

/** How many line ranges a notice lists before "and N more". */
const LISTED = 3;

function lineRanges(spans: Span[], lines: LineIndex): Array<{ start: number; end: number }> {
  return spans.map(([s, e]) => ({ start: lines.position(s).line, end: lines.position(Math.max(s, e)).line }));
}

function listed(ranges: Array<{ start: number; end: number }>): string {
  const words = ranges.slice(0, LISTED).map((r) => (r.start === r.end ? `${r.start}` : `${r.start}–${r.end}`));
  const more = ranges.length > LISTED ? ` and ${ranges.length - LISTED} more` : '';
  return `${ranges.length === 1 && ranges[0]?.start === ranges[0]?.end ? 'line' : 'lines'} ${words.join(', ')}${more}`;
}

function notice(spans: Span[], lines: LineIndex, why: string): LintNotice {
  const ranges = lineRanges(spans, lines);
  const first = ranges[0] as { start: number; end: number };
  return { code: 'read-as-plain-text', message: `read as plain text: ${listed(ranges)}, ${why}`, lines: first };
}

/** The notices for a Markdown document read by `plan`, whose slices in `unparsed` overflowed the parser's stack. */
export function readingNotices(text: string, plan: MarkdownPlan | undefined, unparsed: Span[]): LintNotice[] {
  if (!plan?.textSpans.length && unparsed.length === 0) return [];
  const lines = new LineIndex(text);
  const out: LintNotice[] = [];
  if (plan?.textSpans.length) {
    const reasons = [...new Set(plan.asText.filter((r) => r !== undefined))].map((r) => MARKDOWN_COST_REASONS[r]);
    out.push(notice(plan.textSpans, lines, `as Markdown they would cost the parser far more than their size (${reasons.join('; ')})`));
  }
  if (unparsed.length) {
    const spans = [...unparsed].sort((a, b) => a[0] - b[0]);
    out.push(notice(spans, lines, 'the Markdown parser ran out of stack on them'));
  }
  return out;
}
