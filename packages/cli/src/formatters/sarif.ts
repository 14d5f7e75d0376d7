/** `--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning and others). */
import type { Severity } from '@reframe/core';
import { type DocumentPlace, describePlace, type LintRun, type PlacedDiagnostic } from '../types.js';

export interface SarifOptions {
  toolVersion: string;
  /** Absolute working directory: artifact URIs are relative to it (%SRCROOT%). */
  cwd: string;
  /** Leave document text (region snippets) out. */
  redact: boolean;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function fileUri(absDir: string): string {
  const withSlash = absDir.endsWith('/') ? absDir : `${absDir}/`;
  return `file://${withSlash.split('/').map(encodeURIComponent).join('/')}`;
}

function relativeUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** The place fields that are set (SARIF property bags should not carry nulls). */
function placeProperties(d: DocumentPlace): DocumentPlace {
  return Object.fromEntries(
    Object.entries(d).filter(([k, v]) => v !== undefined && ['paragraph', 'slide', 'notes', 'slideLine'].includes(k)),
  );
}

function ruleDescriptor(d: PlacedDiagnostic) {
  const helpLines = [
    d.note,
    d.suggestions.length ? `Prefer: ${d.suggestions.join('; ')}` : '',
    ...d.sources.map((s) => `Source: ${s.title}${s.url ? ` <${s.url}>` : ''}`),
  ].filter(Boolean);
  const helpMarkdown = [
    d.note,
    d.suggestions.length ? `**Prefer:** ${d.suggestions.map((s) => `“${s}”`).join(', ')}` : '',
    ...d.sources.map((s) => (s.url ? `- [${s.title}](${s.url})` : `- ${s.title}`)),
  ].filter(Boolean);
  const helpUri = d.sources.find((s) => s.url)?.url;
  return {
    id: d.ruleId,
    name: d.ruleId.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
    shortDescription: { text: `${d.category}: ${d.ruleId.split('/').pop() ?? d.ruleId}` },
    fullDescription: { text: d.note },
    help: { text: helpLines.join('\n'), markdown: helpMarkdown.join('\n\n') },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[d.severity] },
    properties: { category: d.category, tags: ['reframe', d.category] },
  };
}

export function formatSarif(run: LintRun, options: SarifOptions): string {
  const rules: ReturnType<typeof ruleDescriptor>[] = [];
  const ruleIndex = new Map<string, number>();
  const artifacts: Array<{ location: { uri: string; uriBaseId: string }; properties?: { genre: string; genreSource: string } }> = [];
  const results: object[] = [];
  for (const file of run.files) {
    if (file.skipped) continue;
    const uri = relativeUri(file.path);
    // The document's genre, when one was settled, in the artifact's property bag (no nulls there).
    const genre = file.genre?.genre ? { properties: { genre: file.genre.genre, genreSource: file.genre.source } } : {};
    const artifactIndex = artifacts.push({ location: { uri, uriBaseId: '%SRCROOT%' }, ...genre }) - 1;
    for (const d of file.diagnostics) {
      let index = ruleIndex.get(d.ruleId);
      if (index === undefined) {
        index = rules.push(ruleDescriptor(d)) - 1;
        ruleIndex.set(d.ruleId, index);
      }
      const artifactLocation = { uri, uriBaseId: '%SRCROOT%', index: artifactIndex };
      const { start, end } = d.range;
      // Office documents have no lines or offsets of their own: name the slide or paragraph instead of a region.
      const place = describePlace(d);
      const region =
        place === undefined
          ? {
              startLine: start.line,
              startColumn: start.column,
              endLine: end.line,
              endColumn: end.column,
              charOffset: start.offset,
              charLength: end.offset - start.offset,
              ...(options.redact ? {} : { snippet: { text: d.actual } }),
            }
          : undefined;
      const fixes =
        d.fix && place === undefined
          ? [
              {
                description: { text: `Replace with “${d.fix.text}”` },
                artifactChanges: [
                  {
                    artifactLocation,
                    replacements: [
                      {
                        deletedRegion: { charOffset: d.fix.range[0], charLength: d.fix.range[1] - d.fix.range[0] },
                        insertedContent: { text: d.fix.text },
                      },
                    ],
                  },
                ],
              },
            ]
          : undefined;
      results.push({
        ruleId: d.ruleId,
        ruleIndex: index,
        level: LEVEL[d.severity],
        message: { text: place === undefined ? d.message : `${place[0]?.toUpperCase()}${place.slice(1)}: ${d.message}` },
        locations: [{ physicalLocation: { artifactLocation, ...(region ? { region } : {}) } }],
        ...(fixes ? { fixes } : {}),
        properties: {
          // The preferred repair's kind: only a safe one is ever a SARIF fix.
          ...(d.repairs[0] ? { repairKind: d.repairs[0].kind } : {}),
          ...(d.fixWithheld ? { fixWithheld: d.fixWithheld } : {}),
          ...(place !== undefined ? { ...placeProperties(d), extractedTextLine: start.line } : {}),
        },
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'reframe',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: 'https://www.npmjs.com/package/@reframe/cli',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: fileUri(options.cwd) } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
