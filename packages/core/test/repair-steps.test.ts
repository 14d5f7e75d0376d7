/**
 * The repair steps and guards, each on its own: repair kinds read from the rule data, the guards that
 * keep a `safe` repair from being applied where it would change what the record says, the degree
 * word, doubled words, and the person's stated preference. Invented rules and the bundled cue lists.
 */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, lint, type Repair, repairTemplateOf, resolveConfig } from '../src/index.js';
import { cueListProblem } from '../src/node/rule-files.js';
import { repairCuesOf } from '../src/repair/cues.js';
import { repairDegree } from '../src/repair/degree.js';
import { dropDoubledWords } from '../src/repair/doubled.js';
import { FIX_GUARDS } from '../src/repair/guards.js';
import { keepMarkup } from '../src/repair/markup.js';
import { statedPreference } from '../src/repair/preference.js';
import { REPAIR_STEPS } from '../src/repair/steps.js';
import { type InventedRule, inventedRuleSet } from './core-helpers.js';
import { bundledRuleSet } from './helpers.js';

const context = () => bundledRuleSet().data.context;
const cues = () => repairCuesOf(context().repair);
const ruleSetOf = (...rules: InventedRule[]) => inventedRuleSet(rules, { repair: context().repair, scope: context().scope });
const first = (ds: Diagnostic[]) => ds[0];

describe('repair kinds as rule data', () => {
  it.each([
    ['wording', { kind: 'rewrite', singular: 'wording' }],
    [
      { singular: 'user', plural: 'users' },
      { kind: 'rewrite', singular: 'user', plural: 'users' },
    ],
    [{ safe: 'died by suicide' }, { kind: 'safe', singular: 'died by suicide' }],
    [{ instruction: 'describe it' }, { kind: 'instruction', singular: 'describe it' }],
    [{ omit: 'omit it' }, { kind: 'omit', singular: 'omit it' }],
    [{ quote: "the person's words" }, { kind: 'quote', singular: "the person's words" }],
  ] as const)('%j is read as %j', (written, template) => {
    expect(repairTemplateOf(written)).toEqual(template);
  });
  it.each([
    ['[describe it]', /advice/],
    [{ safe: 'a', rewrite: 'b' }, /exactly one kind/],
    [{ instruction: 'describe it', plural: 'x' }, /no plural/],
    [{ instruction: '[describe it]' }, /without square brackets/],
    [{ rewrite: 'x', community: 'autism' }, /both its community and its preference/],
  ] as const)('%j is refused', (written, problem) => {
    expect(repairTemplateOf(written as never)).toMatch(problem);
  });
  it('refuses the old `fix` flag with a message that names the replacement', () => {
    expect(() => ruleSetOf({ id: 'test/old', match: [{ phrase: 'addict', fix: true, suggestions: ['person'] }] })).toThrow(/safe: …/);
  });
  it('gives each suggestion its kind, shows advice in brackets, and fixes only a safe first repair', () => {
    const rs = ruleSetOf(
      {
        id: 'test/safe',
        match: [{ phrase: 'wheelchair-bound', suggestions: [{ safe: 'wheelchair user' }, { instruction: 'describe it' }] }],
      },
      { id: 'test/rewrite', match: [{ phrase: 'junkie', suggestions: ['person who uses drugs'] }] },
    );
    const [safe, rewrite] = lint('A wheelchair-bound man. A junkie.', { ruleSet: rs });
    expect(safe?.repairs).toEqual<Repair[]>([
      { kind: 'safe', text: 'wheelchair user' },
      { kind: 'instruction', text: 'describe it' },
    ]);
    expect(safe?.suggestions).toEqual(['wheelchair user', '[describe it]']);
    expect(safe?.fix?.text).toBe('wheelchair user');
    expect(rewrite?.repairs).toEqual([{ kind: 'rewrite', text: 'person who uses drugs' }]);
    expect(rewrite?.fix).toBeUndefined();
  });
  it('runs its steps in a named order', () => {
    expect(REPAIR_STEPS.map(([name]) => name)).toEqual([
      'severity',
      'directives',
      'preference',
      'names',
      'scope',
      'suggestions',
      'merge',
      'degree',
      'article',
      'copula',
      'doubled',
      'markup',
      'fix',
    ]);
  });
});

