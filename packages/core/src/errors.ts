/** Errors that point at a place in a file: `file:line:column: message`. */
export class ReframeFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = 'ReframeFileError';
  }
}

/** Several problems found in one pass, reported together. */
export class ReframeFileErrors extends Error {
  constructor(readonly errors: ReframeFileError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ReframeFileErrors';
  }
}

/**
 * Whether a key or value read from a config file or pack may appear in a message: short and made of
 * identifier characters (a key such as `sugestions`, a rule id such as `substance/addict`, a value such
 * as `loud`). Anything else is described, never quoted: a file that fails as config may be a file that
 * was never meant to be read (a credentials file, /etc/shadow).
 */
export function isNameLike(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_.$*/-]{1,64}$/.test(value);
}

/**
 * A setting's value (a path in `extends` or `packs`) quoted for a message: control, C1 and
 * bidirectional characters escaped, at most `max` characters.
 */
export function quoted(value: string, max = 120): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
