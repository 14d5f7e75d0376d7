import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE as LIMIT } from '@reframe/core';
import { Document, Packer, Paragraph } from 'docx';
import { strToU8, zipSync } from 'fflate';
import PptxGenJSModule from 'pptxgenjs';
import { describe, expect, it, vi } from 'vitest';
import { extractOdt } from '../src/extract/odt.js';
import { drawingTextLines, extractPptx } from '../src/extract/pptx.js';
import { ExtractError } from '../src/extract/zip.js';
import { reframe, tempTrees } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });

// pptxgenjs's types describe an ES module, but Node loads its CommonJS build: the default import is the class.
const PptxGenJS = PptxGenJSModule as unknown as typeof PptxGenJSModule.default;

// Every fixture is invented.
async function deck(slides: Array<{ lines: string[]; notes?: string }>): Promise<Buffer> {
  const pptx = new PptxGenJS();
  for (const s of slides) {
    const slide = pptx.addSlide();
    slide.addText(
      s.lines.map((text) => ({ text, options: { breakLine: true } })),
      { x: 0.5, y: 0.5, w: 9, h: 4 },
    );
    if (s.notes) slide.addNotes(s.notes);
  }
  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}

function odt(paragraphs: string[], manifestExtra = ''): Uint8Array {
  const body = paragraphs.map((p) => `<text:p>${p}</text:p>`).join('');
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'META-INF/manifest.xml': strToU8(`<manifest:manifest>${manifestExtra}</manifest:manifest>`),
    'content.xml': strToU8(
      `<office:document-content xmlns:text="t"><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ),
  });
}

/** The first bytes of an OLE compound file: what Office writes for a password-protected .pptx or .docx. */
const ENCRYPTED = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);

const tempTreeOf = tempTrees();
function tree(files: Record<string, string | Buffer | Uint8Array>) {
  return tempTreeOf(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? v : Buffer.from(v)])));
}

interface Place {
  ruleId: string;
  slide?: number;
  notes?: boolean;
  slideLine?: number;
  paragraph?: number;
}

describe('extractPptx', () => {
  it('reads slide text and speaker notes in presentation order and maps offsets back to slide, notes and line', async () => {
    const bytes = await deck([
      { lines: ['Session plan', 'Clean wound care is routine.'] },
      {
        lines: ['Case vignette', 'Her uncle committed suicide in 2015.'],
        notes: 'Ask how the family talks about it.\nHe is wheelchair-bound.',
      },
    ]);
    const text = extractPptx(bytes, LIMIT);
    expect(text.slides).toBe(2);
    const at = (phrase: string) => text.locate(text.text.indexOf(phrase));
    expect(at('Session plan')).toEqual({ slide: 1, notes: false, line: 1 });
    expect(at('Clean wound')).toEqual({ slide: 1, notes: false, line: 2 });
    expect(at('committed suicide')).toEqual({ slide: 2, notes: false, line: 2 });
    expect(at('Ask how')).toEqual({ slide: 2, notes: true, line: 1 });
    expect(at('wheelchair-bound')).toEqual({ slide: 2, notes: true, line: 2 });
    // Each line is its own paragraph: sentences never run across lines, slides or notes.
    expect(text.text).toContain('Session plan\n\nClean wound care is routine.\n\nCase vignette');
  });

  it('follows presentation.xml for the order of slides, not the part names', () => {
    const slide = (text: string) => strToU8(`<p:sld><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:sld>`);
    const bytes = zipSync({
      'ppt/presentation.xml': strToU8(
        '<p:presentation><p:sldIdLst><p:sldId id="256" r:id="rId9"/><p:sldId id="257" r:id="rId8"/></p:sldIdLst></p:presentation>',
      ),
      'ppt/_rels/presentation.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId8" Type="x/slide" Target="slides/slide1.xml"/><Relationship Id="rId9" Type="x/slide" Target="/ppt/slides/slide2.xml"/></Relationships>',
      ),
      'ppt/slides/slide1.xml': slide('Written first, shown second'),
      'ppt/slides/slide2.xml': slide('Written second, shown first &amp; &#8220;quoted&#8221;'),
    });
    const text = extractPptx(bytes, LIMIT);
    expect(text.text).toBe('Written second, shown first & “quoted”\n\nWritten first, shown second');
    expect(text.locate(text.text.indexOf('Written first'))).toEqual({ slide: 2, notes: false, line: 1 });
  });

  it('joins runs within a paragraph, splits at line breaks and leaves out slide-number fields', () => {
    const xml =
      '<a:p><a:r><a:t>wheel</a:t></a:r><a:r><a:t>chair user</a:t></a:r><a:br/><a:r><a:t>second line</a:t></a:r></a:p><a:p/><a:p><a:fld type="slidenum"><a:t>7</a:t></a:fld></a:p>';
    expect(drawingTextLines(xml)).toEqual(['wheelchair user', 'second line']);
  });

  it('gives a clear error for encrypted, non-zip and broken files', () => {
    expect(() => extractPptx(ENCRYPTED, LIMIT)).toThrow(ExtractError);
    expect(() => extractPptx(ENCRYPTED, LIMIT)).toThrow(/password-protected/);
    expect(() => extractPptx(Buffer.from('just text'), LIMIT)).toThrow('not a valid .pptx (not a zip file)');
    expect(() => extractPptx(Buffer.from('PK\u0003\u0004 truncated zip'), LIMIT)).toThrow(/not a readable .pptx/);
  });
});

describe('extractOdt', () => {
  it('reads paragraphs with spaces and entities, and refuses encrypted documents', () => {
    const doc = extractOdt(odt(['First<text:s/>paragraph.', '', 'The addict &amp; <text:span>his</text:span> dog.']), LIMIT);
    expect(doc.text).toBe('First paragraph.\n\nThe addict & his dog.');
    expect(doc.locate(doc.text.indexOf('addict'))).toEqual({ paragraph: 2 });
    expect(() => extractOdt(odt(['x'], '<manifest:encryption-data/>'), LIMIT)).toThrow('password-protected; save an unprotected .odt copy');
  });
});

describe('reframe report: slide decks, Word and OpenDocument files', () => {
  it('locates findings by slide, notes and line, and by paragraph in .docx and .odt', async () => {
    const handout = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Week 2 handout'), new Paragraph('His father was an alcoholic.')] }] }),
    );
    const { dir } = tree({
      'course/slides.pptx': await deck([
        { lines: ['Talking about suicide safely', 'Denies current suicidal intent is fine in a record.'] },
        { lines: ['Vignette', 'Sam was seen after a failed suicide attempt.'], notes: 'Old forms said her brother committed suicide.' },
      ]),
      'course/handout.docx': handout,
      'course/rubric.odt': odt(['Rubric', 'A fail-level note calls the client non-compliant.']),
    });
    const r = await reframe(['report', 'course', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { files: Array<{ path: string; diagnostics: Place[] }> };
    const places = Object.fromEntries(
      report.files.map((f) => [
        f.path,
        f.diagnostics.map(({ ruleId, slide, notes, slideLine, paragraph }) => ({ ruleId, slide, notes, slideLine, paragraph })),
      ]),
    );
    expect(places).toEqual({
      'course/handout.docx': [{ ruleId: 'substance/alcoholic', paragraph: 2 }],
      'course/rubric.odt': [{ ruleId: 'credibility/non-compliant', paragraph: 2 }],
      'course/slides.pptx': [
        { ruleId: 'suicide/failed-attempt', slide: 2, notes: false, slideLine: 2 },
        { ruleId: 'suicide/committed-suicide', slide: 2, notes: true, slideLine: 1 },
      ],
    });
    const html = await reframe(['report', 'course', '-o', 'r.html'], { cwd: dir });
    expect(html.code).toBe(1);
    const page = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(page).toContain('course/slides.pptx — slide 2 notes, line 1');
    expect(page).toContain('Old forms said her brother <mark>committed suicide</mark>.');
    expect(page).toContain('course/handout.docx — paragraph 2');
  });

  it('lists unreadable and password-protected files with a reason, and reports the rest', async () => {
    const { dir } = tree({
      'course/locked.pptx': ENCRYPTED,
      'course/locked.docx': ENCRYPTED,
      'course/broken.pptx': 'PK\u0003\u0004 not really a zip',
      'course/notes.md': 'Her uncle committed suicide in 2015.\n',
    });
    const r = await reframe(['report', 'course', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('reframe: skipped course/locked.pptx: password-protected, or an old binary Office file rather than .pptx');
    expect(r.stderr).toContain('reframe: skipped course/locked.docx: password-protected, or an old binary Word file rather than .docx');
    expect(r.stderr).toMatch(/reframe: skipped course\/broken.pptx: not a readable .pptx/);
    expect(r.stdout).toContain('**1 finding** in 1 of 1 files (1 error). 3 files could not be read.');
    const html = await reframe(['report', 'course', '-o', 'r.html'], { cwd: dir });
    expect(html.code).toBe(1);
    const page = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(page).toMatch(/<tr><td>course\/locked.pptx<\/td><td colspan="5">not read: password-protected/);
  });
});
