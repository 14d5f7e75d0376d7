/**
 * Hostile office documents, generated (never committed): zip bombs whose parts unpack to far more than
 * the file (with true or lying declared sizes), decks with many large parts or one slide listed
 * thousands of times, and XML full of unclosed tags. Each builder takes a size and returns the file's
 * bytes; `officeCorpus` lists them at one size each, and `writeOfficeCorpus` writes that list to a folder
 * (`node packages/cli/scripts/adversarial-corpus.mjs DIR`). Every text in them is invented.
 *
 * A bomb's deflate stream is written by hand: a dynamic-Huffman block whose two codes of one bit each
 * copy 258 spaces from one byte back, so each 2 bits unpack to 258 bytes (about 1,000 times the size),
 * repeated as needed. A zip is written by hand too, so its declared sizes can lie.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, strToU8 } from 'fflate';

// --- deflate by hand ---------------------------------------------------------------------------------

class BitWriter {
  private bytes: number[] = [];
  private bit = 0;
  private current = 0;
  write(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.current |= ((value >> i) & 1) << this.bit;
      if (++this.bit === 8) this.flushByte();
    }
  }
  /** Pad to a byte boundary with zero bits. */
  align(): void {
    if (this.bit) this.flushByte();
  }
  private flushByte(): void {
    this.bytes.push(this.current);
    this.current = 0;
    this.bit = 0;
  }
  result(): Uint8Array {
    this.align();
    return Uint8Array.from(this.bytes);
  }
}

/** Distance codes of deflate: [first distance, extra bits] for codes 0–29. */
const DISTANCE_CODES: Array<[number, number]> = [
  [1, 0],
  [2, 0],
  [3, 0],
  [4, 0],
  [5, 1],
  [7, 1],
  [9, 2],
  [13, 2],
  [17, 3],
  [25, 3],
  [33, 4],
  [49, 4],
  [65, 5],
  [97, 5],
  [129, 6],
  [193, 6],
  [257, 7],
  [385, 7],
  [513, 8],
  [769, 8],
  [1025, 9],
  [1537, 9],
  [2049, 10],
  [3073, 10],
  [4097, 11],
  [6145, 11],
  [8193, 12],
  [12289, 12],
  [16385, 13],
  [24577, 13],
];

/**
 * A non-final block that copies 258 bytes from `distance` back, `copies` times, then an empty stored
 * block so that it ends on a byte boundary (and can be repeated).
 */
function runBlock(copies: number, distance: number): Uint8Array {
  const code = DISTANCE_CODES.findLastIndex(([first]) => first <= distance);
  const [first, extra] = DISTANCE_CODES[code] ?? [1, 0];
  const w = new BitWriter();
  w.write(0, 1); // BFINAL 0
  w.write(2, 2); // dynamic Huffman
  w.write(29, 5); // HLIT: 286 literal/length codes
  w.write(code, 5); // HDIST: code + 1 distance codes
  w.write(14, 4); // HCLEN: 18 code-length codes
  // Code-length code lengths in their fixed order: symbols 0, 1, 17 and 18 have two-bit codes 00, 01, 10, 11.
  for (const symbol of [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1]) w.write([0, 1, 17, 18].includes(symbol) ? 2 : 0, 3);
  const symbol = (s: 0 | 1 | 17 | 18) => {
    const bits = { 0: 0b00, 1: 0b01, 17: 0b10, 18: 0b11 }[s];
    w.write(((bits & 1) << 1) | (bits >> 1), 2); // Huffman codes go most significant bit first
  };
  const zeros = (count: number) => {
    for (let left = count; left > 0; ) {
      if (left >= 11) {
        const run = Math.min(left, 138);
        symbol(18);
        w.write(run - 11, 7);
        left -= run;
      } else if (left >= 3) {
        symbol(17);
        w.write(left - 3, 3);
        left = 0;
      } else {
        symbol(0);
        left--;
      }
    }
  };
  zeros(256); // literals: unused
  symbol(1); // 256, end of block: code 0
  zeros(28); // lengths 257–284: unused
  symbol(1); // 285, length 258: code 1
  zeros(code); // distance codes before ours: unused
  symbol(1); // our distance code: code 0
  for (let i = 0; i < copies; i++) {
    w.write(1, 1);
    w.write(0, 1);
    w.write(distance - first, extra);
  }
  w.write(0, 1); // end of block
  w.write(0, 3); // an empty stored block: BFINAL 0, type 0 …
  w.align();
  w.write(0, 16); // … LEN 0
  w.write(0xffff, 16); // … NLEN
  return w.result();
}

