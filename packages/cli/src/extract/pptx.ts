/**
 * PowerPoint (.pptx): the text of every slide and its speaker notes, one piece per line of text, in
 * presentation order, with each offset traceable to {slide, notes, line}. Each part is read once, in
 * one pass (xml.ts), however often presentation.xml lists it.
 */
import { joinPieces, type LocatedText, type Piece } from './located-text.js';
import { attribute, attributes, decodeXmlText, scanXml } from './xml.js';
import { readZipTexts } from './zip.js';

export interface SlideLocation {
  /** 1-based slide number in presentation order. */
  slide: number;
  /** The text is in the speaker notes rather than on the slide. */
  notes: boolean;
  /** 1-based line of text on the slide (or in its notes), counting lines that have text. */
  line: number;
}

export type PptxText = LocatedText<SlideLocation> & { slides: number };

const PART =
  /^ppt\/(presentation\.xml|_rels\/presentation\.xml\.rels|slides\/slide\d+\.xml|slides\/_rels\/slide\d+\.xml\.rels|notesSlides\/notesSlide\d+\.xml)$/;

/** A newline or vertical tab written inside a run (some generators do) is a line break too. */
const RUN_BREAK = /\r?\n|\v|_x000B_/;

/** Lines of text in a DrawingML part: each `<a:p>` paragraph, split at `<a:br/>`; fields (slide numbers, dates) left out. */
export function drawingTextLines(xml: string): string[] {
  const lines: string[] = [];
  let inParagraph = false;
  let inRun = false;
  let fieldDepth = 0;
  let line = '';
  let run = '';
  const endRun = () => {
    if (run) {
      const [first = '', ...rest] = decodeXmlText(run).split(RUN_BREAK);
      line += first;
      for (const next of rest) {
        lines.push(line);
        line = next;
      }
    }
    run = '';
    inRun = false;
  };
  const endParagraph = () => {
    endRun();
    lines.push(line);
    line = '';
    inParagraph = false;
    fieldDepth = 0;
  };
  scanXml(xml, {
    open: (name, _attributes, selfClosing) => {
      if (name === 'a:p') {
        // Paragraphs do not nest: a new one ends one left open.
        if (inParagraph) endParagraph();
        inParagraph = !selfClosing;
        return;
      }
      if (!inParagraph) return;
      if (name === 'a:br') {
        if (fieldDepth > 0) return;
        endRun();
        lines.push(line);
        line = '';
      } else if (selfClosing) return;
      else if (name === 'a:fld') {
        endRun();
        fieldDepth++;
      } else if (name === 'a:t' && fieldDepth === 0) {
        endRun();
        inRun = true;
      }
    },
    close: (name) => {
      if (!inParagraph) return;
      if (name === 'a:p') endParagraph();
      else if (name === 'a:fld') fieldDepth = Math.max(0, fieldDepth - 1);
      else if (name === 'a:t') endRun();
    },
    text: (raw, cdata) => {
      if (inRun) run += cdata ? raw.replace(/&/g, '&amp;') : raw;
    },
  });
  if (inParagraph) endParagraph();
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
}

interface Relationship {
  type: string;
  target: string;
}

/** Call `visit` with the attribute text of each start tag named `tag` in `xml` (nothing kept: a list may be long). */
function eachTag(xml: string | undefined, tag: string, visit: (attributeText: string) => void): void {
  if (!xml) return;
  scanXml(xml, {
    open: (name, text) => {
      if (name === tag) visit(text);
    },
  });
}

function relationships(xml: string | undefined): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  eachTag(xml, 'Relationship', (text) => {
    const attrs = attributes(text);
    const id = attrs.get('Id');
    const target = attrs.get('Target');
    if (id && target && !out.has(id)) out.set(id, { type: attrs.get('Type') ?? '', target });
  });
  return out;
}

/** Resolve a relationship target against the folder of the part that names it. */
function resolvePart(fromFolder: string, target: string): string {
  const parts = target.startsWith('/') ? [] : fromFolder.split('/').filter(Boolean);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

/** Slide part names in presentation order, each once: presentation.xml's list; file-name order when that is missing. */
function slideOrder(parts: Map<string, string>): string[] {
  const rels = relationships(parts.get('ppt/_rels/presentation.xml.rels'));
  const ordered = new Set<string>();
  // Each relationship id once: presentation.xml may list one slide many times.
  const seen = new Set<string>();
  eachTag(parts.get('ppt/presentation.xml'), 'p:sldId', (text) => {
    const id = attribute(text, 'r:id');
    if (id === undefined || seen.has(id)) return;
    seen.add(id);
    const rel = rels.get(id);
    const name = rel && resolvePart('ppt', rel.target);
    if (name && parts.has(name)) ordered.add(name);
  });
  if (ordered.size) return [...ordered];
  const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
  return [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => number(a) - number(b));
}

/** `limit`: the most the parts read may unpack to, in bytes. */
export function extractPptx(bytes: Uint8Array, limit: number): PptxText {
  const parts = readZipTexts(bytes, '.pptx', (name) => PART.test(name), limit);
  const slides = slideOrder(parts);
  const pieces: Array<Piece<SlideLocation>> = [];
  const notesRead = new Set<string>();
  slides.forEach((slidePart, index) => {
    const slide = index + 1;
    drawingTextLines(parts.get(slidePart) ?? '').forEach((text, i) => {
      pieces.push({ text, where: { slide, notes: false, line: i + 1 } });
    });
    const relsName = slidePart.replace(/^ppt\/slides\//, 'ppt/slides/_rels/') + '.rels';
    for (const rel of relationships(parts.get(relsName)).values()) {
      if (!rel.type.endsWith('/notesSlide')) continue;
      const notesPart = resolvePart('ppt/slides', rel.target);
      // Notes belong to one slide: a notes part named again (by another slide or relationship) is not read twice.
      if (notesRead.has(notesPart)) continue;
      notesRead.add(notesPart);
      drawingTextLines(parts.get(notesPart) ?? '').forEach((text, i) => {
        pieces.push({ text, where: { slide, notes: true, line: i + 1 } });
      });
    }
  });
  return { ...joinPieces(pieces), slides: slides.length };
}

export function describeSlideLocation(where: SlideLocation): string {
  return `slide ${where.slide}${where.notes ? ' notes' : ''}, line ${where.line}`;
}
