/** Whether an ignore directive (scanned in text/directives.ts) turns a finding off. */
import type { Directives } from '../text/directives.js';

export function isDisabled(directives: Directives, ruleId: string, start: number, end: number): boolean {
  return directives.disabled.some((d) => d.start <= start && end <= d.end + 1 && (d.rules === null || d.rules.has(ruleId)));
}
