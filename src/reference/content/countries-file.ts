/** Shape of countries.generated.json, written by scripts/gen-reference-countries.ts (`npm run gen:reference`). */
export interface GeneratedArea {
  code: string;
  level: 'region' | 'sub-region' | 'intermediate-region';
  parentCode: string;
  nameEn: string;
}

export interface GeneratedCountry {
  alpha2: string;
  alpha3: string;
  numericCode: string | null;
  m49Code: string | null;
  regionCode: string | null;
  subregionCode: string | null;
  intermediateRegionCode: string | null;
  names: { en: string; zh: string; ru: string };
  officialNames: { en: string | null; zh: string | null; ru: string | null };
  independent: boolean | null;
  /** Further names i18n-iso-countries knows (short forms, former names), by language. */
  otherNames: { en: string[]; zh: string[]; ru: string[] };
}

export interface CountriesFile {
  sources: string[];
  areas: GeneratedArea[];
  countries: GeneratedCountry[];
}
