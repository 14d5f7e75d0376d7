/** The one-line message of a diagnostic, from its flagged text and its preferred repair. */
import type { Repair } from '../types.js';
import { isAdvice } from './conventions.js';

export function messageFor(actual: string, repairs: readonly Repair[], custom: string | undefined): string {
  const shown = actual.replace(/\s+/g, ' ');
  if (custom) return custom.replace('{actual}', shown);
  const first = repairs[0];
  if (!first) return `Reconsider “${shown}”`;
  if (isAdvice(first)) return `“${shown}”: ${first.text}`;
  return `Consider “${first.text}” instead of “${shown}”`;
}
