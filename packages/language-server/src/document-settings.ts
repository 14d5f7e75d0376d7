/**
 * The settings a document is linted with: the client's settings (asked for once per document, or as
 * the client pushed them) merged over the config file that discovery finds for the document's folder;
 * and, once per document, why one is not linted at all.
 */
import { dirname, join } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import type { Settings } from './config-store.js';
import { isKnownLanguage } from './languages.js';
import { SETTINGS_SECTION } from './protocol.js';
import type { ServerState } from './server-state.js';
import { type ClientSettings, DEFAULT_SETTINGS, readSettings } from './settings.js';
import { WORKSPACE_CONFIG_NAME } from './workspace-config-edit.js';
import { pathOf, workspaceRootFor } from './workspace-folders.js';

/** The client's settings for a document (`uri`) or the workspace (undefined), cached until settings change. */
export function clientSettingsFor(connection: Connection, state: ServerState, uri: string | undefined): Promise<ClientSettings> {
  const key = uri ?? '';
  let found = state.clientSettings.get(key);
  if (!found) {
    found = state.client.canPullConfig
      ? connection.workspace
          .getConfiguration({ ...(uri ? { scopeUri: uri } : {}), section: SETTINGS_SECTION })
          .then(readSettings, () => ({ ...DEFAULT_SETTINGS }))
      : Promise.resolve(readSettings(state.pushedSettings));
    state.clientSettings.set(key, found);
  }
  return found;
}

/** Settings for the document's folder (or the workspace root for unsaved buffers). */
export function settingsFor(state: ServerState, uri: string, client: ClientSettings): Settings {
  const path = pathOf(uri);
  const root = workspaceRootFor(state.folders, path);
  return state.config.settingsFor(path ? dirname(path) : root, client, root ? join(root, WORKSPACE_CONFIG_NAME) : undefined);
}

/** Ids of the bundled rules: their diagnostics link to the rules README, other packs' to their first source. */
export function bundledRuleIds(state: ServerState): Set<string> {
  return new Set(state.config.defaultRuleSet().rules.keys());
}

/** Per server: the documents already told why they are not linted. */
const explained = new WeakMap<ServerState, Set<string>>();

/**
 * Say once in the client's log why a document is not linted, when its language is the reason: without
 * this a client that sends no language id (Neovim with filetype detection off) just sees nothing.
 */
export function explainNotLinted(
  connection: Connection,
  state: ServerState,
  doc: { uri: string; languageId: string },
  client: ClientSettings,
): void {
  let told = explained.get(state);
  if (!told) explained.set(state, (told = new Set()));
  if (told.has(doc.uri)) return;
  told.add(doc.uri);
  const id = JSON.stringify(doc.languageId);
  const why = isKnownLanguage(doc.languageId)
    ? `its language ${id} is not in the reframe.languages setting (${client.languages.join(', ')})`
    : `neither its language id (${id}) nor its file extension (.md, .markdown, .mdx, .txt, .text, .html, .htm) names a format reframe reads; give it the language markdown, plaintext or html, or add the id to the reframe.languages setting`;
  connection.console.info(`not linting ${doc.uri}: ${why}`);
}
