/**
 * Parse YAML or JSON data and validate it against a JSON Schema, reporting every problem with the
 * file, line and column it concerns. Pure: the caller supplies the text.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Composer, type Document, isMap, isNode, isPair, isScalar, LineCounter, type Node, Parser, YAMLParseError } from 'yaml';
import { nearestRuleId } from '../config/resolve.js';
import { isNameLike, ReframeFileError, ReframeFileErrors } from '../errors.js';
import { checkKeys, firstUnresolved, MAX_ALIAS_COUNT, MAX_DEPTH, MAX_PROBLEMS, tooDeepAt, YAML_PROBLEMS } from './yaml-limits.js';

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) compiled.set(schema, (v = ajv.compile(schema)));
  return v;
}

export interface ParsedData {
  value: unknown;
  /** Line and column of the node at a JSON path (or of its key when `key` is given). */
  locate(path: Array<string | number>, key?: string): { line: number; column: number };
}

/** YAML is a superset of JSON, so one parser serves both and gives positions for both. */
export function parseData(text: string, file: string): ParsedData {
  if (file.endsWith('.json')) checkJsonSyntax(text, file);
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined) => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  const fail = (offset: number | undefined, detail: string): never => {
    const p = at(offset);
    throw new ReframeFileError(file, p.line, p.column, `invalid YAML/JSON: ${detail}`);
  };
  // Deep nesting slows the parser down and makes the composer recurse: refused from the lexer's tokens first.
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const before = text.slice(0, deep).split(/\r\n|\r|\n/);
    const detail = `invalid YAML/JSON: collections nested more than ${MAX_DEPTH} levels deep`;
    throw new ReframeFileError(file, before.length, (before.at(-1)?.length ?? 0) + 1, detail);
  }
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  // Core schema only: no custom tags, nothing that could construct objects or run code. Keys are
  // checked for uniqueness below, in linear time (the yaml package's own check is quadratic).
  const composer = new Composer({ schema: 'core', uniqueKeys: false, prettyErrors: false });
  let doc: Document | undefined;
  for (const composed of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = composed as Document;
    else {
      doc.errors.push(new YAMLParseError(composed.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'more than one document'));
      break;
    }
  }
  if (!doc) return { value: null, locate: () => ({ line: 1, column: 1 }) };
  if (doc.errors.length > 0) {
    throw new ReframeFileErrors(
      doc.errors.slice(0, MAX_PROBLEMS).map((e) => {
        const p = at(e.pos[0]);
        return new ReframeFileError(file, p.line, p.column, `invalid YAML/JSON: ${YAML_PROBLEMS[e.code] ?? 'not valid YAML'}`);
      }),
    );
  }
  const parsedDoc = doc;
  const aliases = checkKeys(parsedDoc, file, at);
  let value: unknown;
  try {
    value = parsedDoc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/Excessive alias count/.test(message))
      fail(aliases[0]?.range?.[0], `aliases expand to too much data (an alias may stand for at most ${MAX_ALIAS_COUNT} nodes)`);
    if (/Unresolved alias/.test(message))
      fail(firstUnresolved(parsedDoc, aliases)?.range?.[0], 'an alias to an anchor that is not defined before it');
    if (error instanceof RangeError) fail(0, 'collections nested too deep');
    throw error;
  }
  return {
    value,
    locate(path, key) {
      let node: unknown = path.length ? parsedDoc.getIn(path, true) : parsedDoc.contents;
      // Walk up to the nearest existing node.
      let p = path;
      while (!isNode(node) && p.length > 0) {
        p = p.slice(0, -1);
        node = p.length ? parsedDoc.getIn(p, true) : parsedDoc.contents;
      }
      if (key !== undefined && isMap(node)) {
        const pair = node.items.find((i) => isPair(i) && isScalar(i.key) && i.key.value === key);
        if (pair && isNode(pair.key)) return at((pair.key as Node).range?.[0]);
      }
      return at(isNode(node) ? node.range?.[0] : 0);
    },
  };
}

/** What JSON.parse found wrong, in words: its messages quote the opening characters of the file. */
function jsonProblem(message: string): string {
  const known: Array<[RegExp, string]> = [
    [/Unexpected end of JSON input/, 'the file ends before the JSON value does'],
    [/Unterminated string/, 'a string that is not closed'],
    [/Bad control character/, 'a control character inside a string'],
    [/Bad (escaped character|Unicode escape)/, 'an invalid escape sequence in a string'],
    [/Expected (property name|double-quoted property name)/, 'expected a property name in double quotes'],
    [/Expected ',' or '\}'/, 'expected "," or "}"'],
    [/Expected ',' or '\]'/, 'expected "," or "]"'],
    [/Expected ':'/, 'expected ":" after a property name'],
    [/non-whitespace character after JSON/, 'more text after the JSON value'],
    [/number|minus sign|Exponent/i, 'a number that is not valid'],
    [/Unexpected token|Unexpected character/, 'unexpected character'],
  ];
  return known.find(([pattern]) => pattern.test(message))?.[1] ?? 'not valid JSON';
}

