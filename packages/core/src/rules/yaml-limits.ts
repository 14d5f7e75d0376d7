/**
 * Limits on what a YAML or JSON data file may make the parser do, so that a hostile config or pack
 * costs time in proportion to its size and never echoes its text: nesting depth (checked on the
 * lexer's tokens before the recursive parts of the yaml package run), keys (plain strings, each once,
 * checked in linear time), aliases (the alias count caps a "billion laughs"), and the yaml package's
 * problems told in words of our own.
 */
import { CST, type Document, isAlias, isNode, isScalar, Lexer, type Node, visit } from 'yaml';
import { ReframeFileError, ReframeFileErrors } from '../errors.js';

/** Collections nested deeper than this are refused (a config needs 3 levels, a pack 6). */
export const MAX_DEPTH = 64;
/** At most this many problems are reported from one file (a file of ten thousand bad keys gets the first ones). */
export const MAX_PROBLEMS = 20;
/** An alias may stand for at most this many nodes in all (a "billion laughs" alias bomb stops here). */
export const MAX_ALIAS_COUNT = 100;

/**
 * The yaml package's problems, in words without the source text: its messages may quote the file
 * ("Unexpected scalar token in YAML stream: …", "Unresolved tag: !…"), and a file that fails to parse
 * may be one that was never meant to be read.
 */
export const YAML_PROBLEMS: Readonly<Record<string, string>> = {
  ALIAS_PROPS: 'an alias cannot have a tag or an anchor',
  BAD_ALIAS: 'an alias that is not valid',
  BAD_COLLECTION_TYPE: 'a collection of the wrong type',
  BAD_DIRECTIVE: 'a directive that is not valid',
  BAD_DQ_ESCAPE: 'an invalid escape sequence in a double-quoted string',
  BAD_INDENT: 'indentation that does not line up',
  BAD_PROP_ORDER: 'an anchor and a tag in the wrong order',
  BAD_SCALAR_START: 'a plain value cannot start with this character',
  BLOCK_AS_IMPLICIT_KEY: 'a nested block used as a key',
  BLOCK_IN_FLOW: 'a block inside a flow collection',
  DUPLICATE_KEY: 'Map keys must be unique',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters',
  MISSING_CHAR: 'a missing closing character',
  MULTILINE_IMPLICIT_KEY: 'a key that runs over more than one line',
  MULTIPLE_ANCHORS: 'more than one anchor on a node',
  MULTIPLE_DOCS: 'more than one document',
  MULTIPLE_TAGS: 'more than one tag on a node',
  NON_STRING_KEY: 'a key that is not a string',
  RESOURCE_EXHAUSTION: 'collections nested too deep',
  TAB_AS_INDENT: 'a tab used as indentation',
  TAG_RESOLVE_FAILED: 'a tag that cannot be resolved',
  UNEXPECTED_TOKEN: 'unexpected text',
};

/** Lexer tokens that stand for no text (document mode, scalar and flow-error markers). */
const CONTROL = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * The offset where collections first nest deeper than MAX_DEPTH, from the lexer's tokens (linear, and
 * it stops there): flow brackets counted exactly, block levels from the columns of the lines and of
 * the `-`, `?` and `key:` indicators. The yaml package's parser slows down on deep nesting and its
 * composer recurses, so this runs first. Undefined when the nesting is shallow enough.
 */
export function tooDeepAt(text: string): number | undefined {
  let offset = 0;
  let column = 0;
  let flow = 0;
  let lineStart = true;
  /** Columns of the open block collections. */
  const levels: number[] = [];
  /** Column where the current key's first token began on this line, if any. */
  let keyColumn: number | undefined;
  const open = (at: number): boolean => {
    while (levels.length && (levels.at(-1) ?? 0) >= at) levels.pop();
    levels.push(at);
    return levels.length + flow > MAX_DEPTH;
  };
  let scalarNext = false;
  for (const source of new Lexer().lex(text)) {
    if (CONTROL.has(source)) {
      // The token after a scalar marker is the scalar's text, whatever its first character.
      scalarNext = source === '\u001f';
      continue;
    }
    const type = scalarNext ? 'scalar' : CST.tokenType(source);
    scalarNext = false;
    const start = offset;
    offset += source.length;
    if (type === 'newline') {
      column = 0;
      lineStart = true;
      keyColumn = undefined;
      continue;
    }
    const at = column;
    const lastBreak = source.lastIndexOf('\n');
    column = lastBreak >= 0 ? source.length - lastBreak - 1 : column + source.length;
    if (type === 'space' || type === 'comment') continue;
    if (type === 'doc-start' || type === 'doc-end') {
      levels.length = 0;
      flow = 0;
      continue;
    }
    // A line's first token closes the block collections at or right of its column.
    if (lineStart && flow === 0) while (levels.length && (levels.at(-1) ?? 0) > at) levels.pop();
    lineStart = false;
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      flow++;
      if (levels.length + flow > MAX_DEPTH) return start;
    } else if (type === 'flow-seq-end' || type === 'flow-map-end') {
      if (flow > 0) flow--;
    } else if (flow === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind')) {
      keyColumn = undefined;
      if (open(at)) return start;
    } else if (flow === 0 && type === 'map-value-ind') {
      if (open(keyColumn ?? at)) return start;
      keyColumn = undefined;
    } else if (keyColumn === undefined) keyColumn = at;
  }
  return undefined;
}

/** Keys are plain strings, each once per map (in linear time); returns the aliases, for messages about them. */
export function checkKeys(doc: Document, file: string, at: (offset: number | undefined) => { line: number; column: number }): Node[] {
  const problems: ReframeFileError[] = [];
  const aliases: Node[] = [];
  const problem = (offset: number | undefined, detail: string) => {
    const p = at(offset);
    if (problems.length < MAX_PROBLEMS) problems.push(new ReframeFileError(file, p.line, p.column, `invalid YAML/JSON: ${detail}`));
  };
  visit(doc, {
    Alias(_, node) {
      aliases.push(node);
    },
    Map(_, map) {
      const keys = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || (key.value !== null && typeof key.value === 'object')) {
          problem(isNode(key) ? key.range?.[0] : map.range?.[0], 'a key must be a plain string, not a collection or an alias');
          continue;
        }
        const name = String(key.value);
        if (keys.has(name)) problem(key.range?.[0], YAML_PROBLEMS.DUPLICATE_KEY ?? 'duplicate key');
        keys.add(name);
      }
    },
  });
  if (problems.length) throw new ReframeFileErrors(problems);
  return aliases;
}

/** The first alias naming an anchor not set before it. */
export function firstUnresolved(doc: Document, aliases: Node[]): Node | undefined {
  const anchors = new Map<string, number>();
  visit(doc, (_, node) => {
    if (isNode(node) && !isAlias(node) && node.anchor && !anchors.has(node.anchor)) anchors.set(node.anchor, node.range?.[0] ?? 0);
  });
  return aliases.find((a) => {
    const set = isAlias(a) ? anchors.get(a.source) : undefined;
    return set === undefined || set > (a.range?.[0] ?? 0);
  });
}