describe('the guards before an automatic fix', () => {
  const rs = ruleSetOf(
    { id: 'test/suicide', match: [{ phrase: 'committed suicide', suggestions: [{ safe: 'died by suicide' }] }] },
    { id: 'test/aboriginal', match: [{ phrase: 'aboriginal', caseSensitive: true, suggestions: [{ safe: 'Aboriginal' }] }] },
    { id: 'test/settlement', match: [{ phrase: 'settlement', suggestions: [{ safe: 'Colonisation' }] }] },
    { id: 'test/pleasant', match: [{ phrase: 'pleasant', suggestions: [{ safe: 'calm' }] }] },
    { id: 'test/bound', match: [{ phrase: 'wheelchair-bound', suggestions: [{ safe: 'uses a wheelchair' }] }] },
    { id: 'test/island', match: [{ phrase: 'islander', suggestions: [{ safe: 'Torres Strait Islander' }] }] },
  );
  /** The guard that held back the finding's safe repair, or null when it was applied (a finding there must be). */
  const withheldBy = (text: string) => {
    const d = first(lint(text, { ruleSet: rs }));
    expect(d, `a finding in "${text}"`).toBeDefined();
    if (d?.fix) return null;
    return d?.fixWithheld;
  };
  it('lists its guards by name', () => {
    expect(FIX_GUARDS.map(([name]) => name)).toEqual(['negation', 'reported-speech', 'identity-field', 'grammar']);
  });
  it.each([
    ['applies where the words are used plainly', 'Her brother committed suicide in 2019.', null],
    ['negation', 'No family history of committed suicide.', 'negation'],
    ['negation: a denial', 'She denies that her father committed suicide.', 'negation'],
    ['negation: a denial after the words', 'Father committed suicide: denied.', 'negation'],
    ['reported speech', 'Her mother said he committed suicide.', 'reported-speech'],
    ['reported speech: inside quotation marks', 'On the form: "my uncle committed suicide" in 2019.', 'reported-speech'],
    ['reported speech: curly single quotes', 'On the form: ‘my uncle committed suicide’ in 2019.', 'reported-speech'],
    ['identity field', 'Ethnicity: aboriginal', 'identity-field'],
    ['identity field: a table row', '| Ethnicity | aboriginal |', 'identity-field'],
    ['a capital given where the words had none', 'It was before settlement.', 'grammar'],
    ['a capital that is itself the repair', 'An aboriginal man.', null],
    ['a degree word left before it', 'A very pleasant man.', 'grammar'],
    ['a verb form after a modal', 'He will wheelchair-bound.', 'grammar'],
    ['a verb phrase where no "to be" stood', 'He became mostly wheelchair-bound.', 'grammar'],
    ['a verb phrase in place of "is"', 'He is wheelchair-bound.', null],
    ['a verb phrase opening a sentence', 'Wheelchair-bound after the stroke.', null],
    ['a verb phrase before "since", which would need another tense', 'Wheelchair-bound since 2010.', 'grammar'],
    // The article step takes the article in ("An islander" → "A Torres Strait Islander"), so it agrees.
    ['an article the repair takes in', 'An islander from the north.', null],
    ['a capital inside a name the words did not have', 'A Torres Strait islander man.', 'grammar'],
  ])('%s: %s', (_why, text, expected) => {
    expect(withheldBy(text)).toBe(expected);
  });
});