/** JSON.parse reports where strict JSON goes wrong more precisely than a YAML parser does. */
function checkJsonSyntax(text: string, file: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : 0;
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    throw new ReframeFileError(file, line, column, `invalid JSON: ${jsonProblem(message)}`);
  }
}

/** A value from the file as a message may show it: quoted when name-like, else only its kind. */
function shown(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  if (isNameLike(value)) return JSON.stringify(value);
  if (typeof value === 'string') return 'a string';
  return Array.isArray(value) ? 'a list' : `a${typeof value === 'object' ? 'n object' : ` ${typeof value}`}`;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => {
      if (/^\d+$/.test(s)) return `[${s}]`;
      const key = s.replace(/~1/g, '/').replace(/~0/g, '~');
      // A key that is not name-like is not repeated from the file.
      return isNameLike(key) ? `.${key}` : '.(a key)';
    })
    .join('')
    .replace(/^\./, '');
  const subject = where || 'the file';
  if (error.propertyName !== undefined) {
    // A key of the object at `subject` fails the schema's propertyNames.
    const expected = (error.parentSchema as { patternMessage?: string } | undefined)?.patternMessage ?? 'a valid key';
    return `${subject} has a key that is not ${expected} (got ${shown(error.propertyName)})`;
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      if (!isNameLike(key)) return `an unknown key in ${subject}`;
      const known = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const near = nearestRuleId(key, known);
      return `unknown key "${key}" in ${subject}${near ? ` (did you mean "${near}"?)` : ''}`;
    }
    case 'enum':
      return `${subject} must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (got ${shown(error.data)})`;
    case 'required':
      return `${subject} is missing "${String(error.params.missingProperty)}"`;
    case 'type':
      return `${subject} must be ${String(error.params.type)} (got ${Array.isArray(error.data) ? 'array' : typeof error.data})`;
    case 'minItems':
      return `${subject} needs at least ${String(error.params.limit)} item(s)`;
    case 'pattern': {
      // Schemas may say in words what the pattern accepts (a non-standard annotation; ajv runs with strict off).
      const expected = (error.parentSchema as { patternMessage?: string } | undefined)?.patternMessage;
      if (expected) return `${subject} must be ${expected} (got ${shown(error.data)})`;
      return `${subject} ${isNameLike(error.data) ? `${shown(error.data)} ` : ''}does not have the expected form (${String(error.params.pattern)})`;
    }
    case 'minimum':
      return `${subject} must be at least ${String(error.params.limit)} (got ${shown(error.data)})`;
    default:
      // ajv's own messages name the schema's limits, not the data.
      return `${subject} ${error.message ?? 'is invalid'}`;
  }
}

/** Drop the noise `oneOf` produces: keep the most specific error for each place. */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const deeper = (e: ErrorObject) => errors.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`));
  // propertyNames is told by the error about the key itself.
  let kept = errors.filter((e) => e.keyword !== 'propertyNames' && !(e.keyword === 'oneOf' && (deeper(e) || errors.length > 1)));
  kept = kept.filter((e) => {
    if (e.keyword !== 'type') return true;
    const others = kept.filter((o) => o !== e && o.keyword !== 'type');
    return !others.some((o) => o.instancePath === e.instancePath || o.instancePath.startsWith(`${e.instancePath}/`));
  });
  const seen = new Set<string>();
  return kept.filter((e) => {
    const k = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function validateData(parsed: ParsedData, schema: object, file: string): void {
  const validate = validatorFor(schema);
  if (validate(parsed.value)) return;
  // A file of thousands of bad keys: simplify and place only the first problems (each costs a lookup).
  const errors = simplify((validate.errors ?? []).slice(0, 10 * MAX_PROBLEMS))
    .slice(0, MAX_PROBLEMS)
    .map((e) => {
      const path = e.instancePath
        .split('/')
        .slice(1)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
      const key = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : e.propertyName;
      const pos = parsed.locate(path, key);
      return new ReframeFileError(file, pos.line, pos.column, describe(e));
    });
  throw new ReframeFileErrors(errors);
}
