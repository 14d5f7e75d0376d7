/**
 * Just enough XML reading for office text, in one pass: start and end tags, text, entity decoding and
 * attributes (no DTDs, no code). Every step moves forward and nothing is searched twice, so the cost
 * is linear in the size of the XML whatever it holds: a tag, comment or quotation that never closes
 * ends at the next `<` or at the end, once.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,8}|#\d{1,8}|[a-zA-Z]{1,8});/g, (whole, name: string) => {
    if (name.startsWith('#x')) return safeCodePoint(Number.parseInt(name.slice(2), 16)) ?? whole;
    if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10)) ?? whole;
    return NAMED[name] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** What the scanner reports, in document order. Names keep their namespace prefix (`a:p`). */
export interface XmlHandler {
  /** A start tag (`selfClosing` for `<x/>`), with its attribute text unparsed (see `attributes`). */
  open?: (name: string, attributeText: string, selfClosing: boolean) => void;
  close?: (name: string) => void;
  /** Character data, entities not yet decoded; CDATA sections come decoded, with `cdata` set. */
  text?: (raw: string, cdata: boolean) => void;
  /** Something not well-formed (a comment, tag or section that never closes, a stray `<`); scanning goes on. */
  problem?: (what: string) => void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** A `<` (or `</`) that no name follows (the end, a space, `<`, `>` or `/` does): it is text. */
function isStray(xml: string, lt: number): boolean {
  const at = xml.charCodeAt(lt + 1) === SLASH ? lt + 2 : lt + 1;
  const c = xml.charCodeAt(at);
  return Number.isNaN(c) || isSpace(c) || c === LT || c === GT || c === SLASH;
}

/** Scan `xml` once, calling the handler for each tag and piece of text (text between tags in one piece). */
export function scanXml(xml: string, handler: XmlHandler): void {
  const n = xml.length;
  let textStart = 0;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) break;
    if (isStray(xml, lt)) {
      handler.problem?.('a stray "<"');
      i = lt + 1;
      continue;
    }
    if (lt > textStart) handler.text?.(xml.slice(textStart, lt), false);
    i = textStart = skipMarkup(xml, lt, handler);
  }
  if (textStart < n) handler.text?.(xml.slice(textStart), false);
}

/** Read the markup starting at `lt` (a `<`); return where scanning goes on. */
function skipMarkup(xml: string, lt: number, handler: XmlHandler): number {
  const n = xml.length;
  if (xml.startsWith('<!--', lt)) return through(xml, lt + 4, '-->', 'a comment', handler);
  if (xml.startsWith('<![CDATA[', lt)) {
    const end = xml.indexOf(']]>', lt + 9);
    handler.text?.(xml.slice(lt + 9, end === -1 ? n : end), true);
    if (end === -1) handler.problem?.('a CDATA section that never closes');
    return end === -1 ? n : end + 3;
  }
  if (xml.startsWith('<?', lt)) return through(xml, lt + 2, '?>', 'a processing instruction', handler);
  if (xml.startsWith('<!', lt)) {
    handler.problem?.('a document type declaration'); // office XML has none; its entities are never expanded
    return declarationEnd(xml, lt + 2);
  }
  const closing = xml.charCodeAt(lt + 1) === SLASH;
  let j = closing ? lt + 2 : lt + 1;
  const nameStart = j;
  while (j < n) {
    const c = xml.charCodeAt(j);
    if (isSpace(c) || c === GT || c === SLASH || c === LT) break;
    j++;
  }
  const name = xml.slice(nameStart, j); // never empty: scanXml leaves stray '<' as text
  // The rest of the tag: quoted values may hold '>', never '<' (nor may anything else in a tag).
  const restStart = j;
  let quote = 0;
  let end = -1;
  for (; j < n; j++) {
    const c = xml.charCodeAt(j);
    if (c === LT) break;
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === QUOTE || c === APOS) quote = c;
    else if (c === GT) {
      end = j;
      break;
    }
  }
  if (end === -1) handler.problem?.('a tag that never closes');
  const tagEnd = end === -1 ? j : end;
  if (closing) handler.close?.(name);
  else {
    const selfClosing = end !== -1 && xml.charCodeAt(end - 1) === SLASH;
    handler.open?.(name, xml.slice(restStart, selfClosing ? end - 1 : tagEnd), selfClosing);
  }
  return end === -1 ? j : end + 1;
}

function through(xml: string, from: number, terminator: string, what: string, handler: XmlHandler): number {
  const end = xml.indexOf(terminator, from);
  if (end !== -1) return end + terminator.length;
  handler.problem?.(`${what} that never closes`);
  return xml.length;
}

/** The end of `<!DOCTYPE …>` or another declaration, past any `[internal subset]` and quoted text. */
function declarationEnd(xml: string, from: number): number {
  let depth = 0;
  let quote = 0;
  for (let j = from; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === QUOTE || c === APOS) quote = c;
    else if (c === 0x5b) depth++;
    else if (c === 0x5d) depth = Math.max(0, depth - 1);
    else if (c === GT && depth === 0) return j + 1;
  }
  return xml.length;
}

/** Each attribute in a start tag's attribute text, in order (values decoded), until `visit` returns true; malformed parts are skipped. */
function eachAttribute(text: string, visit: (name: string, value: string) => boolean): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === SLASH)) i++;
    const nameStart = i;
    while (i < n && text[i] !== '=' && !isSpace(text.charCodeAt(i))) i++;
    const name = text.slice(nameStart, i);
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (text[i] !== '=') continue;
    i++;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") continue;
    const close = text.indexOf(quote, i + 1);
    const valueEnd = close === -1 ? n : close;
    if (name && visit(name, decodeXmlText(text.slice(i + 1, valueEnd)))) return;
    i = valueEnd + 1;
  }
}

/** The attributes of a start tag's attribute text (names with their prefix, values decoded), the first of a name winning. */
export function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  eachAttribute(text, (name, value) => {
    if (!out.has(name)) out.set(name, value);
    return false;
  });
  return out;
}

/** The value of the first attribute called `name` (with its prefix) in a start tag's attribute text. */
export function attribute(text: string, name: string): string | undefined {
  let found: string | undefined;
  eachAttribute(text, (candidate, value) => {
    if (candidate !== name) return false;
    found = value;
    return true;
  });
  return found;
}

/**
 * Why `xml` is not well-formed, or undefined: every tag closed, in order, and no deeper than
 * `maxDepth`; every comment, section and tag ended; no declaration. Used before handing XML to a
 * parser that is slow on such input (it does not check what such a parser checks quickly).
 */
export function xmlProblem(xml: string, maxDepth: number): string | undefined {
  const open: string[] = [];
  let problem: string | undefined;
  scanXml(xml, {
    open: (name, _attributes, selfClosing) => {
      if (selfClosing) return;
      if (open.length >= maxDepth) problem ??= `elements nested more than ${maxDepth} deep`;
      else open.push(name);
    },
    close: (name) => {
      if (open.at(-1) === name) open.pop();
      else problem ??= 'an end tag that does not match its start tag';
    },
    problem: (what) => {
      problem ??= what;
    },
  });
  return problem ?? (open.length ? 'an element that never closes' : undefined);
}
