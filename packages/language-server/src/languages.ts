/** Which documents are linted, in which core format, and how an ignore directive is written in each. */
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
