/**
 * The repair set (repair-set/repairs.yml): invented sentences with the outputs acceptable for the
 * first suggestion, the outputs no suggestion may give, and what an automatic fix makes of each.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Diagnostic, isWording, type ReframeConfig } from '../src/index.js';
import { check } from './helpers.js';

interface RepairCase {
  text: string;
  rule: string;
  config?: ReframeConfig;
  flags?: boolean;
  good?: string[];
  forbidden?: string[];
  fix?: string | null;
}

const cases = parse(readFileSync(new URL('./repair-set/repairs.yml', import.meta.url), 'utf8')) as RepairCase[];

/** The text with one replacement made over [start, end). */
const replaced = (text: string, start: number, end: number, by: string) => text.slice(0, start) + by + text.slice(end);

/** Every sentence the finding's wording would give, in the order offered. */
const outputs = (text: string, d: Diagnostic) =>
  d.repairs.filter((r) => isWording(r.kind)).map((r) => replaced(text, d.range.start.offset, d.range.end.offset, r.text));

function applyFixes(text: string, findings: Diagnostic[]): string {
  let out = text;
  for (const f of [...findings].filter((d) => d.fix).sort((a, b) => (b.fix?.range[0] ?? 0) - (a.fix?.range[0] ?? 0)))
    if (f.fix) out = replaced(out, f.fix.range[0], f.fix.range[1], f.fix.text);
  return out;
}

describe('the repair set', () => {
  it('holds cases of every kind', () => {
    expect(cases.length).toBeGreaterThan(30);
    expect(cases.some((c) => c.fix === null) && cases.some((c) => typeof c.fix === 'string')).toBe(true);
  });

  it.each(cases.map((c) => [`${c.rule}: ${c.text}${c.config ? ` (${JSON.stringify(c.config)})` : ''}`, c] as const))('%s', (_name, c) => {
    const all = check(c.text, c.config ? { config: c.config } : {});
    const findings = all.filter((d) => d.ruleId === c.rule);
    if (c.flags === false) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings.length, `${c.rule} flags the sentence`).toBeGreaterThan(0);
    const [first] = findings as [Diagnostic];
    const offered = findings.flatMap((d) => outputs(c.text, d));
    if (c.good) expect(c.good, 'the first suggestion is one of the good outputs').toContain(outputs(c.text, first)[0]);
    for (const bad of c.forbidden ?? []) expect(offered, 'no suggestion gives a forbidden output').not.toContain(bad);
    if (c.fix === null) expect(findings.filter((d) => d.fix).map((d) => d.fix?.text)).toEqual([]);
    else if (c.fix !== undefined) expect(applyFixes(c.text, all)).toBe(c.fix);
  });
});
