/**
 * Entry point: `reframe-language-server --stdio` (or --node-ipc, --socket=N, --pipe=NAME). Over stdio
 * the connection gets a reader that recovers from malformed frames and logs them (message-reader.ts)
 * and a writer whose encoder reuses each published diagnostic's JSON (see cache/wire-encoder.ts); the
 * other transports are set up by the library from argv. No top-level await, so bundlers can emit
 * CommonJS.
 */
import { format, inspect } from 'node:util';
import { type Connection, createConnection, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { cachingJsonEncoder } from './cache/wire-encoder.js';
import { ResyncingMessageReader } from './message-reader.js';
import { startServer } from './start-server.js';

function stdioConnection(): Connection {
  // The reader reports to the client's log; it reads nothing before the connection listens.
  const reader = new ResyncingMessageReader(process.stdin, (problem) => connection.console.error(problem));
  const writer = new StreamMessageWriter(process.stdout, { contentTypeEncoder: cachingJsonEncoder() });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  // What the library does for --stdio itself: exit when the client closes stdin (0 after a shutdown
  // request), and send console output to the client's log, never into the message stream on stdout.
  const exit = () => process.exit(reader.shutdownRequested ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const toLog =
    (log: (message: string) => void) =>
    (...args: unknown[]) =>
      log(format(...args));
  const log = toLog((m) => connection.console.log(m));
  console.log = log;
  console.debug = log;
  console.table = log;
  console.dir = (value: unknown) => connection.console.log(inspect(value));
  console.info = toLog((m) => connection.console.info(m));
  console.warn = toLog((m) => connection.console.warn(m));
  console.error = toLog((m) => connection.console.error(m));
  console.trace = toLog((m) => connection.console.log(`Trace: ${m}`));
  console.assert = (condition?: boolean, ...args: unknown[]) => {
    if (!condition) connection.console.error(`Assertion failed${args.length ? `: ${format(...args)}` : ''}`);
  };
  return connection;
}

startServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all));
