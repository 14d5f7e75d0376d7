/** textDocument/hover: why each finding under the cursor harms, its suggestions and the rule's sources. */
import type { Connection, Hover, HoverParams, Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { clientSettingsFor, settingsFor } from '../document-settings.js';
import { hoverMarkdown } from '../explanations.js';
import { type FindingData, isFindingData } from '../findings.js';
import type { ServerState } from '../server-state.js';
import { fresh } from './diagnostics.js';
import { safely } from './errors.js';

export function registerHover(connection: Connection, state: ServerState): void {
  connection.onHover((params: HoverParams) =>
    safely<Hover | null>(connection, 'hover', null, async () => {
      const doc = state.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const result = await fresh(connection, state, doc);
      const offset = doc.offsetAt(params.position);
      const under = (result?.diagnostics() ?? []).filter(
        (d): d is LspDiagnostic & { data: FindingData } =>
          isFindingData(d.data) && doc.offsetAt(d.range.start) <= offset && offset <= doc.offsetAt(d.range.end),
      );
      const first = under[0];
      if (!first) return null;
      // The note and sources come from the rule set, by rule id: they are not kept with each finding.
      const { ruleSet } = settingsFor(state, doc.uri, await clientSettingsFor(connection, state, doc.uri));
      const explained = under.map((d) => ({
        data: d.data,
        message: typeof d.message === 'string' ? d.message : d.message.value,
        note: ruleSet.rules.get(d.data.ruleId)?.data.note,
        sources: ruleSet.rules.get(d.data.ruleId)?.sources ?? [],
        rule: ruleSet.rules.get(d.data.ruleId)?.data,
      }));
      return {
        contents: { kind: 'markdown', value: hoverMarkdown(explained) },
        range: first.range,
      };
    }),
  );
}
