/**
 * The language server's behaviour on one connection: diagnostics on open and change (debounced,
 * tagged with the document version, stale results dropped), code actions, hover, commands, client
 * settings and config-file watching. Every handler catches its own errors and logs them without
 * document text, so one bad document never takes the server down.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatByteSize, lint, nearestRuleId } from '@reframe/core';
import {
  type CodeAction,
  type CodeActionParams,
  type Connection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type Diagnostic as LspDiagnostic,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { DocumentDiagnostics, type DocumentResult } from './cache/document-diagnostics.js';
import { PieceDocument } from './cache/piece-document.js';
import { codeActions, safeFixEdits } from './code-actions.js';
import { ConfigStore, type Problem, type Settings } from './config-store.js';
import { blockDiagnostic, type FindingData, isFindingData, ruleReference } from './findings.js';
import { explainMarkdown, hoverMarkdown } from './hover.js';
import { formatFor, isSupported } from './languages.js';
import { ActionKind, DIAGNOSTIC_SOURCE, type InitializationOptions, SETTINGS_SECTION, ServerCommand } from './protocol.js';
import { type ClientSettings, DEFAULT_SETTINGS, readSettings } from './settings.js';
import { buildConfigEdit, type ConfigChange, WORKSPACE_CONFIG_NAME } from './workspace-config-edit.js';
import { workspaceFiles } from './workspace-files.js';

const CONFIG_GLOBS = [
  '**/.reframerc.json',
  '**/.reframerc.yaml',
  '**/.reframerc.yml',
  '**/reframe.config.json',
  '**/package.json',
  '**/*.{yml,yaml}',
];

interface Result {
  version: number;
  /**
   * The server's copies, with each finding's data (the client was sent their wire forms). Built on
   * first use (code actions, hover, fix-all), not on every keystroke.
   */
  diagnostics: () => LspDiagnostic[];
}

/** `make`'s result, made on the first call. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The UTF-8 size of the document if it is over `limit`, else undefined. A UTF-16 code unit is at most
 * three UTF-8 bytes, so most documents are known to fit from their length alone, without making or
 * encoding their text (1.5 ms per keystroke for 1 MB).
 */
