/** Reading core's data files from disk: text, parsed YAML or JSON, the JSON Schemas, the packs of a rules folder. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORE_DIR } from '../paths.js';
import { type ParsedData, parseData, validateData } from '../rules/validate.js';
import { PACK_SIZE_LIMIT, readRegularFile } from './safe-read.js';

/** packages/core/schema, next to dist/ and src/. */
export const SCHEMA_DIR = join(CORE_DIR, 'schema');
/** The bundled rules/ folder at the repository root. */
export const DEFAULT_RULES_DIR = resolve(CORE_DIR, '..', '..', 'rules');

const RESERVED = new Set(['sources.yml', 'context.yml']);

export function packNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n) && !RESERVED.has(n))
    .sort();
}

let packSchema: object | undefined;
let configSchema: object | undefined;
export function loadSchema(name: 'pack' | 'config'): object {
  if (name === 'pack') return (packSchema ??= JSON.parse(readFileSync(join(SCHEMA_DIR, 'pack.schema.json'), 'utf8')) as object);
  return (configSchema ??= JSON.parse(readFileSync(join(SCHEMA_DIR, 'config.schema.json'), 'utf8')) as object);
}

/** Parse a rule pack (or the rules folder's sources.yml and context.yml): a regular file of at most 4 MB. */
export function parseFile(file: string): ParsedData {
  return parseData(readRegularFile(file, PACK_SIZE_LIMIT, 'rule pack'), file);
}

/** Validate parsed data against one of core's schemas, reporting problems at file:line:column. */
export function validateAgainst(parsed: ParsedData, schema: 'pack' | 'config', file: string): void {
  validateData(parsed, loadSchema(schema), file);
}
