import type { Report } from '../types.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export const FORMATS = ['stylish', 'json'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions {
  color: boolean;
}

export function format(name: FormatName, report: Report, options: FormatOptions): string {
  switch (name) {
    case 'json':
      return formatJson(report);
    case 'stylish':
      return formatStylish(report, options);
  }
}
