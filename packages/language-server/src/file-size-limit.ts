/**
 * The `maxFileSize` limit: which of the client's and the config file's applies, whether a document is
 * over it, and the one notice published for it instead of findings.
 */
import { formatByteSize } from '@reframe/core';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { PieceDocument } from './cache/piece-document.js';
import type { Settings } from './config-store.js';
import { DIAGNOSTIC_SOURCE } from './protocol.js';
import type { ClientSettings } from './settings.js';

export interface SizeLimit {
  bytes: number;
  /** The setting that set it, named the way the user set it. */
  setting: string;
}

/** The smaller of the client's limit and the config file's `maxFileSize`. */
export function sizeLimit(fromFile: Settings, client: ClientSettings): SizeLimit {
  if (fromFile.maxFileSize !== undefined && fromFile.maxFileSize < client.maxFileSize)
    return { bytes: fromFile.maxFileSize, setting: `maxFileSize of ${fromFile.configFile ?? 'the config file'}` };
  return { bytes: client.maxFileSize, setting: 'reframe.maxFileSize' };
}

/**
 * The UTF-8 size of the document if it is over `limit`, else undefined. A UTF-16 code unit is at most
 * three UTF-8 bytes, so most documents are known to fit from their length alone, without making or
 * encoding their text (1.5 ms per keystroke for 1 MB).
 */
export function utf8SizeOver(doc: PieceDocument, limit: number): number | undefined {
  if (doc.length * 3 <= limit) return undefined;
  const bytes = doc.utf8Length();
  return bytes > limit ? bytes : undefined;
}

export function tooLargeNotice(bytes: number, limit: SizeLimit): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: `Reframe did not check this document: it is ${formatByteSize(bytes)}, above the ${limit.setting} limit of ${formatByteSize(limit.bytes)}.`,
  };
}
