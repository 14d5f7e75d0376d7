import { describe, expect, it } from 'vitest';
import { found, run } from './core-helpers.js';

describe('ignore directives', () => {
  it('disable-next-line for all rules or named rules (Markdown comments)', () => {
    const text = '<!-- reframe-disable-next-line -->\nThe addict left.\nThe addict left.';
    expect(run(text, { format: 'markdown' }).map((d) => d.range.start.line)).toEqual([3]);
    const named = '<!-- reframe-disable-next-line test/clean -->\nThe addict left.';
    expect(run(named, { format: 'markdown' })).toHaveLength(1);
    const both = '<!-- reframe-disable-next-line test/clean, test/addict -->\nThe addict left.';
    expect(run(both, { format: 'markdown' })).toEqual([]);
  });
  it('disable / enable ranges', () => {
    const text =
      'The addict.\n\n<!-- reframe-disable test/addict -->\nThe addict. He committed suicide.\n<!-- reframe-enable test/addict -->\n\nThe addict.';
    expect(found(run(text, { format: 'markdown' }))).toEqual([
      'test/addict:addict',
      'test/committed-suicide:committed suicide',
      'test/addict:addict',
    ]);
  });
  it('a disable without an enable runs to the end of the file', () => {
    expect(run('The addict.\n<!-- reframe-disable -->\nThe addict.\n\nThe addict.', { format: 'markdown' })).toHaveLength(1);
  });
  it('ignore-file', () => {
    expect(run('<!-- reframe-ignore-file -->\nThe addict.', { format: 'markdown' })).toEqual([]);
    expect(run('# reframe-ignore-file\nThe addict.')).toEqual([]);
  });
  it('plain-text forms: a marker at line start or square brackets', () => {
    expect(run('# reframe-disable-next-line\nThe addict.')).toEqual([]);
    expect(run('// reframe-disable-next-line test/addict\nThe addict.')).toEqual([]);
    expect(run('[reframe-disable-next-line test/addict]\nThe addict.')).toEqual([]);
    expect(run('The addict. [reframe-disable-line]')).toEqual([]);
    expect(run('[reframe-disable]\nThe addict.\n[reframe-enable]\nThe addict.').map((d) => d.range.start.line)).toEqual([4]);
  });
  it('the directive itself is never linted', () => {
    expect(run('[reframe-disable-next-line test/addict]\nNothing here.')).toEqual([]);
  });
  it('an unrelated mention of reframe- is not a directive', () => {
    expect(run('We use reframe-disable in docs.\nThe addict.')).toHaveLength(1);
  });
});
