/**
 * workspace/executeCommand: lint the workspace, explain a rule, apply every safe fix in a document,
 * and allow a phrase or disable a rule in the workspace's `.reframerc.json` (the quick fixes' commands).
 * Bad arguments and unknown commands are answered with a ResponseError.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint, nearestRuleId } from '@reframe/core';
import { type Connection, ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { bundledRuleIds, clientSettingsFor, settingsFor } from '../document-settings.js';
import { explainMarkdown } from '../explanations.js';
import { sizeLimit } from '../file-size-limit.js';
import { safeFixEdits } from '../finding-actions.js';
import { blockDiagnostic, isFindingData, ruleReference } from '../findings.js';
import { formatFor, isSupported } from '../languages.js';
import { DIAGNOSTIC_SOURCE, type FixAllResult, type LintWorkspaceResult, ServerCommand, type WorkspaceConfigResult } from '../protocol.js';
import type { ServerState } from '../server-state.js';
import { buildConfigEdit, type ConfigChange, WORKSPACE_CONFIG_NAME } from '../workspace-config-edit.js';
import { workspaceFiles } from '../workspace-files.js';
import { pathOf, workspaceRootFor } from '../workspace-folders.js';
import { fresh, relintAll } from './diagnostics.js';
import { safely } from './errors.js';

/** Every supported file in the workspace folders: open ones from their buffers, the rest from disk. */
async function lintWorkspace(connection: Connection, state: ServerState): Promise<LintWorkspaceResult> {
  let files = 0;
  let findings = 0;
  const bundled = bundledRuleIds(state);
  for (const folder of state.folders) {
    // One settings request per folder, not per file (a workspace may hold thousands of notes).
    const client = await clientSettingsFor(connection, state, pathToFileURL(folder).href);
    const folderSettings = settingsFor(state, pathToFileURL(join(folder, 'x')).href, client);
    for (const file of workspaceFiles(folder, folderSettings.isIgnored)) {
      const uri = pathToFileURL(file.path).href;
      const open = state.documents.get(uri);
      if (open) {
        const result = await fresh(connection, state, open);
        if (result) {
          files++;
          findings += result.diagnostics().filter((d) => d.source === DIAGNOSTIC_SOURCE && isFindingData(d.data)).length;
        }
        continue;
      }
      if (!client.enable || !isSupported(file.languageId, client.languages)) continue;
      const ok = await safely(connection, `linting ${file.path}`, false, () => {
        const settings = settingsFor(state, uri, client);
        if (settings.isIgnored(file.path) || statSync(file.path).size > sizeLimit(settings, client).bytes) return false;
        const text = readFileSync(file.path, 'utf8');
        const found = lint(text, { ruleSet: settings.ruleSet, config: settings.config, format: formatFor(file.languageId) });
        // The whole file as one block from line 0: core's lines and columns are the positions.
        const diagnostics = found.map((f) => blockDiagnostic(f, 0, (id) => bundled.has(id)));
        void connection.sendDiagnostics({ uri, diagnostics });
        findings += found.length;
        return true;
      });
      if (ok) files++;
    }
  }
  connection.console.log(`reframe: linted ${files} workspace files, ${findings} findings`);
  return { files, findings };
}

function explain(state: ServerState, ruleId: unknown): string {
  if (typeof ruleId !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'reframe.explain needs a rule id');
  const ruleSet = state.config.defaultRuleSet();
  const rule = ruleSet.rules.get(ruleId);
  if (!rule) {
    const near = nearestRuleId(ruleId, ruleSet.rules.keys());
    throw new ResponseError(ErrorCodes.InvalidParams, `unknown rule "${ruleId}"${near ? ` (did you mean "${near}"?)` : ''}`);
  }
  return explainMarkdown(rule, ruleReference(ruleId, true, rule.sources));
}

async function fixAll(connection: Connection, state: ServerState, uri: unknown): Promise<FixAllResult> {
  const doc = typeof uri === 'string' ? state.documents.get(uri) : undefined;
  if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, 'reframe.fixAll needs the uri of an open document');
  const result = await fresh(connection, state, doc);
  const edits = result ? safeFixEdits(doc, result.diagnostics()) : [];
  if (!edits.length) return { applied: false, fixes: 0 };
  const applied = await connection.workspace.applyEdit({ label: 'Reframe: apply safe fixes', edit: { changes: { [doc.uri]: edits } } });
  return { applied: applied.applied, fixes: edits.length };
}