function storedBlock(data: Uint8Array, final: boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < data.length || (at === 0 && parts.length === 0); at += 65535) {
    const chunk = data.subarray(at, at + 65535);
    const last = final && at + 65535 >= data.length;
    const header = new Uint8Array([
      last ? 1 : 0,
      chunk.length & 0xff,
      chunk.length >> 8,
      ~chunk.length & 0xff,
      (~chunk.length >> 8) & 0xff,
    ]);
    parts.push(header, chunk);
  }
  return concat(parts);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const COPIES_PER_BLOCK = 65_536; // 16.9 MB unpacked per block
const fullBlocks = new Map<number, Uint8Array>();

/**
 * A raw deflate stream for `head`, then `unit` repeated to make about `bytes` bytes, then `tail`; and its
 * unpacked size. `unit` must be ASCII and its length divide 258 (1, 2, 3, 6, 43, 86, 129 or 258).
 */
export function repeatBomb(head: string, unit: string, bytes: number, tail: string): { deflated: Uint8Array; size: number } {
  if (258 % unit.length !== 0) throw new Error(`a unit of ${unit.length} characters does not divide 258`);
  let block = fullBlocks.get(unit.length);
  if (!block) fullBlocks.set(unit.length, (block = runBlock(COPIES_PER_BLOCK, unit.length)));
  let copies = Math.max(1, Math.round(bytes / 258));
  const start = strToU8(head + unit);
  const size = start.length + copies * 258 + strToU8(tail).length;
  const blocks: Uint8Array[] = [storedBlock(start, false)];
  for (; copies >= COPIES_PER_BLOCK; copies -= COPIES_PER_BLOCK) blocks.push(block);
  if (copies) blocks.push(runBlock(copies, unit.length));
  blocks.push(storedBlock(strToU8(tail), true));
  return { deflated: concat(blocks), size };
}

// --- zip by hand -------------------------------------------------------------------------------------

export interface ZipEntry {
  name: string;
  /** The stored bytes: raw deflate when `deflated`, else the content itself. */
  data: Uint8Array;
  deflated: boolean;
  /** The true unpacked size. */
  size: number;
  /** What the headers claim (default: the truth). */
  declaredSize?: number;
}

/** Deflate a text part normally. */
export function part(name: string, text: string): ZipEntry {
  const raw = strToU8(text);
  return { name, data: deflateSync(raw), deflated: true, size: raw.length };
}

/** A part of about `bytes` bytes: `head`, `unit` (spaces by default) repeated, `tail`. */
function bombPart(name: string, head: string, bytes: number, tail: string, options: { lie?: boolean; unit?: string } = {}): ZipEntry {
  const { lie = false, unit = ' ' } = options;
  const { deflated, size } = repeatBomb(head, unit, bytes, tail);
  return { name, data: deflated, deflated: true, size, ...(lie ? { declaredSize: 1024 } : {}) };
}

