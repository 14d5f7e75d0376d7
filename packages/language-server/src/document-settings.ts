/**
 * The settings a document is linted with: the client's settings (asked for once per document, or as
 * the client pushed them) merged over the config file that discovery finds for the document's folder.
 */
import { dirname, join } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import type { Settings } from './config-store.js';
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
