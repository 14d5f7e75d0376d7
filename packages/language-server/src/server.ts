/**
 * Entry point: `reframe-language-server --stdio` (or --node-ipc, --socket=N). The connection reads the
 * transport from argv. No top-level await, so bundlers can emit CommonJS.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './service.js';

startServer(createConnection(ProposedFeatures.all));
