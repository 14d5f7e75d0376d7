/**
 * The one-pass XML reading behind .pptx, .odt and the .docx check (src/extract/xml.ts): what it reports
 * for well-formed and broken XML, and how the slide and OpenDocument readers use it.
 */
import { DEFAULT_MAX_FILE_SIZE as LIMIT } from '@reframe/core';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractOdt } from '../src/extract/odt.js';
import { drawingTextLines } from '../src/extract/pptx.js';
import { attributes, scanXml, xmlProblem } from '../src/extract/xml.js';

function events(xml: string): string[] {
  const out: string[] = [];
  scanXml(xml, {
    open: (name, text, selfClosing) => out.push(`<${name}${text}${selfClosing ? '/' : ''}>`),
    close: (name) => out.push(`</${name}>`),
    text: (raw, cdata) => out.push(cdata ? `cdata:${raw}` : raw),
    problem: (what) => out.push(`! ${what}`),
  });
  return out;
}

describe('scanXml', () => {
  it('reports tags, text and CDATA in order, skipping comments and processing instructions', () => {
    expect(events('<?xml version="1.0"?><a x="1>2"><!-- note --><b/>t&amp;u<![CDATA[<raw>]]></a>')).toEqual([
      '<a x="1>2">',
      '<b/>',
      't&amp;u',
      'cdata:<raw>',
      '</a>',
    ]);
  });

  it('ends what never closes at the next "<" or at the end, and says so', () => {
    expect(events('<a <b>x')).toEqual(['! a tag that never closes', '<a >', '<b>', 'x']);
    expect(events('x < y <<</ z')).toEqual(['! a stray "<"', '! a stray "<"', '! a stray "<"', '! a stray "<"', 'x < y <<</ z']);
    expect(events('<a>x<!-- open')).toEqual(['<a>', 'x', '! a comment that never closes']);
    expect(events('<a v="unclosed><b>')).toEqual(['! a tag that never closes', '<a v="unclosed>>', '<b>']); // a quoted '>' does not end it
  });

  it('reads attributes with their prefixes, decoded, the first of a name winning', () => {
    expect([...attributes(' r:id="rId1" Target=\'a&amp;b\' broken Id = "x" r:id="again"')]).toEqual([
      ['r:id', 'rId1'],
      ['Target', 'a&b'],
      ['Id', 'x'],
    ]);
  });

  it('xmlProblem accepts a well-formed tree and names the first problem otherwise, never the names in it', () => {
    expect(xmlProblem('<?xml version="1.0"?><w:document><w:body><w:p/></w:body></w:document>', 8)).toBeUndefined();
    expect(xmlProblem('<a><secret></a>', 8)).toBe('an end tag that does not match its start tag');
    expect(xmlProblem('<a><b>', 8)).toBe('an element that never closes');
    expect(xmlProblem('<a>'.repeat(9), 8)).toBe('elements nested more than 8 deep');
    expect(xmlProblem('<a><?pi </a>', 8)).toBe('a processing instruction that never closes');
    expect(xmlProblem('<!DOCTYPE a [<!ENTITY x "y">]><a/>', 8)).toBe('a document type declaration');
  });
});

describe('readers built on it', () => {
  it('slides: a break inside a field is the field’s; a paragraph left open ends at the next', () => {
    expect(
      drawingTextLines('<a:p><a:r><a:t>one</a:t></a:r><a:fld><a:br/><a:t>7</a:t></a:fld><a:r><a:t> two</a:t></a:r><a:p><a:t>three'),
    ).toEqual(['one two', 'three']);
  });

  it('OpenDocument: a footnote is its own paragraph, numbered where it starts, its number left out', () => {
    const content = `<office:document-content><office:body><office:text><text:p>Before<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>The addict left.</text:p></text:note-body></text:note> after.</text:p><text:p>Last.</text:p></office:text></office:body></office:document-content>`;
    const doc = extractOdt(zipSync({ 'content.xml': strToU8(content) }), LIMIT);
    expect(doc.text).toBe('Before after.\n\nThe addict left.\n\nLast.');
    expect(doc.locate(doc.text.indexOf('addict'))).toEqual({ paragraph: 2 });
    expect(doc.locate(doc.text.indexOf('Last'))).toEqual({ paragraph: 3 });
  });
});
