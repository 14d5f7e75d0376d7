/**
 * The language server on one connection: one ServerState that the handlers share, and one module per
 * family of handlers (handlers/): the session's start and end, configuration, diagnostics, code
 * actions, hover and commands. Every handler catches its own errors and logs them without document
 * text (handlers/errors.ts), so one bad document never takes the server down.
 */
import type { Connection } from 'vscode-languageserver/node';
import { registerCodeActions } from './handlers/code-actions.js';
import { registerCommands } from './handlers/commands.js';
import { registerConfiguration } from './handlers/configuration.js';
import { registerDiagnostics } from './handlers/diagnostics.js';
import { registerHover } from './handlers/hover.js';
import { registerLifecycle } from './handlers/lifecycle.js';
import { ServerState } from './server-state.js';

export function startServer(connection: Connection): void {
  const state = new ServerState();
  registerLifecycle(connection, state);
  registerConfiguration(connection, state);
  registerDiagnostics(connection, state);
  registerCodeActions(connection, state);
  registerHover(connection, state);
  registerCommands(connection, state);
  state.documents.listen(connection);
  connection.listen();
}
