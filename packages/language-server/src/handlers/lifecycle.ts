/**
 * The start and end of a session: `initialize` records what the client can do, where the rules are,
 * the workspace folders and any pushed settings, and answers with the server's capabilities;
 * `shutdown` cancels the lints still waiting.
 */
import { type Connection, type InitializeParams, type InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { ConfigStore } from '../config-store.js';
import { ActionKind, type InitializationOptions, ServerCommand } from '../protocol.js';
import type { ServerState } from '../server-state.js';
import { initialFolders } from '../workspace-folders.js';
import { configProblemReporter } from './configuration.js';

export function registerLifecycle(connection: Connection, state: ServerState): void {
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    const rulesDir =
      typeof options.rulesDir === 'string' && options.rulesDir ? options.rulesDir : process.env.REFRAME_RULES_DIR || undefined;
    state.config = new ConfigStore(rulesDir, configProblemReporter(connection));
    const workspace = params.capabilities.workspace;
    const canPullConfig = workspace?.configuration === true;
    state.client = {
      canPullConfig,
      canWatchDynamically: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      canRegisterSettings: canPullConfig && workspace?.didChangeConfiguration?.dynamicRegistration === true,
      hasFolderEvents: workspace?.workspaceFolders === true,
      canCreateFiles: workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
      wantsDocumentGenre: options.documentGenre === true,
    };
    state.folders = initialFolders(params);
    state.pushedSettings = options.settings;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: ['quickfix', ActionKind.fixAll] },
        hoverProvider: true,
        executeCommandProvider: { commands: Object.values(ServerCommand) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'reframe-language-server', version: '0.1.0' },
    };
  });

  connection.onShutdown(() => state.cancelAllLints());
}
