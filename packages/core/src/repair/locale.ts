/** Suggestion spelling by locale. Rule data is written in Australian English (en-AU). */
export type Locale = 'en-AU' | 'en-GB' | 'en-US';
export const LOCALES: readonly Locale[] = ['en-AU', 'en-GB', 'en-US'];

const US_SPELLING: Array<[RegExp, string]> = [
  [/behaviour/g, 'behavior'],
  [/Behaviour/g, 'Behavior'],
  [/colour/g, 'color'],
  [/organis/g, 'organiz'],
  [/Organis/g, 'Organiz'],
  [/colonis/g, 'coloniz'],
  [/minoritis/g, 'minoritiz'],
  [/recognis/g, 'recogniz'],
  [/stigmatis/g, 'stigmatiz'],
  [/hospitalis/g, 'hospitaliz'],
  [/categoris/g, 'categoriz'],
  [/disorganis/g, 'disorganiz'],
  [/haemo/g, 'hemo'],
  [/aemia/g, 'emia'],
  [/paediatric/g, 'pediatric'],
  [/oedema/g, 'edema'],
  [/centre/g, 'center'],
  [/programme/g, 'program'],
];

export function spellFor(locale: Locale, text: string): string {
  if (locale !== 'en-US') return text;
  let out = text;
  for (const [from, to] of US_SPELLING) out = out.replace(from, to);
  return out;
}
