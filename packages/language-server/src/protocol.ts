/**
 * What clients may rely on beyond LSP itself: the commands the server runs and what they return, the
 * kinds of its code actions, the `source` and `data` of its diagnostics, the settings section it asks
 * for and its initialization options. Published as `@reframe/language-server/protocol`, which the VS
 * Code extension imports, so this module holds constants and types only: no imports, nothing that
 * would pull the server into a client's bundle.
 */

/** `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'reframe';

/** The section of the client's settings the server reads (workspace/configuration, didChangeConfiguration). */
export const SETTINGS_SECTION = 'reframe';

/** Commands the server runs through workspace/executeCommand. */
export const ServerCommand = {
  /** No arguments; returns LintWorkspaceResult. */
  lintWorkspace: 'reframe.lintWorkspace',
  /** `[ruleId]`; returns the rule's explanation as Markdown. */
  explain: 'reframe.explain',
  /** `[uri]` of an open document; returns FixAllResult. */
  fixAll: 'reframe.fixAll',
  /** `[uri, phrase]`; returns WorkspaceConfigResult. */
  allowPhrase: 'reframe.allowPhrase',
  /** `[uri, ruleId]`; returns WorkspaceConfigResult. */
  disableRule: 'reframe.disableRule',
} as const;

/** Kinds of the code actions the server offers (clients may ask for some with `only`). */
export const ActionKind = {
  replace: 'quickfix.reframe.replace',
  replaceAll: 'quickfix.reframe.replaceAll',
  ignoreLine: 'quickfix.reframe.ignoreLine',
  allowPhrase: 'quickfix.reframe.allowPhrase',
  disableRule: 'quickfix.reframe.disableRule',
  fixAll: 'source.fixAll.reframe',
} as const;

export interface LintWorkspaceResult {
  files: number;
  findings: number;
}

export interface FixAllResult {
  applied: boolean;
  fixes: number;
}

/** `file`: the workspace's `.reframerc.json`, when there was a workspace folder to write it to. */
export interface WorkspaceConfigResult {
  applied: boolean;
  file?: string;
}

/**
 * `Diagnostic.data` as published: where the finding starts (line and UTF-16 character in the published
 * version). It marks a diagnostic as Reframe's and identifies it for clients that echo a diagnostic
 * without its range. Suggestions and fixes are not sent: with 500 findings they were a third of every
 * message. No offsets either: a diagnostic whose line is unchanged after an edit is sent as it was.
 * The rule id is the diagnostic's `code`.
 */
export interface WireData {
  line: number;
  character: number;
}

export function isWireData(value: unknown): value is WireData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<WireData>;
  return typeof v.line === 'number' && typeof v.character === 'number';
}

/** A document's genre, as core names it (chart note, letter, teaching material, form). */
export type DocumentGenre = 'chart-note' | 'letter' | 'teaching' | 'form';

/** How a document's genre was settled: a `reframe-genre` directive in it, the config's `genre`, or detected from its text. */
export type DocumentGenreSource = 'directive' | 'config' | 'detected';

/**
 * Notification (server → client), for clients that ask for it (InitializationOptions.documentGenre),
 * with the genre of an open document, sent after the document's
 * diagnostics are published whenever its genre, or how it was settled, differs from what was last
 * sent for it (so at least once after it opens). `version` is the document version the diagnostics
 * were published for: a client keeps the highest. A closed document's genre is not sent again; a
 * client drops what it kept for it.
 */
export const DocumentGenreNotification = 'reframe/documentGenre';

export interface DocumentGenreParams {
  uri: string;
  version: number;
  /** null: too little text to tell (every rule applies as configured), or the document is not linted (`source` null). */
  genre: DocumentGenre | null;
  /** null when the document is not linted: Reframe is off for it, its language is not checked, or it is over the size limit. */
  source: DocumentGenreSource | null;
}

/** `initializationOptions` the server reads. */
export interface InitializationOptions {
  /** The rule packs' folder; without it, the REFRAME_RULES_DIR environment variable, else the repository's `rules/`. */
  rulesDir?: string;
  /** The `reframe` settings, for clients that cannot answer workspace/configuration (didChangeConfiguration may send them later). */
  settings?: unknown;
  /** true: send DocumentGenreNotification. Off by default, as some clients warn about a notification they do not know. */
  documentGenre?: boolean;
}
