/** Text assembled from the pieces of a document, with a way back from an offset to where the piece came from. */

export interface Piece<Where> {
  text: string;
  where: Where;
}

export interface LocatedText<Where> {
  /** The pieces joined by blank lines, so each is its own paragraph (and sentences never run across pieces). */
  text: string;
  /** Where the piece holding `offset` (0-based, UTF-16) came from; undefined when there is no text. */
  locate: (offset: number) => Where | undefined;
}

const SEPARATOR = '\n\n';

export function joinPieces<Where>(pieces: Array<Piece<Where>>): LocatedText<Where> {
  const starts: number[] = [];
  const wheres: Where[] = [];
  let text = '';
  for (const piece of pieces) {
    if (text) text += SEPARATOR;
    starts.push(text.length);
    wheres.push(piece.where);
    text += piece.text;
  }
  const locate = (offset: number): Where | undefined => {
    // Last piece starting at or before the offset (binary search: decks can have thousands of lines).
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found === -1 ? wheres[0] : wheres[found];
  };
  return { text, locate };
}
