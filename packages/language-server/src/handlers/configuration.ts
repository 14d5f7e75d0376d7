/**
 * Configuration: problems in config files shown as diagnostics on those files; once initialized, the
 * registrations the client allows (watched config and pack files, settings changes, workspace
 * folders); and every open document linted again when settings, config files or folders change.
 */
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAMES } from '@reframe/core/node';
import {
  type Connection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node';
import type { Problem, ProblemReporter } from '../config-store.js';
import { DIAGNOSTIC_SOURCE, SETTINGS_SECTION } from '../protocol.js';
import type { ServerState } from '../server-state.js';
import { changedFolders, pathOf } from '../workspace-folders.js';
import { relintAll } from './diagnostics.js';
import { quietly } from './errors.js';

/** Config files (any of them may hold the `reframe` key or be an extra pack) whose changes re-lint. */
const CONFIG_GLOBS = [...CONFIG_FILE_NAMES.map((name) => `**/${name}`), '**/*.{yml,yaml}'];

/** Problems go on the file they are in; problems in client settings go to the log. */
export function configProblemReporter(connection: Connection): ProblemReporter {
  return (file: string, problems: Problem[]) => {
    if (file === '(settings)') {
      for (const p of problems) connection.console.warn(p.message);
      return;
    }
    const diagnostics: LspDiagnostic[] = problems.map((p) => ({
      range: { start: { line: p.line - 1, character: p.column - 1 }, end: { line: p.line - 1, character: p.column - 1 } },
      severity: DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      message: p.message,
    }));
    void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
    if (problems.length) connection.console.warn(`reframe: problems in ${file}; the last good configuration stays in use`);
  };
}

export function registerConfiguration(connection: Connection, state: ServerState): void {
  connection.onInitialized(() => {
    // Registration can fail (a client that claims support and then refuses): log it, carry on.
    if (state.client.canWatchDynamically) {
      const watchers = CONFIG_GLOBS.map((globPattern) => ({ globPattern }));
      quietly(connection, 'registering file watchers', () =>
        connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }),
      );
    }
    if (state.client.canRegisterSettings) {
      quietly(connection, 'registering for settings changes', () =>
        connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }),
      );
    }
    if (state.client.hasFolderEvents) {
      quietly(connection, 'watching workspace folders', () =>
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          state.folders = changedFolders(state.folders, event);
          state.config.invalidate();
          relintAll(connection, state);
        }),
      );
    }
    connection.console.log(`reframe: rules from ${state.config.rulesDir}`);
    // Compile the bundled rules now, so the first document opened does not wait for it.
    setImmediate(() => quietly(connection, 'loading rules', () => state.config.defaultRuleSet()));
  });

  connection.onDidChangeConfiguration((change) => {
    quietly(connection, 'applying settings', () => {
      const settings = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
      if (settings !== undefined) state.pushedSettings = settings;
      state.clientSettings.clear();
      state.config.clearResolved();
      relintAll(connection, state);
    });
  });

  connection.onDidChangeWatchedFiles((event) => {
    quietly(connection, 'reloading configuration', () => {
      for (const change of event.changes) {
        const path = pathOf(change.uri);
        if (path) state.config.dropPending(path);
      }
      state.config.invalidate();
      relintAll(connection, state);
    });
  });
}
