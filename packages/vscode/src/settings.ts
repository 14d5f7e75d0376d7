/** Typed access to the `reframe.*` settings the client itself needs (the server pulls the rest). */
import { SETTINGS_SECTION } from '@reframe/language-server/protocol';
import * as vscode from 'vscode';

export interface ClientSettings {
  enable: boolean;
  /** Undefined when unset: the project's config file (or the engine default) decides. */
  preset: string | undefined;
  languages: string[];
}

export function readClientSettings(scope?: vscode.ConfigurationScope): ClientSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    enable: config.get<boolean>('enable', true),
    preset: config.get<string | null>('preset') ?? undefined,
    languages: config.get<string[]>('languages', ['markdown', 'plaintext']),
  };
}

/** Documents the server should see: saved files and unsaved buffers, never virtual documents (e.g. our rule pages). */
export function documentSelector(languages: readonly string[]): Array<{ language: string; scheme: string }> {
  return languages.flatMap((language) => [
    { language, scheme: 'file' },
    { language, scheme: 'untitled' },
  ]);
}
