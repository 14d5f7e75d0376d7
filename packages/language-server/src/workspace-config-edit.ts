/**
 * Edits to the workspace config file `.reframerc.json` for "allow this phrase" and "disable this
 * rule": merged into the file when it exists, created when it does not. A new file extends the config
 * that governed the workspace before (a sibling .reframerc.yaml, package.json "reframe", a parent's
 * file), so creating it loses nothing.
 */
import { dirname, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const WORKSPACE_CONFIG_NAME = '.reframerc.json';

export interface ConfigChange {
  allow?: string;
  ruleOff?: string;
}

export interface ConfigEditInput {
  /** Absolute path of the workspace's .reframerc.json. */
  target: string;
  /** Its current text (open buffer or disk), undefined when the file does not exist. */
  current: string | undefined;
  /** The config file that governs the workspace root today, if any. */
  governing: string | undefined;
  change: ConfigChange;
  /** The client can create files through `documentChanges`. */
  canCreate: boolean;
}

export type ConfigEditResult = { edit: WorkspaceEdit; text: string } | { error: string };

type JsonObject = Record<string, unknown>;

/** The phrase as an allow pattern: words only, pattern operators dropped, whitespace collapsed. */
export function allowPattern(actual: string): string {
  return actual
    .replace(/[()?|~*@#]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function applyChange(config: JsonObject, change: ConfigChange): JsonObject {
  const out = { ...config };
  if (change.allow) {
    const allow = Array.isArray(out.allow) ? [...(out.allow as unknown[])] : [];
    if (!allow.includes(change.allow)) allow.push(change.allow);
    out.allow = allow;
  }
  if (change.ruleOff) {
    const rules = typeof out.rules === 'object' && out.rules !== null && !Array.isArray(out.rules) ? { ...(out.rules as JsonObject) } : {};
    rules[change.ruleOff] = 'off';
    out.rules = rules;
  }
  return out;
}

export function buildConfigEdit(input: ConfigEditInput): ConfigEditResult {
  const uri = pathToFileURL(input.target).href;
  let config: JsonObject = {};
  if (input.current !== undefined && input.current.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input.current);
    } catch (error) {
      return { error: `${input.target} is not valid JSON (${(error as Error).message}); fix it first` };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: `${input.target} must hold a JSON object` };
    config = parsed as JsonObject;
  } else if (input.current === undefined && input.governing && input.governing !== input.target) {
    const rel = relative(dirname(input.target), input.governing).split(sep).join('/');
    config = { extends: rel.startsWith('../') ? rel : `./${rel}` };
  }
  const text = `${JSON.stringify(applyChange(config, input.change), null, 2)}\n`;
  if (input.current !== undefined) {
    const doc = TextDocument.create(uri, 'json', 0, input.current);
    const range = { start: { line: 0, character: 0 }, end: doc.positionAt(input.current.length) };
    return { edit: { changes: { [uri]: [{ range, newText: text }] } }, text };
  }
  const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (input.canCreate) {
    return {
      edit: {
        documentChanges: [
          { kind: 'create', uri, options: { ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: [{ range: at, newText: text }] },
        ],
      },
      text,
    };
  }
  // Clients without resource operations create the file when they save the edited buffer.
  return { edit: { changes: { [uri]: [{ range: at, newText: text }] } }, text };
}
