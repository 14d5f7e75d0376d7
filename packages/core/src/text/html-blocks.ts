/** HTML blocks for the one block splitter (blocks.ts): comments, <script>, <style>, <pre> and open tags keep their blank lines. */
import { type Block, isBlank, type Line, linesOf } from './lines.js';

/** Whether an HTML comment is open after `line`: comments do not nest, and a --> outside one closes nothing. */
export function commentOpenAfter(line: string, open: boolean): boolean {
  let inside = open;
  let at = 0;
  for (;;) {
    const next = line.indexOf(inside ? '-->' : '<!--', at);
    if (next < 0) return inside;
    // After <!-- the search for --> starts two characters in: <!--> and <!---> are whole comments.
    at = next + (inside ? 3 : 2);
    inside = !inside;
  }
}

/** What one HTML line does to the open script, style and pre elements, and to an open tag. */
interface HtmlLineEffect {
  scripts: number;
  styles: number;
  pres: number;
  /** The line ends inside a tag ('open'), after one ('closed'), or holds neither '<' nor '>' (''). */
  tag: 'open' | 'closed' | '';
}

export function htmlLineEffect(line: string): HtmlLineEffect {
  const count = (re: RegExp): number => (line.match(re) ?? []).length;
  const lt = line.lastIndexOf('<');
  const gt = line.lastIndexOf('>');
  return {
    scripts: count(/<script\b/gi) - count(/<\/script\s*>/gi),
    styles: count(/<style\b/gi) - count(/<\/style\s*>/gi),
    pres: count(/<pre\b/gi) - count(/<\/pre\s*>/gi),
    tag: lt > gt ? 'open' : gt > lt ? 'closed' : '',
  };
}

/** What an HTML block leaves open for the next line, counted line by line so long blocks stay linear. */
class HtmlState {
  private inComment = false;
  private scripts = 0;
  private styles = 0;
  private pres = 0;
  private inTag = false;

  add(line: string): void {
    if (!line.includes('<') && !line.includes('>')) return;
    this.inComment = commentOpenAfter(line, this.inComment);
    const effect = htmlLineEffect(line);
    this.scripts += effect.scripts;
    this.styles += effect.styles;
    this.pres += effect.pres;
    if (effect.tag) this.inTag = effect.tag === 'open';
  }

  get open(): boolean {
    return this.inComment || this.scripts > 0 || this.styles > 0 || this.pres > 0 || this.inTag;
  }
}

export function htmlBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let state = new HtmlState();
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i] as Line;
    if (isBlank(text, start, end)) {
      if (!state.open) current = undefined;
      continue;
    }
    const content = text.slice(start, end);
    if (!current) {
      const previous = blocks[blocks.length - 1];
      // An indented line continues the block before it.
      if (previous && /^[ \t]/.test(content)) current = previous;
      else {
        current = { start, end, line: i };
        state = new HtmlState();
        blocks.push(current);
      }
    }
    state.add(content);
    current.end = end;
  }
  return blocks;
}
