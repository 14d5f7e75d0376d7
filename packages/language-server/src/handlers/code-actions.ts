/** textDocument/codeAction: quick fixes and fix-all for the findings of exactly the document's current version. */
import type { CodeAction, CodeActionParams, Connection } from 'vscode-languageserver/node';
import { codeActions } from '../finding-actions.js';
import type { ServerState } from '../server-state.js';
import { fresh } from './diagnostics.js';
import { safely } from './errors.js';

export function registerCodeActions(connection: Connection, state: ServerState): void {
  connection.onCodeAction((params: CodeActionParams) =>
    safely<CodeAction[]>(connection, 'code actions', [], async () => {
      const doc = state.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const result = await fresh(connection, state, doc);
      return codeActions(doc, params.context.diagnostics, result?.diagnostics() ?? [], params.context.only);
    }),
  );
}
