/**
 * Parse YAML or JSON data and validate it against a JSON Schema, reporting every problem with the
 * file, line and column it concerns. Pure: the caller supplies the text.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isNode, isPair, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import { nearestRuleId } from '../config/resolve.js';
import { ReframeFileError, ReframeFileErrors } from '../errors.js';

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
  // Core schema only: no custom tags, nothing that could construct objects or run code.
  const doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ReframeFileErrors(
      doc.errors.map((e) => {
        // Without prettyErrors some errors (a duplicate key) carry only an offset: place them from it.
        const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        return new ReframeFileError(file, pos.line, pos.col, `invalid YAML/JSON: ${e.message.split('\n')[0]}`);
      }),
    );
  }
  const at = (offset: number | undefined) => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  return {
    value: doc.toJS({ maxAliasCount: 100 }),
    locate(path, key) {
      let node: unknown = path.length ? doc.getIn(path, true) : doc.contents;
      // Walk up to the nearest existing node.
      let p = path;
      while (!isNode(node) && p.length > 0) {
        p = p.slice(0, -1);
        node = p.length ? doc.getIn(p, true) : doc.contents;
      }
      if (key !== undefined && isMap(node)) {
        const pair = node.items.find((i) => isPair(i) && isScalar(i.key) && i.key.value === key);
        if (pair && isNode(pair.key)) return at((pair.key as Node).range?.[0]);
      }
      return at(isNode(node) ? node.range?.[0] : 0);
    },
  };
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
    throw new ReframeFileError(file, line, column, `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}

function describe(error: ErrorObject): string {
  const where = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
  const subject = where || 'the file';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const near = nearestRuleId(key, known);
      return `unknown key "${key}" in ${subject}${near ? ` (did you mean "${near}"?)` : ''}`;
    }
    case 'enum':
      return `${subject} must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(error.data)})`;
    case 'required':
      return `${subject} is missing "${String(error.params.missingProperty)}"`;
    case 'type':
      return `${subject} must be ${String(error.params.type)} (got ${Array.isArray(error.data) ? 'array' : typeof error.data})`;
    case 'minItems':
      return `${subject} needs at least ${String(error.params.limit)} item(s)`;
    case 'pattern': {
      // Schemas may say in words what the pattern accepts (a non-standard annotation; ajv runs with strict off).
      const expected = (error.parentSchema as { patternMessage?: string } | undefined)?.patternMessage;
      if (expected) return `${subject} must be ${expected} (got ${JSON.stringify(error.data)})`;
      return `${subject} ${JSON.stringify(error.data)} does not have the expected form (${String(error.params.pattern)})`;
    }
    case 'minimum':
      return `${subject} must be at least ${String(error.params.limit)} (got ${JSON.stringify(error.data)})`;
    default:
      return `${subject} ${error.message ?? 'is invalid'}`;
  }
}

/** Drop the noise `oneOf` produces: keep the most specific error for each place. */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const deeper = (e: ErrorObject) => errors.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`));
  let kept = errors.filter((e) => !(e.keyword === 'oneOf' && (deeper(e) || errors.length > 1)));
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
  const errors = simplify(validate.errors ?? []).map((e) => {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    const key = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined;
    const pos = parsed.locate(path, key);
    return new ReframeFileError(file, pos.line, pos.column, describe(e));
  });
  throw new ReframeFileErrors(errors);
}
