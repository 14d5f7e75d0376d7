/**
 * Editor latency through the real language server over stdio: didOpen → first diagnostics for a
 * 1 MB document, then one-character didChange → publishDiagnostics for that version (debounce 0).
 * A minimal LSP client (Content-Length framing, JSON-RPC) so the figure includes the transport.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { percentile } from './measure.mjs';

class LspClient {
  constructor(bin) {
    this.child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    this.child.stdout.on('data', (chunk) => this.receive(chunk));
    this.child.stderr.on('data', () => {});
  }
  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(body);
    }
  }
  handle(message) {
    if (message.id !== undefined && message.method) {
      // Server → client requests: answer configuration with debounce 0; acknowledge the rest.
      const result =
        message.method === 'workspace/configuration' ? message.params.items.map(() => ({ debounceMs: 0, maxFileSize: 64_000_000 })) : null;
      this.send({ jsonrpc: '2.0', id: message.id, result });
    } else if (message.id !== undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    } else {
      for (const listener of this.listeners) listener(message);
    }
  }
  send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }
  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }
  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }
  /** Resolve on the first notification that satisfies `test`. */
  waitFor(test, timeoutMs = 60_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for the language server')), timeoutMs);
      const listener = (message) => {
        if (!test(message)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(message);
      };
      this.listeners.push(listener);
    });
  }
  async close() {
    await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
    this.notify('exit', null);
    setTimeout(() => this.child.kill(), 1000).unref();
  }
}

/** @returns {Promise<{ skipped?: string, openMs?: number, p50?: number, p95?: number, edits?: number, diagnostics?: number }>} */
export async function editorLatency(repoRoot, documentPath, { edits = 200 } = {}) {
  const bin = join(repoRoot, 'packages', 'language-server', 'bin', 'reframe-language-server.js');
  if (!existsSync(bin) || !existsSync(join(repoRoot, 'packages', 'language-server', 'dist', 'server.js'))) {
    return { skipped: 'packages/language-server is not built yet (no bin or dist/server.js)' };
  }
  const client = new LspClient(bin);
  const text = readFileSync(documentPath, 'utf8');
  const uri = pathToFileURL(documentPath).href;
  const diagnosticsFor = (version) => (m) =>
    m.method === 'textDocument/publishDiagnostics' &&
    m.params.uri === uri &&
    (version === undefined || m.params.version === undefined || m.params.version === version);
  try {
    await client.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { debounceMs: 0, maxFileSize: 64_000_000 },
    });
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings: { reframe: { debounceMs: 0, maxFileSize: 64_000_000 } } });
    const opened = performance.now();
    const first = client.waitFor(diagnosticsFor(undefined));
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const firstMessage = await first;
    const openMs = performance.now() - opened;
    // One-character edits in the middle of the document: type a letter, then delete it.
    const line = Math.floor(text.split('\n').length / 2);
    const samples = [];
    for (let i = 0; i < edits; i++) {
      const version = i + 2;
      const insert = i % 2 === 0;
      const change = insert
        ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }
        : { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
      const waiting = client.waitFor(diagnosticsFor(version));
      const sent = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await waiting;
      samples.push(performance.now() - sent);
    }
    return {
      openMs,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      edits,
      diagnostics: firstMessage.params.diagnostics.length,
    };
  } catch (error) {
    return { skipped: `language server did not answer as expected: ${error.message}` };
  } finally {
    await client.close();
  }
}
