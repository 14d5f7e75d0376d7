/**
 * The abbreviations after which the English parser does not end a sentence at a full stop, as its
 * own regular expressions: parse-english 7.0.0 (lib/regex.js: compared case-insensitively, and
 * case-sensitively) and parse-latin 7.0.0 (lib/plugin/merge-prefix-exceptions.js: numbers of up to
 * three digits, single letters, Latin abbreviations). A test checks these copies against the installed
 * parser, so an upgrade that changes its lists fails loudly instead of changing results quietly.
 */
export const ENGLISH_ABBREVIATIONS =
  /^(t(?:hurs|bsp|sp)|s(?:e(?:pt|c)|q)|(?:tue|bbl|yd)s|thu|sep|tue|bbl|nov|aug|ju[ln]|(?:ap|h)r|(?:ja|su)n|m(?:ar|on|in)|(?:sa|oc|[kpq])t|g(?:ro|al)|f(?:eb|ri|[lt])|d(?:ec|oz)|wed|l(?:bs|td)|inc?|mi|gr|yd|lb|oz|cu)$/;
export const ENGLISH_ABBREVIATIONS_CASE_SENSITIVE =
  /^((?:Northant|Derby|S(?:hrop|taff)|W(?:ark|orc)|L(?:in|ei|an)c|C(?:amb|he)|Trea|York|B(?:uck|e(?:rk|d))|(?:Not|Wil)t|H(?:er|[au]n)t|Glo|Pre)s|Northumb|N(?:or(?:thd|f)|e(?:br|v)|atl)|M(?:(?:essr|as|se)s|i(?:ddx|nn|ch|ss)|ont|lle|s(?:gr|s)|ddx|(?:me|r)s?|a[jn]|ex|gr|o|d|e|s|[tx])?|Heref|P(?:enna|[ahot])|D(?:e(?:rbs|[lv])|r)|Westm|(?:Cali|Pro)f|S(?:a(?:lop|sk)|uff|om|e[cn]|[qrxy])|(?:Bldg|Kan)s?|Here|P(?:enn?|k)|St(?:af)?|W(?:isc|arw|yo)|C(?:umb|olo)|B(?:lvd|rig)|(?:Ok|F)la|(?:Pk|[FH])wy|A(?:r(?:iz|k)|lt?a|tty|m[bd])|(?:Cap|S(?:up|g)|On|Ru|U)t|(?:Ter|Cd|D[ou]|Sn|J)r|(?:Oxo|Co[nr]|Ten|Ke|Ge|Ho)n|Wash|N(?:eb|at)|W(?:is|ar|o)|C(?:al|ol?)|Qu[e\u00E9]|I(?:ll|a)|Tex|G(?:ov|a)|Ind|R(?:te|e[pv]|d)|Ida|(?:Yu|Da)k|(?:Or|Av)e|Ssx|Ok|La|Br|Rt|Id|V[at]|Ky|Lt|F[rt])$/;
export const LATIN_ABBREVIATIONS =
  /^([0-9]{1,3}|[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/;

/** parse-english's own check, which runs before parse-latin moves closing quotes back ("Dr.\" Then"). */
export function isEnglishAbbreviation(word: string): boolean {
  return ENGLISH_ABBREVIATIONS.test(word.toLowerCase()) || ENGLISH_ABBREVIATIONS_CASE_SENSITIVE.test(word);
}

/** Does the parser keep a full stop after this word (the whole word node, as written) in its sentence? */
export function isParserAbbreviation(word: string): boolean {
  const lower = word.toLowerCase();
  return LATIN_ABBREVIATIONS.test(lower) || ENGLISH_ABBREVIATIONS.test(lower) || ENGLISH_ABBREVIATIONS_CASE_SENSITIVE.test(word);
}
