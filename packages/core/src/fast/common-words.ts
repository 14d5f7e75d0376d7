/**
 * The 800 most frequent words of clinical prose, most frequent first (counted over the public-domain
 * MTSamples transcriptions). Used only to pick the rarest word of a phrase as its prefilter anchor;
 * Zipf's law turns a rank into a frequency estimate.
 */
const WORDS = (
  'the and was of to a with in is patient no she for he were on this at then right left has as or that her there history ' +
  'had his be normal procedure placed not an well from i are pain s which we it any have by after mg x noted also time but ' +
  'c using will blood been performed into skin without anesthesia all incision used removed year room old some diagnosis ' +
  'general artery through anterior up taken back over disease past chest mm examination position two dr area one who lower ' +
  'cm fashion neck out negative present made does l upper did down pressure closed good medications posterior postoperative ' +
  'lateral vicryl abdomen obtained medical day operating approximately clear heart significant preoperative surgery both ' +
  'evidence o p given tissue condition exam side suture about small sterile denies stable catheter physical bilaterally ' +
  'done intact seen very loss prepped care mild distal findings family daily complications extremities head wound symptoms ' +
  'other draped none bilateral under plan level identified prior within showed rate coronary signs once brought diagnoses ' +
  'next bleeding further bone above surgical hospital would soft per needle acute bladder proximal muscle dissection female ' +
  'than medial allergies found if nerve abdominal when him tube tolerated more again years t status bowel mass these d ' +
  'point chronic discussed use today applied off cervical first unremarkable iv days review evaluation fascia knee ' +
  'difficulty hemostasis where discharge ml weight treatment following however joint home during last recovery foot states ' +
  'they three illness extremity may weeks pulmonary place subcutaneous revealed post eye vital stenosis attention sutures ' +
  'usual large impression vein risks total femoral multiple regular edema aspect problems systems could severe supine site ' +
  'hypertension white male ct second inserted see cc renal ago operative infection fracture since including lesion changes ' +
  'consent throughout end midline having appropriate due tendon so respiratory carried therapy able mother inferior social ' +
  'secondary wall positive because spine running low interrupted being ligament nasal size now along tumor follow irrigated ' +
  'fluid pulse elevated followed appeared b minutes endotracheal previous estimated just do lesions cancer blade cardiac ' +
  'full portion mri rhythm possible emergency french heent age high week superior course table biopsy space breath free ' +
  'external months body sent scan breast motion disc masses assessment need felt ray moderate only hours region diabetes ' +
  'cord dissected q carotid around operation increased times current weakness motor adequate admitted placement indications ' +
  'distress minimal count sounds developed advanced informed shoulder deep shows lobe range currently lungs continue local ' +
  'type technique arm leg tenderness upon injury started wire ventricular detail nontender decreased internal several most ' +
  'saline underwent lumbar spinal dorsal drug transverse sheath cut alert atrial sinus its alcohol otherwise admission ' +
  'vomiting swelling valve long consistent injected transferred nausea four colon uterus appears open sleep benefits recent ' +
  'complete should lung subsequently temperature passed r complaint aortic amount test risk description turned repair ' +
  'closure h function additional office tourniquet dressing lidocaine failure length shortness until urine fever liver n ' +
  'reported ankle less between reviewed pounds visualized air case electrocautery known cavity light can oral brain me ' +
  'procedures followup contrast satisfactory hip discharged system change syndrome mid cardiovascular port each continued ' +
  'vessel department graft night reports ear our reason morning received reveals neurologic like sedation treated work ' +
  'laboratory pathology direct solution taking base hernia strength flap vision muscles removal presented anesthetic note ' +
  'middle screws get carefully excellent stent thyroid make same month cell medication scissors chief administered ' +
  'auscultation proceed control hand antibiotics completed pelvis metatarsal dry line my limits associated supple oriented ' +
  'what degrees mucosa while nose abc marcaine previously clinic going areas abnormalities kidney unable active still m xyz ' +
  'return ultrasound dose canal data murmur laterally abnormal pelvic correct central slightly lymph venous initially ' +
  'vascular tissues denied y study doing studies opened descending here flow although greater block mmhg sponge sensory ' +
  'surface prostate presents recurrent non needed questions resection mouth equal visualization secured specimen rest sharp ' +
  'activity achieved tear throat tip compression cough across aorta grade include scope likely carpal recently third ' +
  'primary every stomach subcuticular directed round vaginal completely visual speech cuff bovie demonstrated described ' +
  'much reflexes palpable quadrant better drain common eyes gait stated injection obstruction confirmed returned pulses ' +
  'uterine stress quite diet father standard branch results minute visit mr urinary plantar gallbladder patent ii divided ' +
  'unit complaints manner plate few stage pupils incised cautery facial extended rectal reactive based prolene creatinine ' +
  'epinephrine evaluated disk entire main headaches explained hemoglobin sac went fat little take nylon units related ' +
  'improved sided clinical appear entered screw process nerves below consultation depression began report diagnosed go ' +
  'capsule therefore child you new adhesions foley grossly before such blunt layer physician reduction recommended five ' +
  'abcd marked carcinoma single monocryl via temporal pleasant grasped diarrhea feet images short drainage irrigation bed ' +
  'ekg peripheral similar palpation created fixation erythema saw scalpel tunnel insertion'
).split(' ');

const RANK = new Map<string, number>(WORDS.map((w, i) => [w, i]));

/** Relative frequency estimate of a lower-case word: 1/(rank + 10), or a small floor for rarer words. */
export function frequencyOf(word: string): number {
  const rank = RANK.get(word);
  return rank === undefined ? 1 / 2000 : 1 / (rank + 10);
}