/** A zip of the entries (CRC fields are zero: readers of office text do not check them). */
export function zip(entries: ZipEntry[]): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const declared = e.declaredSize ?? e.size;
    const header = (signature: number, length: number) => {
      const b = new Uint8Array(length + name.length);
      const v = new DataView(b.buffer);
      v.setUint32(0, signature, true);
      return { b, v };
    };
    const l = header(0x04034b50, 30);
    l.v.setUint16(4, 20, true);
    l.v.setUint16(8, e.deflated ? 8 : 0, true);
    l.v.setUint32(18, e.data.length, true);
    l.v.setUint32(22, declared, true);
    l.v.setUint16(26, name.length, true);
    l.b.set(name, 30);
    const c = header(0x02014b50, 46);
    c.v.setUint16(4, 20, true);
    c.v.setUint16(6, 20, true);
    c.v.setUint16(10, e.deflated ? 8 : 0, true);
    c.v.setUint32(20, e.data.length, true);
    c.v.setUint32(24, declared, true);
    c.v.setUint16(28, name.length, true);
    c.v.setUint32(42, offset, true);
    c.b.set(name, 46);
    local.push(l.b, e.data);
    central.push(c.b);
    offset += l.b.length + e.data.length;
  }
  const directory = concat(central);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, directory.length, true);
  v.setUint32(16, offset, true);
  return concat([...local, directory, end]);
}

// --- documents ---------------------------------------------------------------------------------------

