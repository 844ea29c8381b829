/**
 * The seed articles the demo data is built from (/work/shared/seeds in the design folder). Every demo record names
 * one of them with a short quote; values the articles do not give are left empty.
 */
export const SEEDS = {
  /** People's Daily, 1989-10-10: Asia-Pacific Anti-Drug Conference in Beijing (en + zh). */
  conference1989: '000_9be861c54a613598.txt',
  /** "我国禁毒国际合作的现状及存在的问题" (2007 repost, written about 2005; zh). */
  cooperation2005: '001_b9e97db7c1a4868e.txt',
  /** Xinhua (en): first ASOD plus China Coordination Meeting at the 34th ASOD, hosted by Myanmar. */
  asod34: '002_8a6680b996ccc773.txt',
  /** Global Times interview with Wei Xiaojun on SCO drug-control cooperation (2018; zh). */
  sco2018: '003_5834e6ab4b4f055f.txt',
  /** People's Daily Online (en): SCO–Paris Pact expert working group in Beijing (2018). */
  parisPact2018: '004_a3b72e66160362ed.txt',
} as const;

export const src = (file: string, quote: string) => ({ file, quote });

export const names = (en: string, zh: string, ru: string) => ({ en, zh, ru });

/** A date known to the month, stored as the month's first day. */
export const month = (yyyyMm: string) => `${yyyyMm}-01`;
/** A date known to the year, stored as 1 January. */
export const year = (yyyy: number) => `${yyyy}-01-01`;