/** Write the change into the workspace's .reframerc.json through the client (workspace/applyEdit). */
async function changeWorkspaceConfig(
  connection: Connection,
  state: ServerState,
  uri: unknown,
  change: ConfigChange,
): Promise<WorkspaceConfigResult> {
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'expected a document uri');
  const root = workspaceRootFor(state.folders, pathOf(uri));
  if (!root) throw new ResponseError(ErrorCodes.InvalidRequest, 'no workspace folder to write .reframerc.json to');
  const target = join(root, WORKSPACE_CONFIG_NAME);
  const targetUri = pathToFileURL(target).href;
  // The open buffer, else what we last wrote (editors may not have saved it yet), else the disk.
  let current = state.documents.get(targetUri)?.getText() ?? (state.config.hasPending(target) ? state.written.get(target) : undefined);
  if (current === undefined) {
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = undefined;
    }
  }
  const governing = state.config.configFileFor(root);
  const built = buildConfigEdit({ target, current, governing, change, canCreate: state.client.canCreateFiles });
  // Never write a config that would then be refused: schema, extends and packs, rule ids.
  const problem = 'error' in built ? undefined : state.config.problemWith(target, built.text);
  if ('error' in built || problem) {
    const why = 'error' in built ? built.error : `the change would leave ${target} invalid (${problem}); nothing was written`;
    connection.console.warn(`reframe: ${why}`);
    // A client that cannot show it answers with an error: that must not end the server.
    Promise.resolve(connection.window.showErrorMessage(`Reframe: ${why}`)).catch(() => undefined);
    return { applied: false };
  }
  const label = change.allow ? 'Reframe: allow phrase' : 'Reframe: disable rule';
  const response = await connection.workspace.applyEdit({ label, edit: built.edit });
  if (response.applied) {
    state.written.set(target, built.text);
    // Editors may leave the edited file unsaved; the change applies now and the saved file takes over.
    state.config.addPending(target, {
      ...(change.allow ? { allow: [change.allow] } : {}),
      ...(change.ruleOff ? { rulesOff: [change.ruleOff] } : {}),
    });
    relintAll(connection, state);
  }
  return { applied: response.applied, file: target };
}

/** A rule id as packs write them: category/name (the pack schema's pattern). */
const RULE_ID = /^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;

/** Turn a rule off in the workspace config: only a rule of the document's rule set, by its exact id. */
async function disableRule(connection: Connection, state: ServerState, uri: unknown, ruleId: string): Promise<WorkspaceConfigResult> {
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'expected a document uri');
  if (!RULE_ID.test(ruleId))
    throw new ResponseError(ErrorCodes.InvalidParams, 'reframe.disableRule needs a rule id of the form category/name');
  const { ruleSet } = settingsFor(state, uri, await clientSettingsFor(connection, state, uri));
  if (!ruleSet.rules.has(ruleId)) {
    const near = nearestRuleId(ruleId, ruleSet.rules.keys());
    throw new ResponseError(ErrorCodes.InvalidParams, `unknown rule "${ruleId}"${near ? ` (did you mean "${near}"?)` : ''}`);
  }
  return changeWorkspaceConfig(connection, state, uri, { ruleOff: ruleId });
}

export function registerCommands(connection: Connection, state: ServerState): void {
  connection.onExecuteCommand((params) =>
    safely<unknown>(connection, params.command, null, () => {
      const args = params.arguments ?? [];
      switch (params.command) {
        case ServerCommand.lintWorkspace:
          return lintWorkspace(connection, state);
        case ServerCommand.explain:
          return explain(state, args[0]);
        case ServerCommand.fixAll:
          return fixAll(connection, state, args[0]);
        case ServerCommand.allowPhrase:
          return typeof args[1] === 'string' && args[1] ? changeWorkspaceConfig(connection, state, args[0], { allow: args[1] }) : null;
        case ServerCommand.disableRule:
          return typeof args[1] === 'string' && args[1] ? disableRule(connection, state, args[0], args[1]) : null;
        default:
          throw new ResponseError(ErrorCodes.MethodNotFound, `unknown command ${params.command}`);
      }
    }),
  );
}
