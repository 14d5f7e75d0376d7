/** Reading one config file: .json, .yaml/.yml, or package.json's "reframe" key, validated against the config schema. */
import { basename } from 'node:path';
import type { ReframeConfig } from '../config/resolve.js';
import type { ParsedData } from '../rules/validate.js';
import { parseFile, validateAgainst } from './read.js';

/** Read and validate a config file (.json, .yaml/.yml, or package.json's "reframe" key). */
export function loadConfigFile(file: string): ReframeConfig {
  const parsed = parseFile(file);
  if (basename(file) === 'package.json') {
    const pkg = parsed.value as { reframe?: unknown } | null;
    if (!pkg || pkg.reframe === undefined) return {};
    const inner: ParsedData = { value: pkg.reframe, locate: (path, key) => parsed.locate(['reframe', ...path], key) };
    validateAgainst(inner, 'config', file);
    return pkg.reframe as ReframeConfig;
  }
  if (parsed.value === null || parsed.value === undefined) return {};
  validateAgainst(parsed, 'config', file);
  return parsed.value as ReframeConfig;
}
