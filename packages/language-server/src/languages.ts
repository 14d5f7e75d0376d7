/**
 * Which documents are linted, in which core format, and how an ignore directive is written in each. A
 * document's language is the id the client sent, unless that id says nothing the server knows (an
 * empty one, as Neovim sends with filetype detection off, or Emacs's "fundamental"): then the file's
 * extension decides (`documentLanguage`).
 */
import { extname } from 'node:path';
import type { DocumentFormat } from '@reframe/core';

/** Language ids some editors use for the same thing (Neovim and Emacs call plain text "text"). */
const ALIASES: Record<string, string> = { text: 'plaintext', txt: 'plaintext', htm: 'html', xhtml: 'html' };

export function canonicalLanguage(languageId: string): string {
  return ALIASES[languageId] ?? languageId;
}

export function isSupported(languageId: string, enabled: readonly string[]): boolean {
  const id = canonicalLanguage(languageId);
  return enabled.some((l) => canonicalLanguage(l) === id);
}

export function formatFor(languageId: string): DocumentFormat {
  const id = canonicalLanguage(languageId);
  if (id === 'markdown' || id === 'mdx') return 'markdown';
  if (id === 'html' || id === 'xml' || id === 'vue' || id === 'svelte') return 'html';
  return 'text';
}

/** File extensions `reframe.lintWorkspace` reads, with the language id each stands for. */
export const EXTENSION_LANGUAGES: Record<string, string> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'plaintext',
  '.text': 'plaintext',
  '.html': 'html',
  '.htm': 'html',
};

/** Extensions that name a language when the client's language id does not. */
const LANGUAGE_BY_EXTENSION: Record<string, string> = { ...EXTENSION_LANGUAGES, '.mdx': 'markdown' };

/** Line-comment markers core's directive scanner accepts (see packages/core/src/directives.ts). */
const LINE_COMMENT: Record<string, string> = {
  latex: '%',
  tex: '%',
  javascript: '//',
  typescript: '//',
  c: '//',
  cpp: '//',
  java: '//',
  sql: '--',
  lua: '--',
  haskell: '--',
  ini: ';',
  lisp: ';',
};

/** The whole directive line, e.g. `<!-- reframe-disable-next-line suicide/committed -->`. */
export function directiveLine(languageId: string, command: string, ruleId: string): string {
  if (formatFor(languageId) !== 'text') return `<!-- ${command} ${ruleId} -->`;
  const marker = LINE_COMMENT[canonicalLanguage(languageId)] ?? '#';
  return `${marker} ${command} ${ruleId}`;
}

/** Language ids with a meaning here: a format of their own, or a comment syntax for directives. */
const KNOWN_LANGUAGES = new Set(['markdown', 'mdx', 'plaintext', 'html', 'xml', 'vue', 'svelte', ...Object.keys(LINE_COMMENT)]);

/** Whether the server knows what `languageId` is (or the client's `languages` setting names it). */
export function isKnownLanguage(languageId: string, enabled: readonly string[] = []): boolean {
  return KNOWN_LANGUAGES.has(canonicalLanguage(languageId)) || isSupported(languageId, enabled);
}

/** The language the extension of `uri`'s file name stands for (`.md` → markdown), if any. */
export function languageFromExtension(uri: string): string | undefined {
  const path = uri.replace(/[?#].*$/s, '');
  return LANGUAGE_BY_EXTENSION[extname(path).toLowerCase()];
}

/** The language a document is linted as: the client's id when it is known, else its file extension's, else the id. */
export function documentLanguage(languageId: string, uri: string): string {
  if (isKnownLanguage(languageId)) return languageId;
  return languageFromExtension(uri) ?? languageId;
}
