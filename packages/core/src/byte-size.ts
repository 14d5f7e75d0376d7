/**
 * File size limits written the way people write them: a number of bytes, or "500KB", "20 MB",
 * "1.5GiB". K, M and G are powers of 1024 whether or not an "i" is written (as most file tools
 * count), so "1MB" is 1,048,576 bytes.
 */

/** Files larger than this are skipped with a notice unless `maxFileSize` or `--max-file-size` says otherwise. */
export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024;

const UNIT_POWER: Record<string, number> = { '': 0, b: 0, k: 1, m: 2, g: 3 };
const SIZE = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|(b))?\s*$/i;

/** Bytes for a size setting, or undefined when it is not one (negative, fractional bytes, unknown unit). */
export function parseByteSize(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  const m = SIZE.exec(value);
  if (!m?.[1]) return undefined;
  const unit = (m[2] ?? m[3] ?? '').toLowerCase();
  const bytes = Math.round(Number(m[1]) * 1024 ** (UNIT_POWER[unit] ?? 0));
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** "200 MB", "512 KB", "1.5 GB", "900 bytes": for notices. */
export function formatByteSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[unit]}`;
}
