/** Reading one config file: .json, .yaml/.yml, or package.json's "reframe" key, validated against the config schema. */
import { basename } from 'node:path';
import type { ReframeConfig } from '../config/resolve.js';
import { type ParsedData, parseData } from '../rules/validate.js';
import { validateAgainst } from './read.js';
import { CONFIG_SIZE_LIMIT, readRegularFile } from './safe-read.js';

/** A validated config and where its settings are in the file. */
export interface ConfigData {
  config: ReframeConfig;
  /** Line and column of the value at a path in the config (`['extends', 0]`), for messages about it. */
  locate: (path: Array<string | number>) => { line: number; column: number };
}

/**
 * Read (a regular file of at most 1 MB) and validate a config file; `text`, when given, stands for
 * the file's content (a config about to be written).
 */
export function readConfigData(file: string, text?: string): ConfigData {
  const parsed = parseData(text ?? readRegularFile(file, CONFIG_SIZE_LIMIT, 'config file'), file);
  if (basename(file) === 'package.json') {
    const pkg = parsed.value as { reframe?: unknown } | null;
    const locate = (path: Array<string | number>) => parsed.locate(['reframe', ...path]);
    if (!pkg || typeof pkg !== 'object' || pkg.reframe === undefined) return { config: {}, locate };
    const inner: ParsedData = { value: pkg.reframe, locate: (path, key) => parsed.locate(['reframe', ...path], key) };
    validateAgainst(inner, 'config', file);
    return { config: pkg.reframe as ReframeConfig, locate };
  }
  const locate = (path: Array<string | number>) => parsed.locate(path);
  if (parsed.value === null || parsed.value === undefined) return { config: {}, locate };
  validateAgainst(parsed, 'config', file);
  return { config: parsed.value as ReframeConfig, locate };
}

/** Read and validate a config file (.json, .yaml/.yml, or package.json's "reframe" key). */
export function loadConfigFile(file: string): ReframeConfig {
  return readConfigData(file).config;
}
