/**
 * A real LSP client for the tests: starts `bin/reframe-language-server.js --stdio` as a child process
 * and speaks JSON-RPC over its stdin/stdout. It answers the server's requests the way an editor does
 * (workspace/configuration from `settings`, workspace/applyEdit onto its own copies of the documents
 * and files, client/registerCapability) and records every notification.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  type ClientCapabilities,
  type CodeAction,
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ErrorCodes,
  ExecuteCommandRequest,
  ExitNotification,
  type FileEvent,
  type Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  LogMessageNotification,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  type Range,
  RegistrationRequest,
  ResponseError,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentGenreNotification, type DocumentGenreParams } from '../src/protocol.js';

export const SERVER_BIN = fileURLToPath(new URL('../bin/reframe-language-server.js', import.meta.url));

export interface ClientOptions {
  rootDir: string;
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  env?: NodeJS.ProcessEnv;
  /** Answer client/registerCapability with an error, as some editors do. */
  refuseRegistrations?: boolean;
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
    workspaceFolders: true,
    applyEdit: true,
  },
  textDocument: {
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    hover: { contentFormat: ['markdown'] },
  },
};

/** Apply LSP text edits to a string (edits must not overlap). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 0, text), edits);
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcessWithoutNullStreams;
  settings: Record<string, unknown>;
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every reframe/documentGenre notification, in the order received. */
  readonly genres: DocumentGenreParams[] = [];
  readonly logs: string[] = [];
  readonly shown: string[] = [];
  readonly registrations: string[] = [];
  /** Files created or changed through workspace/applyEdit (path → text), not yet "saved". */
  readonly editedFiles = new Map<string, string>();
  readonly configurationRequests: unknown[] = [];
  private readonly docs = new Map<string, TextDocument>();
  private readonly waiters: Array<() => void> = [];
  stderr = '';

  constructor(private readonly options: ClientOptions) {
    this.settings = options.settings ?? {};
    this.child = spawn(process.execPath, [SERVER_BIN, '--stdio'], {
      env: { ...process.env, ...options.env },
      stdio: 'pipe',
    });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.wake();
    });
    this.connection.onNotification(DocumentGenreNotification, (p: DocumentGenreParams) => {
      this.genres.push(p);
      this.wake();
    });
    this.connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
      this.wake();
    });
    this.connection.onNotification(ShowMessageNotification.type, (p) => {
      this.shown.push(p.message);
      this.wake();
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => {
      this.configurationRequests.push(p);
      return p.items.map((item) => (item.section === 'reframe' ? this.settings : null));
    });
    this.connection.onRequest(RegistrationRequest.type, (p) => {
      for (const r of p.registrations) this.registrations.push(r.method);
      if (options.refuseRegistrations) return new ResponseError(ErrorCodes.MethodNotFound, 'Unhandled method client/registerCapability');
      return null;
    });
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.applyWorkspaceEdit(p.edit);
      this.wake();
      return { applied: true };
    });
    this.connection.listen();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Wait until `check` returns something truthy, re-checking on every message from the server. */
  async until<T>(check: () => T | undefined | false, what: string, timeoutMs = 25_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async initialize(): Promise<InitializeResult> {
    const rootUri = pathToFileURL(this.options.rootDir).href;
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'test' }],
      capabilities: this.options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: this.options.initializationOptions ?? null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  document(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replace `range` (or the whole text) and send an incremental didChange. */
  async change(uri: string, newText: string, range?: Range): Promise<number> {
    const doc = this.document(uri);
    const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
    const edit = { range: range ?? whole, text: newText };
    const next = TextDocument.update(doc, [edit], doc.version + 1);
    this.docs.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: [edit],
    });
    return next.version;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The latest diagnostics published for `uri` for exactly `version` (or any, when not given). */
  diagnosticsFor(uri: string, version?: number): Diagnostic[] | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) {
      const p = this.published[i];
      if (p?.uri !== uri) continue;
      if (version !== undefined && p.version !== version) return undefined;
      return p.diagnostics;
    }
    return undefined;
  }

  /** The latest genre notification for `uri`, if it is for `version` or later (any version when not given). */
  genreFor(uri: string, version?: number): DocumentGenreParams | undefined {
    const latest = this.genres.filter((g) => g.uri === uri).at(-1);
    return latest && (version === undefined || latest.version >= version) ? latest : undefined;
  }

  async diagnostics(uri: string, version?: number): Promise<Diagnostic[]> {
    return this.until(() => this.diagnosticsFor(uri, version), `diagnostics for ${uri} v${version ?? '?'}`);
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
    return (result ?? []) as CodeAction[];
  }

  hover(uri: string, position: { line: number; character: number }): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { reframe: settings } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Apply an edit as an editor does: open documents change (and the server is told); other files are buffered. */
  applyWorkspaceEdit(edit: WorkspaceEdit): void {
    const byUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'create') {
          const path = fileURLToPath(change.uri);
          if (!this.editedFiles.has(path) && !existsSync(path)) this.editedFiles.set(path, '');
        }
        continue;
      }
      const uri = change.textDocument.uri;
      byUri.set(uri, [...(byUri.get(uri) ?? []), ...(change.edits as TextEdit[])]);
    }
    for (const [uri, edits] of byUri) {
      const doc = this.docs.get(uri);
      if (doc) {
        const text = applyEdits(doc.getText(), edits);
        void this.change(uri, text);
        continue;
      }
      const path = fileURLToPath(uri);
      const before = this.editedFiles.get(path) ?? (existsSync(path) ? readFileSync(path, 'utf8') : '');
      this.editedFiles.set(path, applyEdits(before, edits));
    }
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }
}
