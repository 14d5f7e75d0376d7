// The language status item's text and detail, and the genres kept per document, without VS Code:
// the genre the server sends (reframe/documentGenre) shows next to the count, with how it was set.
import type { DocumentGenreParams } from '@reframe/language-server/protocol';
import { describe, expect, it } from 'vitest';
import { DocumentGenres, statusDetail, statusText } from '../src/statusText';

const URI = 'file:///notes/reply.md';
const genre = (over: Partial<DocumentGenreParams> = {}): DocumentGenreParams => ({
  uri: URI,
  version: 1,
  genre: 'letter',
  source: 'detected',
  ...over,
});

describe('status text', () => {
  it('shows the count and the genre the server settled', () => {
    expect(statusText(3, genre())).toBe('Reframe: 3 findings · letter');
    expect(statusText(1, genre({ genre: 'chart-note' }))).toBe('Reframe: 1 finding · chart-note');
    expect(statusText(0, genre({ genre: 'form', source: 'directive' }))).toBe('Reframe: no findings · form');
  });

  it('shows the count alone when there is no genre to show', () => {
    expect(statusText(2, undefined)).toBe('Reframe: 2 findings');
    expect(statusText(2, genre({ genre: null }))).toBe('Reframe: 2 findings');
    expect(statusText(0, genre({ genre: null, source: null }))).toBe('Reframe: no findings');
  });

  it('says in the detail how the genre was set', () => {
    expect(statusDetail('clinical-notes', genre())).toBe('preset clinical-notes · genre letter, detected from the text');
    expect(statusDetail(undefined, genre({ genre: 'teaching', source: 'config' }))).toBe(
      'preset from the project config (default clinical-notes) · genre teaching, set by the project config (genre)',
    );
    expect(statusDetail('clinical-notes', genre({ genre: 'form', source: 'directive' }))).toBe(
      'preset clinical-notes · genre form, set by a reframe-genre directive in the file',
    );
    expect(statusDetail('clinical-notes', genre({ genre: null }))).toBe('preset clinical-notes · genre: none, too little text to tell');
    expect(statusDetail('clinical-notes', genre({ genre: null, source: null }))).toBe('preset clinical-notes');
    expect(statusDetail('clinical-notes', undefined)).toBe('preset clinical-notes');
  });
});

describe('genres kept per document', () => {
  it('keeps the latest version and drops a stale one', () => {
    const genres = new DocumentGenres();
    expect(genres.accept(genre({ version: 4, genre: 'chart-note' }))).toBe(true);
    expect(genres.accept(genre({ version: 3, genre: 'letter' }))).toBe(false);
    expect(genres.get(URI)?.genre).toBe('chart-note');
    expect(genres.accept(genre({ version: 6, genre: 'letter' }))).toBe(true);
    expect(genres.get(URI)?.genre).toBe('letter');
    expect(genres.get('file:///notes/other.md')).toBeUndefined();
  });

  it('forgets a closed document, so its versions can start again', () => {
    const genres = new DocumentGenres();
    genres.accept(genre({ version: 9 }));
    genres.forget(URI);
    expect(genres.accept(genre({ version: 1, genre: 'form' }))).toBe(true);
    expect(genres.get(URI)?.genre).toBe('form');
    genres.clear();
    expect(genres.get(URI)).toBeUndefined();
  });
});
