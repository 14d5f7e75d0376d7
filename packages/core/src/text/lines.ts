/** Lines as the block splitter reads them: \n, \r\n and \r end a line; only spaces and tabs make one blank. */

/** A block of lines: what the splitters return. */
export interface Block {
  /** Offset of the block's first character (always the start of a line). */
  start: number;
  /** End of the block's last line, before its line break. */
  end: number;
  /** 0-based line of the block's first line. */
  line: number;
  /** Markdown: the whole document, because the scan could not be sure where to cut it (MarkdownBlocks.unsure). */
  unsure?: boolean;
}

export interface Line {
  start: number;
  /** End of the line's content, before the line break. */
  end: number;
}

/** Only spaces and tabs: CommonMark's blank line (a line of no-break spaces is text). */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Lines as \n, \r\n and \r end them. */
export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ start, end: i });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ start, end: text.length });
  return lines;
}
