import type { NonCountryValue } from '../model.js';

/** Values real files put in a country column that are not one country; they resolve, but to no country. */
export const NON_COUNTRY_VALUES: NonCountryValue[] = [
  { code: 'UNKNOWN', names: { en: 'Unknown', zh: '未知', ru: 'Неизвестно' } },
  { code: 'MULTIPLE', names: { en: 'Multiple countries', zh: '多个国家', ru: 'Несколько стран' } },
  { code: 'OTHER', names: { en: 'Other', zh: '其他', ru: 'Другое' } },
  // ISO 3166-3 code of the former Netherlands Antilles: a 2011-2016 value cannot say which of CW, SX or BQ it means.
  {
    code: 'ANHH',
    names: {
      en: 'Netherlands Antilles (dissolved in 2010)',
      zh: '荷属安的列斯（2010年解体）',
      ru: 'Нидерландские Антильские острова (упразднены в 2010 г.)',
    },
  },
];

export interface HandAlias {
  alias: string;
  /** An ISO alpha-2 code, or a non-country value code prefixed with "!" (e.g. "!UNKNOWN"). */
  target: string;
  note?: string;
}

const FORMER = 'former name';

/**
 * Names that real files use and that neither ISO, the UN nor i18n-iso-countries list (or list ambiguously).
 * Sources: the UNODC IDS 2011-2016 file (country, producing, departure, destination columns), the UNODC World
 * Drug Report 2024 annex, and the common Chinese and Russian names a liaison officer types.
 */
export const HAND_ALIASES: HandAlias[] = [
  // UNODC IDS spellings
  { alias: 'Swaziland', target: 'SZ', note: `${FORMER} of Eswatini (until 2018)` },
  { alias: 'Свазиленд', target: 'SZ', note: `${FORMER} of Eswatini (until 2018)` },
  { alias: 'Libyan Arab Jamahiriya', target: 'LY', note: `${FORMER} of Libya (until 2011)` },
  { alias: 'Lao Peoples Democratic Republic', target: 'LA' },
  { alias: 'Macau, SAR of China', target: 'MO' },
  { alias: 'Hong Kong, SAR of China', target: 'HK' },
  {
    alias: 'Macedonia, the former Yugoslav Republic of',
    target: 'MK',
    note: `${FORMER} of North Macedonia (until 2019)`,
  },
  {
    alias: 'The former Yugoslav Republic of Macedonia',
    target: 'MK',
    note: `${FORMER} of North Macedonia (until 2019)`,
  },
  { alias: 'Congo, the Democratic Republic of the', target: 'CD' },
  // ISO 3166 "inverted" short names that i18n-iso-countries does not carry
  { alias: 'Tanzania, United Republic of', target: 'TZ' },
  { alias: "Korea, Democratic People's Republic of", target: 'KP' },
  { alias: 'Congo, Democratic Republic of the', target: 'CD' },
  { alias: 'Palestine, State of', target: 'PS' },
  { alias: 'Virgin Islands, British', target: 'VG' },
  { alias: 'Virgin Islands, U.S.', target: 'VI' },
  {
    alias: 'Kosovo under UNSCR 1244',
    target: 'XK',
    note: 'UN usage: Kosovo under Security Council resolution 1244 (1999)',
  },
  {
    alias: 'Kosovo under UNSCR 1244/99',
    target: 'XK',
    note: 'UN usage: Kosovo under Security Council resolution 1244 (1999)',
  },
  {
    alias: 'Iraq (Kurdistan Region)',
    target: 'IQ',
    note: 'UNODC lists the Kurdistan Region of Iraq separately; counted as Iraq here, the region is lost',
  },
  {
    alias: 'Iraq (Central Iraq)',
    target: 'IQ',
    note: 'UNODC lists Iraq without the Kurdistan Region separately; counted as Iraq here, the part is lost',
  },
  {
    alias: 'United Kingdom (England and Wales)',
    target: 'GB',
    note: 'UNODC reports some United Kingdom figures for England and Wales only; counted as the United Kingdom',
  },
  { alias: 'Netherlands Antilles', target: '!ANHH', note: 'dissolved on 10 October 2010 into CW, SX and BQ' },
  { alias: 'Unknown', target: '!UNKNOWN' },
  { alias: 'Multiple Countries', target: '!MULTIPLE' },
  { alias: 'Other', target: '!OTHER' },
  { alias: '未知', target: '!UNKNOWN' },
  { alias: '多个国家', target: '!MULTIPLE' },
  { alias: '其他', target: '!OTHER' },
  { alias: 'Неизвестно', target: '!UNKNOWN' },
  { alias: 'Несколько стран', target: '!MULTIPLE' },
  { alias: 'Другое', target: '!OTHER' },
  // UNODC World Drug Report spellings
  { alias: 'China, Hong Kong SAR', target: 'HK' },
  { alias: 'China, Macao SAR', target: 'MO' },
  { alias: 'China, Taiwan Province of China', target: 'TW' },
  { alias: 'Taiwan Province of China', target: 'TW' },
  // Other English names still in use
  { alias: 'Burma', target: 'MM', note: `${FORMER} of Myanmar (until 1989)` },
  // Common Chinese names
  { alias: '中国香港', target: 'HK' },
  { alias: '中国澳门', target: 'MO' },
  { alias: '中国台湾', target: 'TW' },
  { alias: '中国', target: 'CN' },
  { alias: '南朝鲜', target: 'KR' },
  { alias: '北朝鲜', target: 'KP' },
  // Common Russian names
  { alias: 'КНР', target: 'CN' },
  { alias: 'Сянган', target: 'HK' },
  { alias: 'Аомынь', target: 'MO' },
  { alias: 'Белоруссия', target: 'BY' },
  { alias: 'Молдова', target: 'MD' },
  { alias: 'Голландия', target: 'NL' },
  { alias: 'Южная Корея', target: 'KR' },
  { alias: 'Северная Корея', target: 'KP' },
  { alias: 'Бирма', target: 'MM', note: `${FORMER} of Myanmar (until 1989)` },
  { alias: 'Македония', target: 'MK', note: `${FORMER} of North Macedonia (until 2019)` },
  { alias: 'Киргизстан', target: 'KG' },
];
