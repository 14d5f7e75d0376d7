/**
 * Diagnostics: a document is linted when it opens and, debounced by the client's `debounceMs`, after
 * it changes; each publish carries the version it was computed for, and a lint whose version was
 * superseded (or whose document closed) while settings were fetched publishes nothing. Closing a
 * document clears its diagnostics. After a publish, the document's genre goes to a client that asked
 * for it when it changed (DocumentGenreNotification). `fresh` gives the other handlers the result for
 * exactly the current version.
 */
import { type DocumentFormat, type GenreOfDocument, readingNoticesFor } from '@reframe/core';
import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { DocumentDiagnostics, type DocumentResult } from '../cache/document-diagnostics.js';
import type { PieceDocument } from '../cache/piece-document.js';
import type { Settings } from '../config-store.js';
import { bundledRuleIds, clientSettingsFor, explainNotLinted, settingsFor } from '../document-settings.js';
import { sizeLimit, tooLargeNotice, utf8SizeOver } from '../file-size-limit.js';
import { formatFor, isSupported } from '../languages.js';
import { type DocumentGenre, DocumentGenreNotification, type DocumentGenreParams, type DocumentGenreSource } from '../protocol.js';
import type { LintResult, ServerState } from '../server-state.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { quietly } from './errors.js';

/** `make`'s result, made on the first call. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/**
 * How the document is read, when that is worth knowing (Markdown read as plain text, and where), in
 * the log: the document's uri and lines, never its text. Logged when its linter is made (the document
 * opened, or settings changed), not on every edit: working it out reads the whole document.
 */
function logReadingNotices(connection: Connection, doc: PieceDocument, format: DocumentFormat): void {
  for (const notice of readingNoticesFor(doc.getText(), format)) connection.console.info(`reframe: ${doc.uri}: ${notice.message}`);
}

function lintDocument(connection: Connection, state: ServerState, doc: PieceDocument, settings: Settings): DocumentResult {
  const format = formatFor(doc.languageId);
  let entry = state.linters.get(doc.uri);
  if (!entry || entry.key !== settings.key) {
    entry = { key: settings.key, diagnostics: new DocumentDiagnostics(settings.ruleSet, settings.config) };
    state.linters.set(doc.uri, entry);
    logReadingNotices(connection, doc, format);
  }
  let bundled: Set<string> | undefined;
  return entry.diagnostics.lint(doc, format, (id) => (bundled ??= bundledRuleIds(state)).has(id));
}

/** Lint the document as it is now and publish, unless it changes while settings are fetched. */
async function validate(connection: Connection, state: ServerState, doc: PieceDocument): Promise<LintResult | undefined> {
  const { uri, version } = doc;
  const client = await clientSettingsFor(connection, state, uri);
  const now = state.documents.get(uri);
  // Stale: a newer version is on its way, or the document was closed (and maybe opened again).
  if (now !== doc || now.version !== version) return undefined;
  let diagnostics: () => LspDiagnostic[] = () => [];
  let published: LspDiagnostic[] = [];
  let genre: GenreOfDocument | undefined;
  if (client.enable && isSupported(doc.languageId, client.languages)) {
    // Config discovery runs on every lint (clients may not watch files): once, not twice.
    const settings = settingsFor(state, uri, client);
    const limit = sizeLimit(settings, client);
    const bytes = utf8SizeOver(doc, limit.bytes);
    if (bytes !== undefined) {
      const notice = [tooLargeNotice(bytes, limit)];
      published = notice;
      diagnostics = () => notice;
    } else {
      const linted = lintDocument(connection, state, doc, settings);
      published = linted.published;
      diagnostics = once(linted.copies);
      genre = linted.genre;
    }
  } else if (client.enable) explainNotLinted(connection, state, doc, client);
  const result = { version, diagnostics };
  state.results.set(uri, result);
  void connection.sendDiagnostics({ uri, version, diagnostics: published });
  sendGenre(connection, state, uri, version, genre);
  return result;
}

/** The document's genre to a client that asked for it, when it differs from what was last sent for the document. */
function sendGenre(connection: Connection, state: ServerState, uri: string, version: number, genre: GenreOfDocument | undefined): void {
  if (!state.client.wantsDocumentGenre) return;
  // Core's names are the protocol's: these assignments fail to compile if either side changes.
  const name: DocumentGenre | null = genre ? genre.genre : null;
  const source: DocumentGenreSource | null = genre ? genre.source : null;
  const key = `${name}/${source}`;
  if (state.sentGenres.get(uri) === key) return;
  state.sentGenres.set(uri, key);
  const params: DocumentGenreParams = { uri, version, genre: name, source };
  void connection.sendNotification(DocumentGenreNotification, params);
}

/** Lint the document's latest version after `delay` ms (at once for 0), replacing a lint already waiting. */
function schedule(connection: Connection, state: ServerState, doc: PieceDocument, delay: number): void {
  const { uri } = doc;
  state.cancelLint(uri);
  const run = () => {
    state.timers.delete(uri);
    const latest = state.documents.get(uri);
    if (latest) quietly(connection, `linting ${uri}`, () => validate(connection, state, latest));
  };
  if (delay <= 0) run();
  else state.timers.set(uri, setTimeout(run, delay));
}

/** Results for exactly this version of the document (linting now if needed). */
export async function fresh(connection: Connection, state: ServerState, doc: PieceDocument): Promise<LintResult | undefined> {
  const known = state.results.get(doc.uri);
  if (known && known.version === doc.version) return known;
  return validate(connection, state, doc);
}

/** Lint every open document again from scratch (settings, config files or folders changed). */
export function relintAll(connection: Connection, state: ServerState): void {
  state.linters.clear();
  for (const doc of state.documents.all()) schedule(connection, state, doc, 0);
}

export function registerDiagnostics(connection: Connection, state: ServerState): void {
  state.documents.onDidChangeContent((event) => {
    const doc = event.document;
    if (!state.opened.has(doc.uri)) {
      state.opened.add(doc.uri);
      schedule(connection, state, doc, 0); // just opened
      return;
    }
    void clientSettingsFor(connection, state, doc.uri).then(
      (s) => schedule(connection, state, doc, s.debounceMs),
      () => schedule(connection, state, doc, DEFAULT_SETTINGS.debounceMs),
    );
  });

  state.documents.onDidClose((event) => {
    const { uri } = event.document;
    state.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
}
