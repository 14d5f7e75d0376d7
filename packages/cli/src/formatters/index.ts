import type { Report } from '../types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions {
  color: boolean;
  toolVersion: string;
  cwd: string;
  redact: boolean;
}

export function format(name: FormatName, report: Report, options: FormatOptions): string {
  switch (name) {
    case 'json':
      return formatJson(report);
    case 'stylish':
      return formatStylish(report, options);
    case 'sarif':
      return formatSarif(report, options);
    case 'github':
      return formatGithub(report);
    case 'junit':
      return formatJunit(report);
  }
}
