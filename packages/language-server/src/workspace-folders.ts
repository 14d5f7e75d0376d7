/** Workspace folders as paths: those of `initialize`, after folder changes, and the one that holds a document. */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InitializeParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';

/** The path of a file: uri; undefined for other schemes and for uris that are not well formed. */
export function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The workspace folders `initialize` names, else its root (older clients send only that). */
export function initialFolders(params: InitializeParams): string[] {
  const folders = (params.workspaceFolders ?? []).flatMap((f) => pathOf(f.uri) ?? []);
  if (folders.length) return folders;
  const root = params.rootUri ? pathOf(params.rootUri) : (params.rootPath ?? undefined);
  return root ? [root] : [];
}

export function changedFolders(folders: readonly string[], event: WorkspaceFoldersChangeEvent): string[] {
  const removed = new Set(event.removed.flatMap((f) => pathOf(f.uri) ?? []));
  return [...folders.filter((f) => !removed.has(f)), ...event.added.flatMap((f) => pathOf(f.uri) ?? [])];
}

/** The innermost workspace folder holding `path`, else the first folder, else the path's own folder. */
export function workspaceRootFor(folders: readonly string[], path: string | undefined): string | undefined {
  const inside = path ? folders.filter((f) => path === f || path.startsWith(f.endsWith('/') ? f : `${f}/`)) : [];
  return inside.sort((a, b) => b.length - a.length)[0] ?? folders[0] ?? (path ? dirname(path) : undefined);
}
