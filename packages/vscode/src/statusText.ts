/**
 * What the language status item says, and the genres the server sent (reframe/documentGenre), kept per
 * document. No `vscode` import, so tests can read it; the genre itself is settled by the server.
 */
import type { DocumentGenreParams } from '@reframe/language-server/protocol';

export function describeFindings(count: number): string {
  if (count === 0) return 'no findings';
  return count === 1 ? '1 finding' : `${count} findings`;
}

/** "Reframe: 3 findings · letter"; the genre only when the server settled one for the document. */
export function statusText(count: number, genre: DocumentGenreParams | undefined): string {
  const named = genre?.genre ? ` · ${genre.genre}` : '';
  return `Reframe: ${describeFindings(count)}${named}`;
}

const HOW: Record<NonNullable<DocumentGenreParams['source']>, string> = {
  detected: 'detected from the text',
  config: 'set by the project config (genre)',
  directive: 'set by a reframe-genre directive in the file',
};

/** How the document's genre was set, for the item's detail; undefined when the server sent none (or does not lint it). */
export function describeGenre(genre: DocumentGenreParams | undefined): string | undefined {
  if (!genre?.source) return undefined;
  if (genre.genre === null) return 'genre: none, too little text to tell';
  return `genre ${genre.genre}, ${HOW[genre.source]}`;
}

/** The item's detail: the preset, then the genre and how it was set. */
export function statusDetail(preset: string | undefined, genre: DocumentGenreParams | undefined): string {
  const presetText = preset ? `preset ${preset}` : 'preset from the project config (default clinical-notes)';
  const genreText = describeGenre(genre);
  return genreText ? `${presetText} · ${genreText}` : presetText;
}

/**
 * The latest genre the server sent for each open document. A notification for an older version of a
 * document than the one kept is stale and dropped; a closed document's entry is forgotten (its
 * versions start again when it is opened).
 */
export class DocumentGenres {
  private readonly byUri = new Map<string, DocumentGenreParams>();

  /** Keep `params` unless it is older than what is kept; true when kept. */
  accept(params: DocumentGenreParams): boolean {
    const known = this.byUri.get(params.uri);
    if (known && params.version < known.version) return false;
    this.byUri.set(params.uri, params);
    return true;
  }

  get(uri: string): DocumentGenreParams | undefined {
    return this.byUri.get(uri);
  }

  forget(uri: string): boolean {
    return this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
  }
}