describe('a degree word before the flagged words', () => {
  const repairs = (...texts: Array<[Repair['kind'], string]>): Repair[] => texts.map(([kind, text]) => ({ kind, text }));
  it('passes its capital on when it opens the sentence', () => {
    const text = 'Very pleasant man seen today.';
    const start = text.indexOf('pleasant');
    const r = repairDegree(text, start, start + 'pleasant man'.length, repairs(['rewrite', 'man']), cues().degree, 'omit');
    expect(r).toEqual({ start: 0, suggestions: repairs(['rewrite', 'Man']) });
  });
  it('goes with a descriptor the rule advises omitting', () => {
    const text = 'She is a very pleasant woman.';
    const start = text.indexOf('pleasant');
    const r = repairDegree(
      text,
      start,
      start + 'pleasant woman'.length,
      repairs(['rewrite', 'woman'], ['omit', 'omit it']),
      cues().degree,
      'omit',
    );
    expect(r?.start).toBe(text.indexOf('very'));
  });
  it('is not stranded by wording that drops the word it modifies', () => {
    const text = 'A mildly obese woman.';
    const start = text.indexOf('obese');
    const r = repairDegree(
      text,
      start,
      start + 'obese woman'.length,
      repairs(['rewrite', 'woman with obesity'], ['instruction', 'record weight']),
      cues().degree,
    );
    expect(r).toEqual({ start, suggestions: repairs(['instruction', 'record weight']) });
  });
  it('changes nothing without a degree word, or when the wording keeps the word it modifies', () => {
    const plain = 'A pleasant woman.';
    expect(repairDegree(plain, 2, 16, repairs(['rewrite', 'woman']), cues().degree)).toBeUndefined();
    const kept = 'He is very obese.';
    expect(repairDegree(kept, 11, 16, repairs(['rewrite', 'obese, BMI 41']), cues().degree)).toBeUndefined();
  });
});

describe('doubled words', () => {
  it('drops wording that repeats the word after it or before it, and keeps advice', () => {
    const text = 'a full-blood Aboriginal man';
    const start = text.indexOf('full-blood');
    const end = start + 'full-blood'.length;
    const kept = dropDoubledWords(text, start, end, [
      { kind: 'rewrite', text: 'Aboriginal' },
      { kind: 'quote', text: "the person's own words" },
      { kind: 'rewrite', text: 'First Nations' },
    ]);
    expect(kept.map((r) => r.text)).toEqual(["the person's own words", 'First Nations']);
    expect(dropDoubledWords('was a a patient', 6, 7, [{ kind: 'rewrite', text: 'a person' }])).toEqual([]);
  });
});

describe('emphasis inside the flagged words', () => {
  it('stays on the word it marks, and leaves text without it alone', () => {
    const wording = (text: string): Repair[] => [{ kind: 'rewrite', text }];
    expect(keepMarkup('suffer from **diabetes', wording('have diabetes'))[0]?.text).toBe('have **diabetes');
    expect(keepMarkup('suffers from _anxiety_', wording('has anxiety'))[0]?.text).toBe('has _anxiety_');
    expect(keepMarkup('suffers from anxiety', wording('has anxiety'))[0]?.text).toBe('has anxiety');
    expect(keepMarkup('suffer from **diabetes', [{ kind: 'instruction', text: 'describe it' }])[0]?.text).toBe('describe it');
    // A marker with no word to stay on would move the emphasis: that wording is not offered.
    expect(keepMarkup('**He committed** suicide', wording('died by suicide'))).toEqual([]);
  });
});

