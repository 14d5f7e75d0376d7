/**
 * The server's mutable state, in one object that the handlers (handlers/) share: the open documents,
 * what was last linted for each and the debounced lints waiting to run, client settings as fetched,
 * what the client can do, the workspace folders and the config store. Per-document entries are keyed
 * by uri and dropped together when the document closes (`forget`).
 */
import { type Diagnostic as LspDiagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { DocumentDiagnostics } from './cache/document-diagnostics.js';
import { PieceDocument } from './cache/piece-document.js';
import type { ConfigStore } from './config-store.js';
import { documentLanguage } from './languages.js';
import type { ClientSettings } from './settings.js';

/** The diagnostics computed for one version of an open document. */
export interface LintResult {
  version: number;
  /**
   * The server's copies, with each finding's data (the client was sent their wire forms). Built on
   * first use (code actions, hover, fix-all), not on every keystroke.
   */
  diagnostics: () => LspDiagnostic[];
}

/** An open document's diagnostics cache and the key of the settings it was made for. */
export interface DocumentLinter {
  key: string;
  diagnostics: DocumentDiagnostics;
}

/** What the client said in `initialize` that it can do. */
export interface ClientAbilities {
  /** Answers workspace/configuration. */
  canPullConfig: boolean;
  /** Accepts file watchers registered by the server. */
  canWatchDynamically: boolean;
  /** Accepts a registration for settings changes (and answers workspace/configuration). */
  canRegisterSettings: boolean;
  /** Sends workspace folder changes. */
  hasFolderEvents: boolean;
  /** Creates files through workspace edits. */
  canCreateFiles: boolean;
  /** Asked for each document's genre (InitializationOptions.documentGenre). */
  wantsDocumentGenre: boolean;
}

export class ServerState {
  /** Open documents, kept as pieces (cache/piece-document.ts), with the language they are linted as (languages.ts). */
  readonly documents = new TextDocuments({
    create: (uri, languageId, version, text) => PieceDocument.create(uri, documentLanguage(languageId, uri), version, text),
    update: PieceDocument.update,
  });
  /** Per open document: the result for the version last linted. */
  readonly results = new Map<string, LintResult>();
  /** Per open document: its diagnostics, made again only where the document changed (see DocumentDiagnostics). */
  readonly linters = new Map<string, DocumentLinter>();
  /** Per open document: the genre last sent to the client (DocumentGenreNotification), as `genre/source`. */
  readonly sentGenres = new Map<string, string>();
  /** Per open document: the debounced lint waiting to run. */
  readonly timers = new Map<string, NodeJS.Timeout>();
  /** Open documents whose first content (the open) has been linted; later changes are debounced. */
  readonly opened = new Set<string>();
  /** Client settings per document uri ('' for none), asked for once until the settings change. */
  readonly clientSettings = new Map<string, Promise<ClientSettings>>();
  /** Text of the workspace config as last written through applyEdit, while it may be unsaved. */
  readonly written = new Map<string, string>();
  client: ClientAbilities = {
    canPullConfig: false,
    canWatchDynamically: false,
    canRegisterSettings: false,
    hasFolderEvents: false,
    canCreateFiles: false,
    wantsDocumentGenre: false,
  };
  /** Workspace folders, as paths. */
  folders: string[] = [];
  /** The `reframe` settings the client sent (initializationOptions, didChangeConfiguration), used when it cannot be asked. */
  pushedSettings: unknown;
  private store: ConfigStore | undefined;

  /** Rules, config files and the settings they give, from `initialize` on. */
  get config(): ConfigStore {
    if (!this.store) throw new Error('server not initialised');
    return this.store;
  }

  set config(store: ConfigStore) {
    this.store = store;
  }

  /** Drop everything kept for a document that closed. */
  forget(uri: string): void {
    this.cancelLint(uri);
    this.opened.delete(uri);
    this.results.delete(uri);
    this.linters.delete(uri);
    this.sentGenres.delete(uri);
    this.clientSettings.delete(uri);
  }

  cancelLint(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  cancelAllLints(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
