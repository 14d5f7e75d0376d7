/** A repair takes the capitalisation of the text it replaces ("Addicts" → "People who …", "IVDU" → "PWID"). Wording only: advice keeps its own. */

export function capitalise(text: string): string {
  const i = text.search(/\p{L}/u);
  // Text that opens with a number ("84-year-old woman") has no first word to capitalise.
  if (i < 0 || /^\p{N}/u.test(text)) return text;
  return text.slice(0, i) + text.charAt(i).toUpperCase() + text.slice(i + 1);
}

/**
 * Give a suggestion the capitalisation of the text it replaces. An initialism written in capitals
 * ("Known IVDU") says nothing about the sentence, so it passes its capital on only at a sentence start.
 */
function hasSpace(text: string): boolean {
  return /\s/.test(text);
}

export function adaptCase(suggestion: string, actual: string, patternIsLower: boolean, sentenceStart = true, ownCapital = false): string {
  const shape = caseShape(actual);
  // Capitals throughout: a heading ("SUBSTANCE ABUSE HISTORY") or a word in capitals. A rule's own
  // initialism ("IVDU") is one word in capitals and says nothing of the kind.
  if (shape.letters > 1 && shape.allCapitals && (patternIsLower || hasSpace(actual))) return suggestion.toUpperCase();
  // A capital the rule writes itself ("IVDU", "European settlement") says nothing about the sentence:
  // the suggestion takes a capital only at a sentence's start ("Before colonisation", not "Before Colonisation").
  if (!patternIsLower && (ownCapital || (shape.firstWordLength > 1 && shape.firstWordCapitals)))
    return sentenceStart && (shape.firstLetterCapital || shape.firstWordCapitals) ? capitalise(suggestion) : suggestion;
  return shape.firstLetterCapital ? capitalise(suggestion) : suggestion;
}

interface CaseShape {
  /** Number of letters. */
  letters: number;
  /** No letter of the text changes when upper-cased. */
  allCapitals: boolean;
  /** Length of the first run of letters and digits, and whether it is all capitals. */
  firstWordLength: number;
  firstWordCapitals: boolean;
  /** The first letter is a capital (a letter that has a lower case). */
  firstLetterCapital: boolean;
}

/** How a flagged text is capitalised: one loop for ASCII (most text), Unicode classes otherwise. */
function caseShape(actual: string): CaseShape {
  let ascii = true;
  for (let i = 0; i < actual.length && ascii; i++) ascii = actual.charCodeAt(i) < 128;
  if (!ascii) {
    const letters = actual.replace(/[^\p{L}]/gu, '');
    const firstWord = actual.match(/[\p{L}\p{N}]+/u)?.[0] ?? '';
    const first = actual.match(/\p{L}/u)?.[0];
    return {
      letters: letters.length,
      allCapitals: letters === letters.toUpperCase(),
      firstWordLength: firstWord.length,
      firstWordCapitals: firstWord === firstWord.toUpperCase(),
      firstLetterCapital: first !== undefined && first === first.toUpperCase() && first !== first.toLowerCase(),
    };
  }
  const shape: CaseShape = { letters: 0, allCapitals: true, firstWordLength: 0, firstWordCapitals: true, firstLetterCapital: false };
  let inFirstWord = 0; // 0 before it, 1 inside, 2 after
  for (let i = 0; i < actual.length; i++) {
    const c = actual.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    const wordChar = upper || lower || (c >= 48 && c <= 57);
    if (upper || lower) {
      if (shape.letters === 0) shape.firstLetterCapital = upper;
      shape.letters++;
      if (lower) shape.allCapitals = false;
    }
    if (wordChar && inFirstWord < 2) {
      inFirstWord = 1;
      shape.firstWordLength++;
      if (lower) shape.firstWordCapitals = false;
    } else if (inFirstWord === 1) inFirstWord = 2;
  }
  return shape;
}
