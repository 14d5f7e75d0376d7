/**
 * The words of the scope model: what kind of document a text is (genre), how a sentence speaks
 * (voice), and whom the flagged words are about (subject). Rules name them in their `where` and
 * `genres` fields; the schema lists the same values.
 */

/** What kind of document it is. */
export const GENRES = ['chart-note', 'letter', 'teaching', 'form'] as const;
export type Genre = (typeof GENRES)[number];

/**
 * How a sentence speaks: a record of a person in the third person; an address to the reader ("you");
 * a general or teaching statement; a form, template or interview script.
 */
export const VOICES = ['record', 'address', 'general', 'form'] as const;
export type Voice = (typeof VOICES)[number];

/** Whom or what the flagged words are about. */
export const SUBJECTS = ['person', 'third-party', 'reader', 'service', 'thing'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** Where a rule applies (a rule's `where` field); an absent list means everywhere. */
export interface RuleWhere {
  voices?: Voice[];
  subjects?: Subject[];
}

/** How the genre of a document was settled. */
export type GenreSource = 'directive' | 'config' | 'detected';

export interface GenreOfDocument {
  /** null: not enough evidence; every rule applies as configured. */
  genre: Genre | null;
  source: GenreSource;
}

export const isGenre = (value: unknown): value is Genre => typeof value === 'string' && (GENRES as readonly string[]).includes(value);
