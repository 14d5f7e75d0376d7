/**
 * Incremental linting: a document is split into blank-line-separated blocks; each block is linted
 * on its own with core's `lint` and the result is cached under a hash of (format, block text), so a
 * one-character edit re-lints one block. Constructs that span blank lines (Markdown code fences,
 * indented continuations, HTML comments, script and style elements) are kept in one block, and a
 * document with range directives (reframe-disable … reframe-enable, reframe-ignore-file) is linted
 * whole, because those reach across blocks.
 */
import { createHash } from 'node:crypto';
import { type CompiledRuleSet, type Diagnostic, type DocumentFormat, lint, type ResolvedConfig } from '@reframe/core';

export interface Block {
  /** Offset of the block's first character (always the start of a line). */
  start: number;
  end: number;
  /** 0-based line of the block's first line. */
  line: number;
}

interface Line {
  start: number;
  /** End of the line's content, before the line break. */
  end: number;
  blank: boolean;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ start, end: i, blank: isBlank(text, start, i) });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ start, end: text.length, blank: isBlank(text, start, text.length) });
  return lines;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FRONT_MATTER_LINE = /^(?:\uFEFF)?(---|\+\+\+)[ \t]*$/;

/** What a block leaves open for the next one, counted line by line so long blocks stay linear. */
class OpenTracker {
  private comments = 0;
  private scripts = 0;
  private styles = 0;
  private pres = 0;
  private inTag = false;

  constructor(private readonly format: DocumentFormat) {}

  add(line: string): void {
    if (this.format === 'text' || (!line.includes('<') && !line.includes('>'))) return;
    const count = (re: RegExp): number => (line.match(re) ?? []).length;
    this.comments += count(/<!--/g) - count(/-->/g);
    if (this.format !== 'html') return;
    this.scripts += count(/<script\b/gi) - count(/<\/script\s*>/gi);
    this.styles += count(/<style\b/gi) - count(/<\/style\s*>/gi);
    this.pres += count(/<pre\b/gi) - count(/<\/pre\s*>/gi);
    const lt = line.lastIndexOf('<');
    const gt = line.lastIndexOf('>');
    if (lt > gt) this.inTag = true;
    else if (gt > lt) this.inTag = false;
  }

  /** Markdown: an HTML comment; HTML: a comment, script, style, pre or tag still open. */
  get open(): boolean {
    if (this.format === 'text') return false;
    if (this.comments > 0) return true;
    return this.format === 'html' && (this.scripts > 0 || this.styles > 0 || this.pres > 0 || this.inTag);
  }
}

export function splitBlocks(text: string, format: DocumentFormat): Block[] {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  let current: Block | undefined;
  let tracker = new OpenTracker(format);
  let fence: { char: string; length: number } | undefined;
  let frontMatter: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const content = text.slice(line.start, line.end);
    if (format === 'markdown') {
      if (i === 0) {
        const fm = FRONT_MATTER_LINE.exec(content);
        if (fm) frontMatter = fm[1];
      } else if (frontMatter && content.trimEnd() === frontMatter) frontMatter = undefined;
      const f = FENCE.exec(content);
      if (fence) {
        const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(content);
        if (close?.[1]?.startsWith(fence.char) && (close[1]?.length ?? 0) >= fence.length) fence = undefined;
      } else if (f?.[1] && !(f[1].startsWith('`') && content.slice(content.indexOf('`')).replace(/^`+/, '').includes('`'))) {
        fence = { char: f[1].charAt(0), length: f[1].length };
      }
    }
    const inside = fence !== undefined || frontMatter !== undefined || tracker.open;
    if (line.blank) {
      if (!inside) current = undefined;
      continue;
    }
    if (!current) {
      const previous = blocks[blocks.length - 1];
      // An indented line continues the block before it (list item, code), and a Markdown block that
      // starts with --- must not be read as front matter: both join the previous block.
      const joins = /^[ \t]/.test(content) || (format === 'markdown' && FRONT_MATTER_LINE.test(content));
      if (previous && joins) current = previous;
      else {
        current = { start: line.start, end: line.end, line: i };
        tracker = new OpenTracker(format);
        blocks.push(current);
      }
    }
    tracker.add(content);
    current.end = line.end;
  }
  return blocks;
}

/** Range directives reach across blocks; with them the document is linted whole. */
const RANGE_DIRECTIVE = /reframe-(?:disable(?!-)|enable|ignore-file)/;

function hash(format: DocumentFormat, text: string): string {
  return createHash('sha256').update(format).update('\0').update(text).digest('hex');
}

function shift(d: Diagnostic, offset: number, lines: number): Diagnostic {
  const move = (p: Diagnostic['range']['start']) => ({ line: p.line + lines, column: p.column, offset: p.offset + offset });
  return {
    ...d,
    range: { start: move(d.range.start), end: move(d.range.end) },
    ...(d.fix ? { fix: { range: [d.fix.range[0] + offset, d.fix.range[1] + offset], text: d.fix.text } } : {}),
  };
}

export interface LintStats {
  blocks: number;
  linted: number;
}

/**
 * One per open document: remembers the findings of each block by hash. Findings are stored relative
 * to the block; keys are hashes, never text. A new rule set or config needs a new instance.
 */
export class BlockLinter {
  private cache = new Map<string, Diagnostic[]>();
  lastStats: LintStats = { blocks: 0, linted: 0 };

  constructor(
    private readonly ruleSet: CompiledRuleSet,
    private readonly config: ResolvedConfig,
  ) {}

  lint(text: string, format: DocumentFormat): Diagnostic[] {
    if (RANGE_DIRECTIVE.test(text)) {
      this.cache.clear();
      this.lastStats = { blocks: 1, linted: 1 };
      return lint(text, { ruleSet: this.ruleSet, config: this.config, format });
    }
    const next = new Map<string, Diagnostic[]>();
    const out: Diagnostic[] = [];
    const blocks = splitBlocks(text, format);
    let linted = 0;
    for (const block of blocks) {
      const slice = text.slice(block.start, block.end);
      const key = hash(format, slice);
      let found = next.get(key) ?? this.cache.get(key);
      if (!found) {
        found = lint(slice, { ruleSet: this.ruleSet, config: this.config, format });
        linted++;
      }
      next.set(key, found);
      for (const d of found) out.push(shift(d, block.start, block.line));
    }
    this.cache = next;
    this.lastStats = { blocks: blocks.length, linted };
    return out;
  }
}
