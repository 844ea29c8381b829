import type { Lang } from '../model.js';

/** A synonym as a file writes it; a note says why it maps where it does when that is not obvious. */
export type Synonym = string | { text: string; note?: string; lang?: Lang };

export interface DrugSpec {
  code: string;
  group: string;
  en: string;
  zh: string;
  ru: string;
  synonyms: Synonym[];
}

export const d = (
  code: string,
  group: string,
  en: string,
  zh: string,
  ru: string,
  ...synonyms: Synonym[]
): DrugSpec => ({
  code,
  group,
  en,
  zh,
  ru,
  synonyms,
});

export const n = (text: string, note: string, lang?: Lang): Synonym =>
  lang ? { text, note, lang } : { text, note };

/** A code name (JWH-018) that Chinese and Russian texts write as it is. */
export const code = (group: string, name: string, ...synonyms: Synonym[]): DrugSpec =>
  d(
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    group,
    name,
    name,
    name,
    ...synonyms,
  );

export const AGGREGATE = 'UNODC total row: includes the rows of the same group; never add it to them';
export const GROUP_LABEL = 'UNODC group or sub-group label used where the substance is not named';
export const CLASS_DEFINITION =
  'a generic (class) definition from national legislation, not one named substance';