describe("the person's stated preference", () => {
  const stated = (text: string, community: 'autism' | 'deaf' | 'disability' = 'autism') =>
    statedPreference(text, 0, text.length, community, cues());
  it.each([
    ['Client says she is an autistic woman, not a woman with autism.', 'identity-first'],
    ['Client says she is not an autistic woman but a woman with autism.', 'person-first'],
    ['She prefers not to be called autistic.', undefined],
    ['Kids at school called him autistic.', undefined],
    ['He asked us to write that he is a person with autism.', 'person-first'],
    ['In her own words, she is autistic.', 'identity-first'],
    ['An autistic man was seen today.', undefined],
    ['He says the appointment suits him.', undefined],
  ] as const)('%s → %s', (text, expected) => {
    expect(stated(text)).toBe(expected);
  });
  it('reads only the paragraph, whatever its line endings', () => {
    const other = 'Another client says she is autistic.\r\n\r\n';
    const text = `${other}He suffers from autism.`;
    const start = text.indexOf('suffers');
    expect(statedPreference(text, start, text.length, 'autism', cues())).toBeUndefined();
    expect(statedPreference(text.replace('\r\n\r\n', ' '), start - 3, text.length - 3, 'autism', cues())).toBe('identity-first');
  });
  it('reads person-first forms that hold the identity-first word first ("who is deaf")', () => {
    expect(stated('She says she is a woman who is deaf.', 'deaf')).toBe('person-first');
    expect(stated('She says she is Deaf.', 'deaf')).toBe('identity-first');
  });
  it("beats the team's setting for a rule and for the order of suggestions", () => {
    const rs = ruleSetOf(
      {
        id: 'test/autistic-person',
        onlyWhen: { community: 'autism', preference: 'person-first' },
        match: [{ phrase: 'autistic woman', suggestions: ['woman with autism'] }],
      },
      {
        id: 'test/suffers',
        match: [
          {
            phrase: 'suffers from autism',
            suggestions: [
              { rewrite: 'has autism', community: 'autism', preference: 'person-first' },
              { rewrite: 'is autistic', community: 'autism', preference: 'identity-first' },
            ],
          },
        ],
      },
    );
    const personFirst = resolveConfig({ identity: { autism: 'person-first' } }, rs);
    const lintWith = (text: string) => lint(text, { ruleSet: rs, config: personFirst });
    expect(lintWith('An autistic woman was seen.').map((d) => d.ruleId)).toEqual(['test/autistic-person']);
    expect(lintWith('Client says she is an autistic woman.')).toEqual([]);
    expect(lintWith('He suffers from autism.')[0]?.suggestions).toEqual(['has autism']);
    expect(lintWith('He suffers from autism. He describes himself as autistic.')[0]?.suggestions).toEqual(['is autistic']);
  });
});

describe('a suggestion that says where it may be offered', () => {
  it('offers "the patient" only for the person a record is about, and "use" only where nothing negates it', () => {
    const rs = ruleSetOf(
      {
        id: 'test/addict',
        match: [{ phrase: 'the addict', suggestions: [{ rewrite: 'the patient', where: { subjects: ['person'] } }, 'the person'] }],
      },
      {
        id: 'test/abuse',
        match: [{ phrase: 'alcohol abuse', suggestions: ['alcohol misuse', { rewrite: 'alcohol use', notUnder: ['negation'] }] }],
      },
    );
    const suggestions = (text: string) => lint(text, { ruleSet: rs })[0]?.suggestions;
    expect(suggestions('Ongoing alcohol abuse.')).toEqual(['alcohol misuse', 'alcohol use']);
    expect(suggestions('No history of alcohol abuse.')).toEqual(['alcohol misuse']);
    expect(suggestions("The addict's mother rang.")).not.toContain("The patient's");
  });
});

describe('cue lists from an untrusted context.yml', () => {
  it('refuses a phrase that stands for too many word sequences, too many phrases, or a phrase too long', () => {
    expect(cueListProblem(['no|not|never history|hx'])).toBeUndefined();
    const wide = Array.from({ length: 20 }, () => 'a|b|c|d|e|f|g|h|i|j').join(' ');
    expect(cueListProblem([wide])).toMatch(/more than 256 word sequences/);
    expect(cueListProblem(Array.from({ length: 5001 }, () => 'x'))).toMatch(/at most 5000/);
    expect(cueListProblem(['x'.repeat(2001)])).toMatch(/longer than 2000/);
  });
});
