#!/usr/bin/env node
/**
 * Write the binary files of the sample curriculum (examples/curriculum): a Word handout, a slide deck
 * with speaker notes and an OpenDocument rubric. Everything in them is invented for the example;
 * no real person, patient or service appears. Run: node packages/cli/scripts/make-curriculum.mjs
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import PptxGenJS from 'pptxgenjs';

const here = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(here, '..', '..', '..', 'examples', 'curriculum');
// Fixed zip timestamps keep regenerated files byte-for-byte comparable where the library allows.
const FIXED_DATE = new Date('2026-01-05T09:00:00Z');

/** Week 2 handout: substance use. Mixes wording to repair with clinical wording that must stay. */
async function handout() {
  const h = (text, heading = HeadingLevel.HEADING_2) => new Paragraph({ text, heading });
  const p = (text) => new Paragraph({ children: [new TextRun(text)] });
  const doc = new Document({
    creator: 'Harbourside Institute of Counselling (fictional)',
    title: 'Week 2 handout: substance use and the people we work with',
    sections: [
      {
        children: [
          h('Week 2 handout: substance use and the people we work with', HeadingLevel.HEADING_1),
          p('This handout supports the Week 2 seminar. The case material is invented for teaching.'),
          h('Background'),
          p(
            'Many clients who come to a community counselling service have a history of drug abuse, and some will have been told for years that they are addicts.',
          ),
          p('Urine drug screen negative at intake is recorded as a result, not as a judgement.'),
          h('Case study: Mr T'),
          p('Mr T is a 34-year-old carpenter. His GP letter describes him as a heroin addict who has been clean for six months.'),
          p('He says he still feels like "a junkie in a good suit" at family events; we record his words as he says them.'),
          p('His father was an alcoholic, and Mr T worries about his own drinking.'),
          p('At the last session he relapsed and admitted to using twice over the weekend.'),
          h('Discussion questions'),
          p('1. How might the phrase "substance abuser" in a referral change how the next worker greets Mr T?'),
          p('2. Rewrite the GP letter in plain, person-first language.'),
          p('3. What does "dirty urine" communicate that "positive for opioids" does not?'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Week 3 slides: suicide prevention, with speaker notes for the facilitator. */
async function slides() {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = 'Harbourside Institute of Counselling (fictional)';
  pptx.title = 'Week 3: Talking about suicide safely';
  const title = { x: 0.6, y: 0.4, w: 12, h: 1, fontSize: 30, bold: true, color: '1F2933' };
  const body = { x: 0.8, y: 1.6, w: 11.5, h: 5, fontSize: 20, color: '1F2933', valign: 'top' };
  const deck = [
    {
      title: 'Week 3: Talking about suicide safely',
      bullets: ['Foundations of Counselling Practice', 'Harbourside Institute of Counselling (fictional)'],
      notes:
        'Welcome the group. Remind everyone that this session can bring up personal experiences and that they can step out at any time.',
    },
    {
      title: 'Why words matter',
      bullets: [
        'People bereaved by suicide tell us the word "committed" hurts.',
        'When a student says someone committed suicide, gently offer "died by suicide".',
        'Language shapes whether people seek help.',
      ],
      notes: 'Invite the group to list phrases they have heard in the media. Note them on the whiteboard without judging anyone.',
    },
    {
      title: 'Case vignette: Sam',
      bullets: [
        'Sam, 19, was seen in the emergency department after a failed suicide attempt.',
        'His friends describe the overdose as a cry for help.',
        'Sam says: "I just wanted everything to stop."',
      ],
      notes:
        'Ask the group how the phrase failed attempt might sound to Sam if he read his own file. Explain that a suicide gesture is not a lesser event.',
    },
    {
      title: 'Assessing risk',
      bullets: [
        'Ask directly about suicidal thoughts; asking does not plant the idea.',
        'Record protective factors as well as risks.',
        'Denies current suicidal intent is a standard phrase and is fine in a record.',
      ],
      notes: 'Older texts speak of a successful suicide or a completed suicide; explain why we now say the person died by suicide.',
    },
    {
      title: 'Working with families',
      bullets: [
        'Families may use words like "selfish" or "attention-seeking"; respond with care, not correction.',
        'Postvention support is part of the service.',
      ],
      notes: 'Her brother committed suicide last year is an example sentence from an old assessment form we no longer use.',
    },
  ];
  for (const s of deck) {
    const slide = pptx.addSlide();
    slide.addText(s.title, title);
    slide.addText(
      s.bullets.map((text) => ({ text, options: { bullet: true, breakLine: true } })),
      body,
    );
    slide.addNotes(s.notes);
  }
  return pptx.write({ outputType: 'nodebuffer', compression: true });
}

/** Assessment rubric as OpenDocument text, written directly: content.xml inside a zip. */
function rubric() {
  const paragraphs = [
    ['h', 'Assessment rubric: case note assignment'],
    ['p', 'Students submit a one-page case note about an invented client. Markers use the rubric below.'],
    ['h', 'Criterion 1: describes behaviour, not character'],
    [
      'p',
      'A distinction-level note describes what the client did and said. A fail-level note calls the client non-compliant or manipulative.',
    ],
    ['p', 'Example of a fail-level sentence: The client claims she cannot afford the medication and refused the referral.'],
    ['h', 'Criterion 2: respectful description of disability'],
    ['p', 'Avoid phrases such as wheelchair-bound or suffers from cerebral palsy; write that the client uses a wheelchair.'],
    ['p', 'A note that calls a client a frequent flyer at the clinic will be returned for revision.'],
  ];
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paragraphs
    .map(([kind, text]) => (kind === 'h' ? `<text:h text:outline-level="2">${esc(text)}</text:h>` : `<text:p>${esc(text)}</text:p>`))
    .join('\n');
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:text>
${body}
</office:text></office:body></office:document-content>
`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`;
  // The mimetype entry must come first and be stored uncompressed.
  return zipSync(
    {
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'META-INF/manifest.xml': strToU8(manifest),
      'content.xml': strToU8(content),
    },
    { mtime: FIXED_DATE },
  );
}

const files = {
  'week-2-substance-use-handout.docx': await handout(),
  'week-3-suicide-prevention.pptx': await slides(),
  'assessment-rubric.odt': rubric(),
};
for (const [name, bytes] of Object.entries(files)) {
  writeFileSync(join(OUT, name), bytes);
  console.log(`wrote examples/curriculum/${name} (${bytes.length} bytes)`);
}
