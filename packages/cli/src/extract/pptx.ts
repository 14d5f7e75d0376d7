/**
 * PowerPoint (.pptx): the text of every slide and its speaker notes, one piece per line of text, in
 * presentation order, with each offset traceable to {slide, notes, line}.
 */
import { joinPieces, type LocatedText, type Piece } from './located-text.js';
import { attribute, decodeXmlText } from './xml.js';
import { readZipParts } from './zip.js';

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

/** Lines of text in a DrawingML part: each `<a:p>` paragraph, split at `<a:br/>`; fields (slide numbers, dates) left out. */
export function drawingTextLines(xml: string): string[] {
  const lines: string[] = [];
  const paragraphs = xml.match(/<a:p\b[^>]*?(?:\/>|>[\s\S]*?<\/a:p>)/g) ?? [];
  for (const paragraph of paragraphs) {
    const withoutFields = paragraph.replace(/<a:fld\b[\s\S]*?<\/a:fld>/g, '');
    let line = '';
    for (const m of withoutFields.matchAll(/<a:t(?:\s[^>]*)?>([\s\S]*?)<\/a:t>|<a:br\b[^>]*>/g)) {
      if (m[1] !== undefined) {
        // A newline or vertical tab written inside a run (some generators do) is a line break too.
        const [first = '', ...rest] = decodeXmlText(m[1]).split(/\r?\n|\v|_x000B_/);
        line += first;
        for (const next of rest) {
          lines.push(line);
          line = next;
        }
      } else {
        lines.push(line);
        line = '';
      }
    }
    lines.push(line);
  }
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
}

interface Relationship {
  type: string;
  target: string;
}

function relationships(xml: string | undefined): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  for (const tag of xml?.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) out.set(id, { type: attribute(tag, 'Type') ?? '', target });
  }
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

/** Slide part names in presentation order: presentation.xml's list; file-name order when that is missing. */
function slideOrder(parts: Map<string, string>): string[] {
  const presentation = parts.get('ppt/presentation.xml');
  const rels = relationships(parts.get('ppt/_rels/presentation.xml.rels'));
  const ordered: string[] = [];
  for (const tag of presentation?.match(/<p:sldId\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'r:id');
    const rel = id ? rels.get(id) : undefined;
    if (rel) {
      const name = resolvePart('ppt', rel.target);
      if (parts.has(name)) ordered.push(name);
    }
  }
  if (ordered.length) return ordered;
  const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
  return [...parts.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => number(a) - number(b));
}

export function extractPptx(bytes: Uint8Array): PptxText {
  const parts = readZipParts(bytes, '.pptx', (name) => PART.test(name));
  const slides = slideOrder(parts);
  const pieces: Array<Piece<SlideLocation>> = [];
  slides.forEach((slidePart, index) => {
    const slide = index + 1;
    drawingTextLines(parts.get(slidePart) ?? '').forEach((text, i) => {
      pieces.push({ text, where: { slide, notes: false, line: i + 1 } });
    });
    const relsName = slidePart.replace(/^ppt\/slides\//, 'ppt/slides/_rels/') + '.rels';
    for (const rel of relationships(parts.get(relsName)).values()) {
      if (!rel.type.endsWith('/notesSlide')) continue;
      drawingTextLines(parts.get(resolvePart('ppt/slides', rel.target)) ?? '').forEach((text, i) => {
        pieces.push({ text, where: { slide, notes: true, line: i + 1 } });
      });
    }
  });
  return { ...joinPieces(pieces), slides: slides.length };
}

export function describeSlideLocation(where: SlideLocation): string {
  return `slide ${where.slide}${where.notes ? ' notes' : ''}, line ${where.line}`;
}
