/** The extension's own commands (the server's commands are called through ReframeClient). */

import { DIAGNOSTIC_SOURCE, type LintWorkspaceResult, SETTINGS_SECTION, ServerCommand } from '@reframe/language-server/protocol';
import * as vscode from 'vscode';
import type { RuleIndexEntry } from './bundleLayout';
import { errorMessage, type ReframeClient, ReframeOffError } from './client';
import { Command } from './commandIds';
import { pickRule, showRulePage } from './ruleReference';

export function registerCommands(client: ReframeClient, rules: () => RuleIndexEntry[]): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Command.lintWorkspace, () => reportErrors(lintWorkspace(client))),
    vscode.commands.registerCommand(Command.explainAtCursor, () => reportErrors(explainAtCursor())),
    vscode.commands.registerCommand(Command.fixAllInFile, (uri?: vscode.Uri) => reportErrors(fixAllInFile(client, uri))),
    vscode.commands.registerCommand(Command.openRuleReference, (ruleId?: string) => reportErrors(openRuleReference(rules(), ruleId))),
    vscode.commands.registerCommand(Command.toggleWorkspace, () => reportErrors(toggleWorkspace())),
  ];
}

async function lintWorkspace(client: ReframeClient): Promise<LintWorkspaceResult | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Reframe: open a folder to lint a workspace.');
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Reframe: linting the workspace…' },
    () => client.executeServerCommand<LintWorkspaceResult>(ServerCommand.lintWorkspace),
  );
  void vscode.window.showInformationMessage(
    `Reframe: ${result.findings} ${result.findings === 1 ? 'finding' : 'findings'} in ${result.files} ${result.files === 1 ? 'file' : 'files'}.`,
  );
  if (result.findings > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return result;
}

/** The Reframe finding under the cursor, else the first one on the cursor's line. */
export function findingAtCursor(editor: vscode.TextEditor): vscode.Diagnostic | undefined {
  const position = editor.selection.active;
  const ours = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
  return ours.find((d) => d.range.contains(position)) ?? ours.find((d) => d.range.start.line === position.line);
}

/** The rule id is the diagnostic's `code` (a link to the rule's reference when it has one). */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

async function explainAtCursor(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const finding = editor && findingAtCursor(editor);
  const ruleId = finding && ruleIdOf(finding);
  if (!ruleId) {
    const choice = await vscode.window.showInformationMessage('Reframe: no finding under the cursor.', 'Open rule reference');
    if (choice) await vscode.commands.executeCommand(Command.openRuleReference);
    return undefined;
  }
  await showRulePage(ruleId);
  return ruleId;
}

async function fixAllInFile(client: ReframeClient, target?: vscode.Uri): Promise<void> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Reframe: open a file to fix.');
    return;
  }
  // The server computes the safe fixes and applies them with workspace/applyEdit (one undo step).
  await client.executeServerCommand(ServerCommand.fixAll, [uri.toString()]);
}

async function openRuleReference(rules: RuleIndexEntry[], ruleId?: string): Promise<string | undefined> {
  const id = typeof ruleId === 'string' ? ruleId : await pickRule(rules);
  if (id) await showRulePage(id);
  return id;
}

async function toggleWorkspace(): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const enable = !config.get<boolean>('enable', true);
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  // The configuration listener in extension.ts starts or stops the server.
  await config.update('enable', enable, target);
  void vscode.window.showInformationMessage(`Reframe is now ${enable ? 'on' : 'off'} for this workspace.`);
  return enable;
}

/** Command failures become one notification; the result is passed through for callers such as tests. */
async function reportErrors<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ReframeOffError) {
      const choice = await vscode.window.showInformationMessage(error.message, 'Turn on');
      if (choice) await vscode.commands.executeCommand(Command.toggleWorkspace);
    } else {
      void vscode.window.showErrorMessage(`Reframe: ${errorMessage(error)}`);
    }
    return undefined;
  }
}
