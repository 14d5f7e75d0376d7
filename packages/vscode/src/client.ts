/**
 * Owns the LanguageClient: starts it when Reframe is enabled, stops it when disabled, and restarts it
 * when the set of languages changes (the document selector is fixed for a client's lifetime).
 */

import {
  DocumentGenreNotification,
  type DocumentGenreParams,
  type InitializationOptions,
  SETTINGS_SECTION,
} from '@reframe/language-server/protocol';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { BundlePaths } from './bundleLayout';
import { documentSelector, readClientSettings } from './settings';
import { DocumentGenres } from './statusText';

/** Port for `.vscode/launch.json`'s "Attach to Reframe server" configuration. */
const DEBUG_PORT = 6011;

export class ReframeClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the client starts or stops. */
  readonly onDidChangeState = this.changed.event;
  private readonly genres = new DocumentGenres();
  private readonly genreChanged = new vscode.EventEmitter<string>();
  /** Fires with a document's uri when the server sends its genre. */
  readonly onDidChangeGenre = this.genreChanged.event;
  private readonly closing: vscode.Disposable;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.closing = vscode.workspace.onDidCloseTextDocument((document) => this.genres.forget(document.uri.toString()));
  }

  /** The genre the server last sent for the document (undefined before it sent one, or while Reframe is off). */
  genreOf(uri: vscode.Uri): DocumentGenreParams | undefined {
    return this.genres.get(uri.toString());
  }

  get running(): boolean {
    return this.client?.isRunning() ?? false;
  }

  async start(): Promise<void> {
    if (this.client) return;
    const settings = readClientSettings();
    const module = this.context.asAbsolutePath(BundlePaths.server);
    const rulesDir = this.context.asAbsolutePath(BundlePaths.rules);
    const env = { ...process.env, REFRAME_RULES_DIR: rulesDir };
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { env } },
      debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(settings.languages),
      // documentGenre: the server sends each document's genre, shown in the language status item.
      initializationOptions: { rulesDir, documentGenre: true } satisfies InitializationOptions,
      synchronize: { configurationSection: SETTINGS_SECTION },
      outputChannel: this.log,
      // LSP message tracing would copy whole documents into a log; discard it whatever `reframe.trace.server` says.
      traceOutputChannel: discardingChannel,
      // The server reports its own problems; never pop the log open over the user's note.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
    };
    const client = new LanguageClient('reframe', 'Reframe', serverOptions, clientOptions);
    this.client = client;
    // The server settles each document's genre; a notification older than the one kept is dropped.
    client.onNotification(DocumentGenreNotification, (params: DocumentGenreParams) => {
      if (this.client === client && this.genres.accept(params)) this.genreChanged.fire(params.uri);
    });
    try {
      await client.start();
      this.log.info(`language server started for languages: ${settings.languages.join(', ')}`);
    } catch (error) {
      this.client = undefined;
      this.log.error(`language server failed to start: ${errorMessage(error)}`);
      throw error;
    } finally {
      this.changed.fire();
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    // A restarted server sends every open document's genre again, from its first version.
    this.genres.clear();
    if (!client) return;
    this.changed.fire(); // show "off" at once; stopping can take a moment
    try {
      // Stopping clears the client's diagnostics collection, so the Problems panel empties too.
      await client.stop();
      this.log.info('language server stopped');
    } catch (error) {
      this.log.warn(`language server did not stop cleanly: ${errorMessage(error)}`);
    }
    this.changed.fire();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Runs a server command (workspace/executeCommand); throws when Reframe is off. */
  async executeServerCommand<T>(command: string, args: unknown[] = []): Promise<T> {
    if (!this.client?.isRunning()) throw new ReframeOffError();
    return (await this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as T;
  }

  dispose(): void {
    void this.stop();
    this.closing.dispose();
    this.changed.dispose();
    this.genreChanged.dispose();
  }
}

/** A log channel that keeps nothing: LSP traces contain whole documents. */
const discardingChannel: vscode.LogOutputChannel = {
  name: 'Reframe trace (discarded)',
  logLevel: vscode.LogLevel.Off,
  onDidChangeLogLevel: new vscode.EventEmitter<vscode.LogLevel>().event,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  append: () => undefined,
  appendLine: () => undefined,
  replace: () => undefined,
  clear: () => undefined,
  show: () => undefined,
  hide: () => undefined,
  dispose: () => undefined,
};

export class ReframeOffError extends Error {
  constructor() {
    super('Reframe is turned off for this workspace.');
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
