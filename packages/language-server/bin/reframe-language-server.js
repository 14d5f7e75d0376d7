#!/usr/bin/env node
// Starts the server; transport (--stdio, --node-ipc, --socket=N) is read from argv by the connection.
import '../dist/server.js';
