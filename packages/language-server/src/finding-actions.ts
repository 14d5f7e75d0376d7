/**
 * Quick fixes for findings, built from the server's copy of each diagnostic and its finding data
 * (never from the message; the client's copy, also in the actions, carries only its start in `data`):
 * replace with a suggestion, replace every finding of the rule in the file, apply every safe fix,
 * ignore the line (a directive in the file's comment syntax), allow the phrase or disable the rule
 * in the workspace config (commands the server runs through workspace/applyEdit).
 */
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type FindingDiagnostic, isFindingData, onTheWire, replacements } from './findings.js';
import { directiveLine } from './languages.js';
import { ActionKind, DIAGNOSTIC_SOURCE, isWireData, ServerCommand } from './protocol.js';
import { allowPattern } from './workspace-config-edit.js';

function isFinding(d: Diagnostic): d is FindingDiagnostic {
  return d.source === DIAGNOSTIC_SOURCE && isFindingData(d.data);
}

/** The text under the diagnostic must still be what was flagged, or the edit would hit other words. */
function stillThere(doc: TextDocument, d: FindingDiagnostic): boolean {
  return doc.getText(d.range) === d.data.actual;
}

const sameRange = (a: Range, b: Range): boolean =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

/**
 * The server's own diagnostics for those the client sent back (rule id in `code`, start in `data`).
 * Some clients echo only part of a diagnostic (Neovim 0.7 may send code and data without range or
 * source), so match on rule id and range when there is one, else on rule id and start position.
 */
function resolveContext(context: Diagnostic[], current: FindingDiagnostic[]): FindingDiagnostic[] {
  const out: FindingDiagnostic[] = [];
  for (const d of context) {
    const ruleId = d.code;
    if (!isWireData(d.data) || typeof ruleId !== 'string') continue;
    const { line, character } = d.data;
    const match = current.find(
      (c) =>
        c.data.ruleId === ruleId &&
        (d.range ? sameRange(c.range, d.range) : c.range.start.line === line && c.range.start.character === character),
    );
    if (match && !out.includes(match)) out.push(match);
  }
  return out;
}

function wanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Edits for every safe fix in the document (non-overlapping, in order), from offsets in `data.fix`. */
export function safeFixEdits(doc: TextDocument, findings: Diagnostic[]): TextEdit[] {
  const edits: TextEdit[] = [];
  let last = -1;
  const fixes = findings
    .filter(isFinding)
    .flatMap((d) => (d.data.fix ? [{ fix: d.data.fix, actual: d.data.actual }] : []))
    .sort((a, b) => a.fix.range[0] - b.fix.range[0]);
  for (const { fix, actual } of fixes) {
    const [start, end] = fix.range;
    if (start < last) continue;
    if (doc.getText().slice(start, end) !== actual) continue;
    edits.push({ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText: fix.text });
    last = end;
  }
  return edits;
}

function lineIndent(doc: TextDocument, line: number): string {
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return /^[ \t]*/.exec(text)?.[0] ?? '';
}

/** The directive line(s) that silence this rule here: next-line, or disable/enable around a span. */
export function ignoreEdits(doc: TextDocument, range: Range, ruleId: string): TextEdit[] {
  const startLine = range.start.line;
  const indent = lineIndent(doc, startLine);
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  const at = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 0 } });
  if (range.end.line === startLine) {
    return [{ range: at(startLine), newText: `${indent}${directiveLine(doc.languageId, 'reframe-disable-next-line', ruleId)}${eol}` }];
  }
  const endLine = range.end.line;
  const lastLine = doc.lineCount - 1;
  const enable = `${indent}${directiveLine(doc.languageId, 'reframe-enable', ruleId)}`;
  return [
    { range: at(startLine), newText: `${indent}${directiveLine(doc.languageId, 'reframe-disable', ruleId)}${eol}` },
    endLine >= lastLine
      ? { range: { start: doc.positionAt(doc.getText().length), end: doc.positionAt(doc.getText().length) }, newText: `${eol}${enable}` }
      : { range: at(endLine + 1), newText: `${enable}${eol}` },
  ];
}

export function codeActions(doc: TextDocument, context: Diagnostic[], all: Diagnostic[], only: string[] | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const uri = doc.uri;
  const current = all.filter(isFinding).filter((d) => stillThere(doc, d));
  const seenRules = new Set<string>();
  const requested = resolveContext(context, current);
  for (const d of requested) {
    const { data } = d;
    const preferred = data.suggestions[0];
    if (wanted(ActionKind.replace, only)) {
      for (const s of replacements(data)) {
        actions.push({
          title: `Replace with “${s}”`,
          kind: ActionKind.replace,
          diagnostics: [onTheWire(d)],
          isPreferred: s === preferred,
          edit: { changes: { [uri]: [{ range: d.range, newText: s }] } },
        });
      }
    }
    const sameRule = current.filter((x) => x.data.ruleId === data.ruleId && replacements(x.data).length > 0);
    if (sameRule.length > 1 && !seenRules.has(data.ruleId) && wanted(ActionKind.replaceAll, only)) {
      actions.push({
        title: `Replace all ${sameRule.length} “${data.ruleId}” findings in this file`,
        kind: ActionKind.replaceAll,
        diagnostics: sameRule.map(onTheWire),
        edit: { changes: { [uri]: sameRule.map((x) => ({ range: x.range, newText: replacements(x.data)[0] ?? x.data.actual })) } },
      });
    }
    if (wanted(ActionKind.ignoreLine, only)) {
      actions.push({
        title: `Ignore “${data.ruleId}” on this line`,
        kind: ActionKind.ignoreLine,
        diagnostics: [onTheWire(d)],
        edit: { changes: { [uri]: ignoreEdits(doc, d.range, data.ruleId) } },
      });
    }
    // Allow the term itself, not the article or verb the repair took in with it.
    const phrase = allowPattern(data.term ?? data.actual);
    if (phrase && wanted(ActionKind.allowPhrase, only)) {
      const title = `Allow “${phrase}” in this workspace`;
      actions.push({
        title,
        kind: ActionKind.allowPhrase,
        diagnostics: [onTheWire(d)],
        command: { title, command: ServerCommand.allowPhrase, arguments: [uri, phrase] },
      });
    }
    if (!seenRules.has(data.ruleId) && wanted(ActionKind.disableRule, only)) {
      const title = `Disable rule “${data.ruleId}” in this workspace`;
      actions.push({
        title,
        kind: ActionKind.disableRule,
        diagnostics: [onTheWire(d)],
        command: { title, command: ServerCommand.disableRule, arguments: [uri, data.ruleId] },
      });
    }
    seenRules.add(data.ruleId);
  }
  // Offered alongside quick fixes and on its own for "fix all on save" (kind source.fixAll).
  if ((requested.length || only?.length) && wanted(ActionKind.fixAll, only)) {
    const edits = safeFixEdits(doc, current);
    if (edits.length) {
      actions.push({
        title: `Apply all ${edits.length} safe Reframe fixes in this file`,
        kind: ActionKind.fixAll,
        diagnostics: current.filter((d) => d.data.fix).map(onTheWire),
        edit: { changes: { [uri]: edits } },
      });
    }
  }
  return actions;
}
