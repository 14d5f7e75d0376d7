/** Entry point: wires the language client, commands, the rule pages and the language status item. */

import { SETTINGS_SECTION } from '@reframe/language-server/protocol';
import * as vscode from 'vscode';
import type { RuleIndexEntry } from './bundleLayout';
import { errorMessage, ReframeClient } from './client';
import { registerCommands } from './commands';
import { loadRuleIndex, RULE_SCHEME, RulePageProvider } from './ruleReference';
import { readClientSettings } from './settings';
import { FindingStatus } from './status';

/** What `activate` returns; the end-to-end harness reads it, nothing else should rely on it. */
export interface ReframeApi {
  isRunning(): boolean;
  statusText(): string;
  statusDetail(): string | undefined;
}

let controller: ReframeClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ReframeApi> {
  // Server and client log here. Neither writes document text: only counts, rule ids and file names.
  const log = vscode.window.createOutputChannel('Reframe', { log: true });
  const client = new ReframeClient(context, log);
  controller = client;
  const status = new FindingStatus(client);
  let rules: RuleIndexEntry[] | undefined;

  context.subscriptions.push(
    log,
    client,
    status,
    vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, new RulePageProvider(client)),
    ...registerCommands(client, () => (rules ??= loadRuleIndex(context))),
    vscode.workspace.onDidChangeConfiguration((event) => void onConfigurationChanged(event, client, status, log)),
  );

  // Context keys for the editor context menu.
  const updateContext = () => {
    void vscode.commands.executeCommand('setContext', 'reframe.active', client.running);
    void vscode.commands.executeCommand('setContext', 'reframe.languages', readClientSettings().languages);
  };
  context.subscriptions.push(client.onDidChangeState(updateContext));
  updateContext();

  if (readClientSettings().enable) await startSafely(client, log);
  return {
    isRunning: () => client.running,
    statusText: () => status.text,
    statusDetail: () => status.detail,
  };
}

async function onConfigurationChanged(
  event: vscode.ConfigurationChangeEvent,
  client: ReframeClient,
  status: FindingStatus,
  log: vscode.LogOutputChannel,
): Promise<void> {
  // Other reframe.* settings reach the server through workspace/configuration; these two need a (re)start.
  if (event.affectsConfiguration(`${SETTINGS_SECTION}.enable`)) {
    if (readClientSettings().enable) await startSafely(client, log);
    else await client.stop();
  } else if (event.affectsConfiguration(`${SETTINGS_SECTION}.languages`)) {
    status.recreate();
    if (client.running) await client.restart().catch((error: unknown) => log.error(errorMessage(error)));
  } else if (event.affectsConfiguration(`${SETTINGS_SECTION}.preset`)) {
    status.update();
  }
}

async function startSafely(client: ReframeClient, log: vscode.LogOutputChannel): Promise<void> {
  try {
    await client.start();
  } catch (error) {
    log.show(true);
    void vscode.window.showErrorMessage(`Reframe: the language server could not start: ${errorMessage(error)}`);
  }
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
