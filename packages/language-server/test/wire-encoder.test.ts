/**
 * The caching encoder must write exactly what JSON.stringify writes, for publishes made of reused and
 * new diagnostic objects and for every other message, and must fall back whenever a message is not a
 * plain publish.
 */
import { resolveConfig } from '@reframe/core';
import { loadRuleSet } from '@reframe/core/node';
import { describe, expect, it } from 'vitest';
import type { Message } from 'vscode-languageserver/node';
import { DocumentDiagnostics } from '../src/cache/document-diagnostics.js';
import { PieceDocument } from '../src/cache/piece-document.js';
import { cachingJsonEncoder } from '../src/cache/wire-encoder.js';
import { generated, lcg, randomEdits } from './documents.js';

const ruleSet = loadRuleSet();
const config = resolveConfig({}, ruleSet);
const options = { charset: 'utf-8' as const };

async function encodedText(encoder: ReturnType<typeof cachingJsonEncoder>, message: unknown): Promise<string> {
  return Buffer.from(await encoder.encode(message as Message, options)).toString('utf8');
}

const publish = (uri: string, version: number | undefined, diagnostics: unknown[]) => ({
  jsonrpc: '2.0',
  method: 'textDocument/publishDiagnostics',
  params: version === undefined ? { uri, diagnostics } : { uri, version, diagnostics },
});

describe('caching JSON encoder', () => {
  it('writes what JSON.stringify writes for every publish of 300 edits, reused diagnostics included', async () => {
    const encoder = cachingJsonEncoder();
    const next = lcg(5);
    let publishes = 0;
    for (const [format, start] of generated(20)) {
      const diagnostics = new DocumentDiagnostics(ruleSet, config);
      let version = 1;
      for (const { text } of [{ text: start }, ...randomEdits(start, 15, next)]) {
        const doc = PieceDocument.create('file:///note', 'plaintext', version, text);
        const { published } = diagnostics.lint(doc, format, () => true);
        const message = publish('file:///tmp/n%C3%B6te "1".md', version++, published);
        expect(await encodedText(encoder, message)).toBe(JSON.stringify(message));
        publishes++;
      }
    }
    expect(publishes).toBe(320);
  });

  it('writes what JSON.stringify writes for other messages and unusual publishes', async () => {
    const encoder = cachingJsonEncoder();
    const d = { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, message: 'Consider “x”' };
    const messages = [
      { jsonrpc: '2.0', id: 1, result: { capabilities: {} } },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'ünïcödé \u2028' } },
      publish('file:///a.txt', undefined, [d, d]),
      publish('file:///a.txt', 3, []),
      // Not a plain publish: an extra field, a request id, an element that is not an object.
      { ...publish('file:///a.txt', 3, [d]), extra: true },
      { ...publish('file:///a.txt', 3, [d]), id: 7 },
      publish('file:///a.txt', 3, [d, null, 'x']),
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.txt', diagnostics: [d], more: 1 } },
    ];
    for (const message of messages) expect(await encodedText(encoder, message)).toBe(JSON.stringify(message));
  });
});
