// Measures the server over stdio on a ~1 MB invented note: time to the first diagnostics after
// didOpen, then to the diagnostics after a one-character edit (debounce set to 0).
// Usage: node packages/language-server/scripts/measure-edit.mjs
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..', '..');
const note = readFileSync(join(repo, 'examples', 'notes', 'progress-note.txt'), 'utf8');
const parts = [];
for (let size = 0; size < 1_000_000; size += note.length + 2) parts.push(note.replace('34', String(parts.length)));
const text = parts.join('\n\n');

const child = spawn(process.execPath, [join(here, '..', 'bin', 'reframe-language-server.js'), '--stdio'], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
child.on('exit', (code) => console.error(`server exited with ${code}`));
const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
conn.onNotification('textDocument/publishDiagnostics', (p) => waiting.get(p.version)?.(p));
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounceMs: 0, maxFileSize: 2_000_000 })));
conn.listen();
const published = (version) => new Promise((res) => waiting.set(version, res));

const t0 = performance.now();
await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } } });
await conn.sendNotification('initialized', {});
const tInit = performance.now();
const uri = 'file:///tmp/measure/big-note.txt';
let p = published(1);
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
const first = await p;
const tOpen = performance.now();
const line = text.slice(0, text.length / 2).split('\n').length;
const edits = [];
for (let v = 2; v <= 6; v++) {
  p = published(v);
  const t = performance.now();
  await conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: v },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
  });
  await p;
  edits.push(performance.now() - t);
}
console.log(
  JSON.stringify({
    chars: text.length,
    findings: first.diagnostics.length,
    initializeMs: Math.round(tInit - t0),
    openToDiagnosticsMs: Math.round(tOpen - tInit),
    editToDiagnosticsMs: edits.map(Math.round),
  }),
);
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
