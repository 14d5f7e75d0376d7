import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_SIZE, formatByteSize, parseByteSize } from '../src/index.js';

describe('file size settings', () => {
  it.each([
    [0, 0],
    [1500, 1500],
    ['1500', 1500],
    ['500KB', 500 * 1024],
    ['500 kb', 500 * 1024],
    ['20MB', 20 * 1024 * 1024],
    ['20MiB', 20 * 1024 * 1024],
    ['20m', 20 * 1024 * 1024],
    ['1.5GB', 1.5 * 1024 ** 3],
    [' 7B ', 7],
  ] as const)('reads %j as %d bytes', (value, bytes) => {
    expect(parseByteSize(value)).toBe(bytes);
  });

  it.each([-1, 1.5, Number.NaN, '', 'big', '20 parsecs', '-5MB', '5TB', '1e3', 'MB'])('rejects %j', (value) => {
    expect(parseByteSize(value)).toBeUndefined();
  });

  it('formats sizes for notices', () => {
    expect(formatByteSize(900)).toBe('900 bytes');
    expect(formatByteSize(2150)).toBe('2.1 KB');
    expect(formatByteSize(DEFAULT_MAX_FILE_SIZE)).toBe('20 MB');
    expect(formatByteSize(209_720_000)).toBe('200 MB');
    expect(formatByteSize(3 * 1024 ** 3)).toBe('3 GB');
  });
});
