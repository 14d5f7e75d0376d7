/** retext-equality's messages as Reframe diagnostics (the opt-in `equality` pack): always `info`, with the package's link as source. */
import type { VFile } from 'vfile';
import { adaptCase } from '../repair/case.js';
import { messageFor } from '../repair/message.js';
import { isDisabled } from '../repair/suppress.js';
import type { Directives } from '../text/directives.js';
import type { LineIndex } from '../text/positions.js';
import type { Diagnostic, Repair } from '../types.js';

export function equalityDiagnostics(file: VFile, text: string, lines: LineIndex, directives: Directives): Diagnostic[] {
  const base = typeof file.data.base === 'number' ? file.data.base : 0;
  const out: Diagnostic[] = [];
  for (const m of file.messages) {
    const place = m.place && 'start' in m.place ? m.place : undefined;
    const s = place?.start.offset;
    const e = place?.end.offset;
    if (s === undefined || e === undefined) continue;
    const ruleId = `equality/${m.ruleId ?? 'unknown'}`;
    if (isDisabled(directives, ruleId, s + base, e + base)) continue;
    const actual = text.slice(s + base, e + base);
    const expected = (m as unknown as { expected?: string[] }).expected ?? [];
    const repairs = expected.map((x): Repair => ({ kind: 'rewrite', text: adaptCase(x, actual, true) }));
    out.push({
      ruleId,
      category: 'equality',
      severity: 'info',
      message: messageFor(actual, repairs, undefined),
      actual,
      range: { start: lines.position(s + base), end: lines.position(e + base) },
      suggestions: repairs.map((r) => r.text),
      repairs,
      note: 'General inclusive-language check from retext-equality (opt-in pack "equality").',
      sources: m.url ? [{ key: 'retext-equality', title: 'retext-equality', url: m.url }] : [],
    });
  }
  return out;
}
