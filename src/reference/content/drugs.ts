import type { Drug, DrugSynonym } from '../model.js';
import { type AliasCandidate, buildAliases } from './aliases.js';
import { DRUG_GROUPS } from './drug-groups.js';
import type { DrugSpec } from './drug-spec.js';
import { OTHER_NPS, SYNTHETIC_CANNABINOIDS, SYNTHETIC_CATHINONES } from './drugs-nps.js';
import { CANNABIS_TYPE, COCAINE_TYPE, OPIOIDS } from './drugs-opioids.js';
import { OTHER_SUBSTANCES, PRECURSORS } from './drugs-other.js';
import { HALLUCINOGENS, SEDATIVES } from './drugs-sedatives-hallucinogens.js';
import { STIMULANTS } from './drugs-stimulants.js';

const SPECS: DrugSpec[] = [
  ...OPIOIDS,
  ...COCAINE_TYPE,
  ...CANNABIS_TYPE,
  ...STIMULANTS,
  ...SEDATIVES,
  ...HALLUCINOGENS,
  ...SYNTHETIC_CANNABINOIDS,
  ...SYNTHETIC_CATHINONES,
  ...OTHER_NPS,
  ...PRECURSORS,
  ...OTHER_SUBSTANCES,
];

export { DRUG_GROUPS };

export function drugs(): Drug[] {
  const groups = new Set(DRUG_GROUPS.map((g) => g.code));
  const seen = new Set<string>();
  return SPECS.map((spec) => {
    if (!groups.has(spec.group)) throw new Error(`drug ${spec.code} names unknown group ${spec.group}`);
    if (seen.has(spec.code)) throw new Error(`drug code ${spec.code} is used twice`);
    seen.add(spec.code);
    return { code: spec.code, groupCode: spec.group, names: { en: spec.en, zh: spec.zh, ru: spec.ru } };
  });
}

function candidates(): AliasCandidate[] {
  const out: AliasCandidate[] = [];
  for (const spec of SPECS) {
    out.push({ text: spec.en, target: spec.code, priority: 0, lang: 'en' });
    out.push({ text: spec.zh, target: spec.code, priority: 0, lang: spec.zh === spec.en ? 'en' : 'zh' });
    out.push({ text: spec.ru, target: spec.code, priority: 0, lang: spec.ru === spec.en ? 'en' : 'ru' });
    for (const s of spec.synonyms) {
      const synonym = typeof s === 'string' ? { text: s } : s;
      out.push({ ...synonym, target: spec.code, priority: 0 });
    }
  }
  return out;
}

/** Names and synonyms of every drug, one per normalised key; two drugs claiming one key is a data error. */
export function drugSynonyms(): DrugSynonym[] {
  return buildAliases(candidates(), 'drug synonym', Number.POSITIVE_INFINITY).aliases.map((a) => ({
    synonymKey: a.key,
    synonym: a.text,
    lang: a.lang,
    drugCode: a.target,
    note: a.note,
  }));
}