const SENTENCE = 'Her brother committed suicide.';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function docxFrame(): ZipEntry[] {
  return [
    part(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    part(
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
  ];
}

const wordParagraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** `markup` padded with spaces to 86 characters, a length that divides 258: a unit for `repeatBomb`. */
function unitOf(markup: string): string {
  if (markup.length > 86) throw new Error('a repeated unit is at most 86 characters');
  return markup.padEnd(86, ' ');
}

export interface BombOptions {
  /** Declare 1 KB in the zip's headers, whatever the part unpacks to. */
  lie?: boolean;
  /** Fill with the flagged paragraph, repeated (text to lint), rather than with spaces. */
  text?: boolean;
}

/** A .docx with a flagged sentence whose document.xml unpacks to about `unpacked` bytes. */
export function docxBomb(unpacked: number, options: BombOptions = {}): Uint8Array {
  const head = `<?xml version="1.0"?><w:document ${W}><w:body>${wordParagraph(SENTENCE)}`;
  const unit = options.text ? unitOf(wordParagraph(SENTENCE)) : ' ';
  return zip([...docxFrame(), bombPart('word/document.xml', head, unpacked, '</w:body></w:document>', { ...options, unit })]);
}

/** A valid .docx of the given paragraphs. */
export function docx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map(wordParagraph).join('');
  return zip([...docxFrame(), part('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`)]);
}

/** A .docx whose text uses an entity XML does not define: its name is the document's own text. */
export function docxUnknownEntity(name: string): Uint8Array {
  return docx([`The note says &${name}; here.`, SENTENCE]);
}

/** A .docx with an element named `name` (the document's own words) that is closed by another's end tag. */
export function docxStrayElement(name: string): Uint8Array {
  const xml = `<?xml version="1.0"?><w:document ${W}><w:body>${wordParagraph(SENTENCE)}<w:p><${name}></w:p></w:body></w:document>`;
  return zip([...docxFrame(), part('word/document.xml', xml)]);
}

/** Word XML that is not a well-formed tree, `n` pieces of it after the flagged sentence. */
const DOCX_MALFORMED = {
  comment: (n: number) => '<!--'.repeat(n),
  instruction: (n: number) => '<?x '.repeat(n),
  cdata: (n: number) => `<w:p><w:r><w:t>${'<![CDATA['.repeat(n)}`,
  mismatched: (n: number) => `${'<w:p>'.repeat(64)}${'</w:x>'.repeat(n)}${'</w:p>'.repeat(64)}`,
  nesting: (n: number) => '<w:p>'.repeat(n),
} as const;
export type DocxMalformed = keyof typeof DOCX_MALFORMED;
export const DOCX_MALFORMED_KINDS = Object.keys(DOCX_MALFORMED) as DocxMalformed[];

export function docxMalformed(kind: DocxMalformed, n: number): Uint8Array {
  const xml = `<?xml version="1.0"?><w:document ${W}><w:body>${wordParagraph(SENTENCE)}${DOCX_MALFORMED[kind](n)}</w:body></w:document>`;
  return zip([...docxFrame(), part('word/document.xml', xml)]);
}

const P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const SLIDE_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide';

const slideXml = (inner: string) =>
  `<p:sld ${P} ${A}><p:cSld><p:spTree><p:sp><p:txBody>${inner}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
const drawingParagraph = (text: string) => `<a:p><a:r><a:t>${text}</a:t></a:r></a:p>`;

/** A deck of the given slide parts, listed in presentation.xml by `order` (indexes into `slides`; default each once). */
function deck(slides: ZipEntry[], order: number[] = slides.map((_, i) => i), presentation?: ZipEntry): Uint8Array {
  const rels = slides.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${SLIDE_TYPE}" Target="slides/slide${i + 1}.xml"/>`).join('');
  return zip([
    presentation ??
      part(
        'ppt/presentation.xml',
        `<p:presentation ${P} ${R}><p:sldIdLst>${order.map((i) => `<p:sldId id="${256 + i}" r:id="rId${i + 1}"/>`).join('')}</p:sldIdLst></p:presentation>`,
      ),
    part(
      'ppt/_rels/presentation.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ),
    ...slides,
  ]);
}

/** A .pptx of `parts` slides, each unpacking to about `partBytes` (under any per-part cap, over any sensible total). */
export function pptxBomb(parts: number, partBytes: number, options: BombOptions = {}): Uint8Array {
  const [head = '', tail = ''] = slideXml(`${drawingParagraph(SENTENCE)}\u0000`).split('\u0000');
  const unit = options.text ? unitOf(drawingParagraph(SENTENCE)) : ' ';
  return deck(
    Array.from({ length: parts }, (_, i) => bombPart(`ppt/slides/slide${i + 1}.xml`, head, partBytes, tail, { ...options, unit })),
  );
}

/** A .pptx whose one slide is listed `times` times in presentation.xml. */
export function pptxRepeatedSlide(times: number): Uint8Array {
  return deck([part('ppt/slides/slide1.xml', slideXml(drawingParagraph(SENTENCE)))], new Array<number>(times).fill(0));
}

/**
 * Tags that never close, `n` of them, after a slide's flagged sentence: the regular expressions the
 * readers once used scanned to the end of the part from each one (n² steps).
 */
const SLIDE_UNCLOSED = {
  paragraph: (n: number) => '<a:p>x'.repeat(n),
  run: (n: number) => `<a:p>${'<a:t>x'.repeat(n)}</a:p>`,
  field: (n: number) => `<a:p>${'<a:fld>x'.repeat(n)}</a:p>`,
} as const;
export type SlideUnclosed = keyof typeof SLIDE_UNCLOSED;
export const SLIDE_UNCLOSED_KINDS = Object.keys(SLIDE_UNCLOSED) as SlideUnclosed[];

/** A .pptx whose one slide holds a flagged sentence, then `n` unclosed tags of one kind. */
export function pptxUnclosed(kind: SlideUnclosed, n: number): Uint8Array {
  return deck([part('ppt/slides/slide1.xml', slideXml(drawingParagraph(SENTENCE) + SLIDE_UNCLOSED[kind](n)))]);
}

/** A .pptx whose presentation.xml (`sldId`) or its relationships end in `n` start tags that never close. */
export function pptxUnclosedList(kind: 'sldId' | 'relationship', n: number): Uint8Array {
  const slide = part('ppt/slides/slide1.xml', slideXml(drawingParagraph(SENTENCE)));
  if (kind === 'sldId') {
    return deck([slide], [0], part('ppt/presentation.xml', `<p:presentation ${P} ${R}><p:sldIdLst>${'<p:sldId id="1" '.repeat(n)}`));
  }
  return zip([
    part('ppt/presentation.xml', `<p:presentation ${P} ${R}><p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst></p:presentation>`),
    part('ppt/_rels/presentation.xml.rels', `<Relationships>${'<Relationship Id="rId1" '.repeat(n)}`),
    slide,
  ]);
}

const ODT_TEXT = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

function odtOf(content: ZipEntry): Uint8Array {
  return zip([
    { name: 'mimetype', data: strToU8('application/vnd.oasis.opendocument.text'), deflated: false, size: 39 },
    part('META-INF/manifest.xml', '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
    content,
  ]);
}

const odtContent = (body: string) =>
  `<office:document-content ${ODT_TEXT} xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;

const ODT_UNCLOSED = {
  paragraph: (n: number) => '<text:p>x'.repeat(n),
  note: (n: number) => `<text:p>${'<text:note>x'.repeat(n)}</text:p>`,
  bracket: (n: number) => `<text:p>${'<'.repeat(n)}</text:p>`,
} as const;
export type OdtUnclosed = keyof typeof ODT_UNCLOSED;
export const ODT_UNCLOSED_KINDS = Object.keys(ODT_UNCLOSED) as OdtUnclosed[];

/** An .odt with a flagged sentence, then `n` unclosed tags of one kind. */
export function odtUnclosed(kind: OdtUnclosed, n: number): Uint8Array {
  return odtOf(part('content.xml', odtContent(`<text:p>${SENTENCE}</text:p>${ODT_UNCLOSED[kind](n)}`)));
}

/** An .odt whose content.xml unpacks to about `unpacked` bytes. */
export function odtBomb(unpacked: number, options: BombOptions = {}): Uint8Array {
  const [head = '', tail = ''] = odtContent(`<text:p>${SENTENCE}</text:p>\u0000`).split('\u0000');
  const unit = options.text ? unitOf(`<text:p>${SENTENCE}</text:p>`) : ' ';
  return odtOf(bombPart('content.xml', head, unpacked, tail, { ...options, unit }));
}

/** Plain text of about `bytes` bytes with the same flagged sentence: what the same amount of input costs. */
export function plainText(bytes: number): string {
  const line = `${SENTENCE} The rest of this line is ordinary prose about the review.\n`;
  return line.repeat(Math.max(1, Math.ceil(bytes / line.length)));
}

/** One file of each kind, at sizes that hurt the code before the fixes. */
export function officeCorpus(): Array<{ name: string; bytes: Uint8Array }> {
  return [
    { name: 'bomb-1gib.docx', bytes: docxBomb(1024 ** 3) },
    { name: 'bomb-lying-sizes.docx', bytes: docxBomb(256 * 1024 ** 2, { lie: true }) },
    { name: 'text-bomb-75mb.docx', bytes: docxBomb(75 * 1024 ** 2, { text: true }) },
    { name: 'entity.docx', bytes: docxUnknownEntity('PrivateName') },
    ...DOCX_MALFORMED_KINDS.map((kind) => ({ name: `malformed-${kind}.docx`, bytes: docxMalformed(kind, 100_000) })),
    { name: 'bomb-30-parts.pptx', bytes: pptxBomb(30, 60 * 1024 ** 2) },
    { name: 'repeated-slide.pptx', bytes: pptxRepeatedSlide(200_000) },
    ...SLIDE_UNCLOSED_KINDS.map((kind) => ({ name: `unclosed-${kind}.pptx`, bytes: pptxUnclosed(kind, 300_000) })),
    { name: 'unclosed-sldId.pptx', bytes: pptxUnclosedList('sldId', 100_000) },
    { name: 'unclosed-relationship.pptx', bytes: pptxUnclosedList('relationship', 100_000) },
    ...ODT_UNCLOSED_KINDS.map((kind) => ({ name: `unclosed-${kind}.odt`, bytes: odtUnclosed(kind, 300_000) })),
    { name: 'bomb-1gib.odt', bytes: odtBomb(1024 ** 3) },
  ];
}

export function writeOfficeCorpus(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return officeCorpus().map(({ name, bytes }) => {
    writeFileSync(join(dir, name), bytes);
    return name;
  });
}