function utf8SizeOver(doc: PieceDocument, limit: number): number | undefined {
  if (doc.length * 3 <= limit) return undefined;
  const bytes = doc.utf8Length();
  return bytes > limit ? bytes : undefined;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments({ create: PieceDocument.create, update: PieceDocument.update });
  const results = new Map<string, Result>();
  /** Per open document: its diagnostics, made again only where the document changed (see DocumentDiagnostics). */
  const linters = new Map<string, { key: string; diagnostics: DocumentDiagnostics }>();
  const timers = new Map<string, NodeJS.Timeout>();
  const settingsCache = new Map<string, Promise<ClientSettings>>();
  /** Text of the workspace config as last written through applyEdit, while it may be unsaved. */
  const written = new Map<string, string>();
  let store: ConfigStore | undefined;
  let globalSettings: unknown;
  let folders: string[] = [];
  let canPullConfig = false;
  let canWatchDynamically = false;
  let canRegisterSettings = false;
  let hasFolderEvents = false;
  let canCreateFiles = false;

  const log = (message: string) => connection.console.log(message);
  const warn = (message: string) => connection.console.warn(message);

  const config = (): ConfigStore => {
    if (!store) throw new Error('server not initialised');
    return store;
  };

  /**
   * Run a request handler; on failure log (no document text) and return the fallback. Errors meant
   * for the client (ResponseError: bad arguments, unknown command) are passed on as the response.
   */
  async function safely<T>(what: string, fallback: T, run: () => T | Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`reframe: ${what} failed: ${describe(error)}`);
      return fallback;
    }
  }

  /** Run background work (no one to answer): every failure is logged, none escapes. */
  function quietly(what: string, run: () => unknown): void {
    Promise.resolve()
      .then(run)
      .catch((error: unknown) => connection.console.error(`reframe: ${what} failed: ${describe(error)}`));
  }

  function reportProblems(file: string, problems: Problem[]): void {
    if (file === '(settings)') {
      for (const p of problems) warn(p.message);
      return;
    }
    const diagnostics: LspDiagnostic[] = problems.map((p) => ({
      range: { start: { line: p.line - 1, character: p.column - 1 }, end: { line: p.line - 1, character: p.column - 1 } },
      severity: DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      message: p.message,
    }));
    void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
    if (problems.length) warn(`reframe: problems in ${file}; the last good configuration stays in use`);
  }

  function workspaceRootFor(path: string | undefined): string | undefined {
    const inside = path ? folders.filter((f) => path === f || path.startsWith(f.endsWith('/') ? f : `${f}/`)) : [];
    return inside.sort((a, b) => b.length - a.length)[0] ?? folders[0] ?? (path ? dirname(path) : undefined);
  }

  function clientSettings(uri: string | undefined): Promise<ClientSettings> {
    const key = uri ?? '';
    let found = settingsCache.get(key);
    if (!found) {
      found = canPullConfig
        ? connection.workspace
            .getConfiguration({ ...(uri ? { scopeUri: uri } : {}), section: SETTINGS_SECTION })
            .then(readSettings, () => ({ ...DEFAULT_SETTINGS }))
        : Promise.resolve(readSettings(globalSettings));
      settingsCache.set(key, found);
    }
    return found;
  }

  /** Settings for the document's folder (or the workspace root for unsaved buffers). */
  function settingsFor(uri: string, client: ClientSettings) {
    const path = pathOf(uri);
    const root = workspaceRootFor(path);
    return config().settingsFor(path ? dirname(path) : root, client, root ? join(root, WORKSPACE_CONFIG_NAME) : undefined);
  }

  function lintDocument(doc: PieceDocument, settings: Settings): DocumentResult {
    let entry = linters.get(doc.uri);
    if (!entry || entry.key !== settings.key) {
      entry = { key: settings.key, diagnostics: new DocumentDiagnostics(settings.ruleSet, settings.config) };
      linters.set(doc.uri, entry);
    }
    let bundled: Set<string> | undefined;
    return entry.diagnostics.lint(doc, formatFor(doc.languageId), (id) => (bundled ??= bundledIds()).has(id));
  }

  const bundledIds = (): Set<string> => new Set(config().defaultRuleSet().rules.keys());

  /** The smaller of the client's limit and the config file's `maxFileSize`, named the way the user set it. */
  function sizeLimit(fromFile: Settings, client: ClientSettings): { bytes: number; setting: string } {
    if (fromFile.maxFileSize !== undefined && fromFile.maxFileSize < client.maxFileSize)
      return { bytes: fromFile.maxFileSize, setting: `maxFileSize of ${fromFile.configFile ?? 'the config file'}` };
    return { bytes: client.maxFileSize, setting: 'reframe.maxFileSize' };
  }

  function tooLarge(bytes: number, limit: { bytes: number; setting: string }): LspDiagnostic {
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      message: `Reframe did not check this document: it is ${formatByteSize(bytes)}, above the ${limit.setting} limit of ${formatByteSize(limit.bytes)}.`,
    };
  }

  /** Lint the document as it is now and publish, unless it changes while settings are fetched. */
  async function validate(doc: PieceDocument): Promise<Result | undefined> {
    const { uri, version } = doc;
    const client = await clientSettings(uri);
    const now = documents.get(uri);
    // Stale: a newer version is on its way, or the document was closed (and maybe opened again).
    if (now !== doc || now.version !== version) return undefined;
    let diagnostics: () => LspDiagnostic[] = () => [];
    let published: LspDiagnostic[] = [];
    if (client.enable && isSupported(doc.languageId, client.languages)) {
      // Config discovery runs on every lint (clients may not watch files): once, not twice.
      const settings = settingsFor(uri, client);
      const limit = sizeLimit(settings, client);
      const bytes = utf8SizeOver(doc, limit.bytes);
      if (bytes !== undefined) {
        const notice = [tooLarge(bytes, limit)];
        published = notice;
        diagnostics = () => notice;
      } else {
        const linted = lintDocument(doc, settings);
        published = linted.published;
        diagnostics = once(linted.copies);
      }
    }
    const result = { version, diagnostics };
    results.set(uri, result);
    void connection.sendDiagnostics({ uri, version, diagnostics: published });
    return result;
  }

  function schedule(doc: PieceDocument, delay: number): void {
    const { uri } = doc;
    clearTimeout(timers.get(uri));
    const run = () => {
      timers.delete(uri);
      const latest = documents.get(uri);
      if (latest) quietly(`linting ${uri}`, () => validate(latest));
    };
    if (delay <= 0) run();
    else timers.set(uri, setTimeout(run, delay));
  }

  /** Results for exactly this version of the document (linting now if needed). */
  async function fresh(doc: PieceDocument): Promise<Result | undefined> {
    const known = results.get(doc.uri);
    if (known && known.version === doc.version) return known;
    return validate(doc);
  }

  function relintAll(): void {
    linters.clear();
    for (const doc of documents.all()) schedule(doc, 0);
  }

  async function lintWorkspace(): Promise<{ files: number; findings: number }> {
    let files = 0;
    let findings = 0;
    const bundled = bundledIds();
    for (const folder of folders) {
      // One settings request per folder, not per file (a workspace may hold thousands of notes).
      const client = await clientSettings(pathToFileURL(folder).href);
      const folderSettings = settingsFor(pathToFileURL(join(folder, 'x')).href, client);
      for (const file of workspaceFiles(folder, folderSettings.isIgnored)) {
        const uri = pathToFileURL(file.path).href;
        const open = documents.get(uri);
        if (open) {
          const result = await fresh(open);
          if (result) {
            files++;
            findings += result.diagnostics().filter((d) => d.source === DIAGNOSTIC_SOURCE && isFindingData(d.data)).length;
          }
          continue;
        }
        if (!client.enable || !isSupported(file.languageId, client.languages)) continue;
        const ok = await safely(`linting ${file.path}`, false, () => {
          const settings = settingsFor(uri, client);
          const limit = Math.min(client.maxFileSize, settings.maxFileSize ?? Number.POSITIVE_INFINITY);
          if (settings.isIgnored(file.path) || statSync(file.path).size > limit) return false;
          const text = readFileSync(file.path, 'utf8');
          const found = lint(text, { ruleSet: settings.ruleSet, config: settings.config, format: formatFor(file.languageId) });
          // The whole file as one block from line 0: core's lines and columns are the positions.
          const diagnostics = found.map((f) => blockDiagnostic(f, 0, (id) => bundled.has(id)));
          void connection.sendDiagnostics({ uri, diagnostics });
          findings += found.length;
          return true;
        });
        if (ok) files++;
      }
    }
    log(`reframe: linted ${files} workspace files, ${findings} findings`);
    return { files, findings };
  }

  function explain(ruleId: unknown): string {
    if (typeof ruleId !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'reframe.explain needs a rule id');
    const ruleSet = config().defaultRuleSet();
    const rule = ruleSet.rules.get(ruleId);
    if (!rule) {
      const near = nearestRuleId(ruleId, ruleSet.rules.keys());
      throw new ResponseError(ErrorCodes.InvalidParams, `unknown rule "${ruleId}"${near ? ` (did you mean "${near}"?)` : ''}`);
    }
    return explainMarkdown(rule, ruleReference(ruleId, true, rule.sources));
  }

  async function fixAll(uri: unknown): Promise<{ applied: boolean; fixes: number }> {
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, 'reframe.fixAll needs the uri of an open document');
    const result = await fresh(doc);
    const edits = result ? safeFixEdits(doc, result.diagnostics()) : [];
    if (!edits.length) return { applied: false, fixes: 0 };
    const applied = await connection.workspace.applyEdit({ label: 'Reframe: apply safe fixes', edit: { changes: { [doc.uri]: edits } } });
    return { applied: applied.applied, fixes: edits.length };
  }

  async function changeWorkspaceConfig(uri: unknown, change: ConfigChange): Promise<{ applied: boolean; file?: string }> {
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'expected a document uri');
    const root = workspaceRootFor(pathOf(uri));
    if (!root) throw new ResponseError(ErrorCodes.InvalidRequest, 'no workspace folder to write .reframerc.json to');
    const target = join(root, WORKSPACE_CONFIG_NAME);
    const targetUri = pathToFileURL(target).href;
    // The open buffer, else what we last wrote (editors may not have saved it yet), else the disk.
    let current = documents.get(targetUri)?.getText() ?? (config().hasPending(target) ? written.get(target) : undefined);
    if (current === undefined) {
      try {
        current = readFileSync(target, 'utf8');
      } catch {
        current = undefined;
      }
    }
    const governing = config().configFileFor(root);
    const built = buildConfigEdit({ target, current, governing, change, canCreate: canCreateFiles });
    if ('error' in built) {
      void connection.window.showErrorMessage(`Reframe: ${built.error}`);
      return { applied: false };
    }
    const label = change.allow ? 'Reframe: allow phrase' : 'Reframe: disable rule';
    const response = await connection.workspace.applyEdit({ label, edit: built.edit });
    if (response.applied) {
      written.set(target, built.text);
      // Editors may leave the edited file unsaved; the change applies now and the saved file takes over.
      config().addPending(target, {
        ...(change.allow ? { allow: [change.allow] } : {}),
        ...(change.ruleOff ? { rulesOff: [change.ruleOff] } : {}),
      });
      relintAll();
    }
    return { applied: response.applied, file: target };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    const rulesDir =
      typeof options.rulesDir === 'string' && options.rulesDir ? options.rulesDir : process.env.REFRAME_RULES_DIR || undefined;
    store = new ConfigStore(rulesDir, reportProblems);
    const caps = params.capabilities;
    canPullConfig = caps.workspace?.configuration === true;
    canWatchDynamically = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canRegisterSettings = canPullConfig && caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    hasFolderEvents = caps.workspace?.workspaceFolders === true;
    canCreateFiles = caps.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true;
    folders = (params.workspaceFolders ?? []).flatMap((f) => pathOf(f.uri) ?? []);
    if (!folders.length) {
      const root = params.rootUri ? pathOf(params.rootUri) : (params.rootPath ?? undefined);
      if (root) folders = [root];
    }
    globalSettings = options.settings;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: ['quickfix', ActionKind.fixAll] },
        hoverProvider: true,
        executeCommandProvider: { commands: Object.values(ServerCommand) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'reframe-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    // Registration can fail (a client that claims support and then refuses): log it, carry on.
    if (canWatchDynamically) {
      const watchers = CONFIG_GLOBS.map((globPattern) => ({ globPattern }));
      quietly('registering file watchers', () => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }));
    }
    if (canRegisterSettings) {
      quietly('registering for settings changes', () =>
        connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }),
      );
    }
    if (hasFolderEvents) {
      quietly('watching workspace folders', () =>
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          const removed = new Set(event.removed.flatMap((f) => pathOf(f.uri) ?? []));
          folders = [...folders.filter((f) => !removed.has(f)), ...event.added.flatMap((f) => pathOf(f.uri) ?? [])];
          config().invalidate();
          relintAll();
        }),
      );
    }
    log(`reframe: rules from ${config().rulesDir}`);
    // Compile the bundled rules now, so the first document opened does not wait for it.
    setImmediate(() => quietly('loading rules', () => config().defaultRuleSet()));
  });

  connection.onDidChangeConfiguration((change) => {
    quietly('applying settings', () => {
      const settings = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
      if (settings !== undefined) globalSettings = settings;
      settingsCache.clear();
      config().clearResolved();
      relintAll();
    });
  });

  connection.onDidChangeWatchedFiles((event) => {
    quietly('reloading configuration', () => {
      for (const change of event.changes) {
        const path = pathOf(change.uri);
        if (path) config().dropPending(path);
      }
      config().invalidate();
      relintAll();
    });
  });

  const seen = new Set<string>();
  documents.onDidChangeContent((event) => {
    const doc = event.document;
    if (!seen.has(doc.uri)) {
      seen.add(doc.uri);
      schedule(doc, 0); // just opened
      return;
    }
    void clientSettings(doc.uri).then(
      (s) => schedule(doc, s.debounceMs),
      () => schedule(doc, DEFAULT_SETTINGS.debounceMs),
    );
  });

  documents.onDidClose((event) => {
    const { uri } = event.document;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    seen.delete(uri);
    results.delete(uri);
    linters.delete(uri);
    settingsCache.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onCodeAction((params: CodeActionParams) =>
    safely<CodeAction[]>('code actions', [], async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const result = await fresh(doc);
      return codeActions(doc, params.context.diagnostics, result?.diagnostics() ?? [], params.context.only);
    }),
  );

  connection.onHover((params: HoverParams) =>
    safely<Hover | null>('hover', null, async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const result = await fresh(doc);
      const offset = doc.offsetAt(params.position);
      const under = (result?.diagnostics() ?? []).filter(
        (d): d is LspDiagnostic & { data: FindingData } =>
          isFindingData(d.data) && doc.offsetAt(d.range.start) <= offset && offset <= doc.offsetAt(d.range.end),
      );
      const first = under[0];
      if (!first) return null;
      const { ruleSet } = settingsFor(doc.uri, await clientSettings(doc.uri));
      const explained = under.map((d) => ({
        data: d.data,
        message: typeof d.message === 'string' ? d.message : d.message.value,
        note: ruleSet.rules.get(d.data.ruleId)?.data.note,
        sources: ruleSet.rules.get(d.data.ruleId)?.sources ?? [],
      }));
      return {
        contents: { kind: 'markdown', value: hoverMarkdown(explained) },
        range: first.range,
      };
    }),
  );

  connection.onExecuteCommand((params) =>
    safely<unknown>(params.command, null, () => {
      const args = params.arguments ?? [];
      switch (params.command) {
        case ServerCommand.lintWorkspace:
          return lintWorkspace();
        case ServerCommand.explain:
          return explain(args[0]);
        case ServerCommand.fixAll:
          return fixAll(args[0]);
        case ServerCommand.allowPhrase:
          return typeof args[1] === 'string' && args[1] ? changeWorkspaceConfig(args[0], { allow: args[1] }) : null;
        case ServerCommand.disableRule:
          return typeof args[1] === 'string' && args[1] ? changeWorkspaceConfig(args[0], { ruleOff: args[1] }) : null;
        default:
          throw new ResponseError(ErrorCodes.MethodNotFound, `unknown command ${params.command}`);
      }
    }),
  );

  connection.onShutdown(() => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();
}
