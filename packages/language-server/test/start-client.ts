/** Starting the server for a test file: a workspace and an initialised client, both removed after each test. */
import { afterEach } from 'vitest';
import { type Workspace, workspace } from './helpers.js';
import { type ClientOptions, LspClient } from './lsp-client.js';

export interface Started {
  client: LspClient;
  ws: Workspace;
  init: Awaited<ReturnType<LspClient['initialize']>>;
}

/**
 * `start` for one test file (`defaults` go under each call's options), and `tempWorkspace` for a
 * workspace of its own that is removed after each test too.
 */
export function clientStarter(defaults: Partial<ClientOptions> = {}): {
  start: (options?: Partial<ClientOptions>, files?: Record<string, string>) => Promise<Started>;
  tempWorkspace: () => Workspace;
} {
  let clients: LspClient[] = [];
  let spaces: Workspace[] = [];
  afterEach(() => {
    for (const c of clients) c.kill();
    for (const w of spaces) w.remove();
    clients = [];
    spaces = [];
  });
  const tempWorkspace = (): Workspace => {
    const ws = workspace();
    spaces.push(ws);
    return ws;
  };
  const start = async (options: Partial<ClientOptions> = {}, files: Record<string, string> = {}): Promise<Started> => {
    const ws = tempWorkspace();
    for (const [name, text] of Object.entries(files)) ws.write(name, text);
    const client = new LspClient({ rootDir: ws.dir, settings: { debounceMs: 20 }, ...defaults, ...options });
    clients.push(client);
    const init = await client.initialize();
    return { client, ws, init };
  };
  return { start, tempWorkspace };
}
