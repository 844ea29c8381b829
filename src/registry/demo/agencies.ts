import { names, SEEDS, src } from './sources.js';

// Where an article names only a country, the agency is that country's drug-control agency as Liaison nodes know it
// (the codes of LIAISON_AGENCY_CODE), or its government where the article says the government signed.
const NAMED_COUNTRY = 'The article names the country, not the agency.';

export const DEMO_AGENCIES = [
  {
    code: 'CN-NNCC',
    kind: 'national_bureau',
    country: 'CN',
    names: names(
      'National Narcotics Control Commission of China',
      '中国国家禁毒委员会',
      'Национальная комиссия по контролю над наркотиками КНР',
    ),
    source: src(
      SEEDS.asod34,
      'China National Narcotics Control Commission has been actively developing cooperation with counterparts',
    ),
  },
  {
    code: 'CN-MPS-NCB',
    kind: 'law_enforcement',
    country: 'CN',
    names: names(
      'Narcotics Control Bureau of the Ministry of Public Security of China',
      '公安部禁毒局',
      'Управление по контролю над наркотиками Министерства общественной безопасности КНР',
    ),
    source: src(
      SEEDS.asod34,
      'Wei Xiaojun, deputy director-general of Narcotics Control Bureau of Ministry of Public Security of China',
    ),
  },
  {
    code: 'CN-INTERPOL-NCB',
    kind: 'law_enforcement',
    country: 'CN',
    names: names(
      'INTERPOL National Central Bureau of China',
      '国际刑警组织中国国家中心局',
      'Национальное центральное бюро Интерпола в КНР',
    ),
    source: src(SEEDS.conference1989, 'Liu Wen, Director of the Chinese National Central Bureau of Interpol'),
  },
  {
    code: 'MM-CCDAC',
    kind: 'national_bureau',
    country: 'MM',
    names: names(
      'Central Committee for Drug Abuse Control (Myanmar)',
      '缅甸中央禁毒委员会',
      'Центральный комитет по контролю над злоупотреблением наркотиками (Мьянма)',
    ),
    notes: NAMED_COUNTRY,
    source: src(
      SEEDS.cooperation2005,
      '1993年10月,中国、缅甸、泰国、老挝和联合国禁毒署代表正式签署了大湄公河次区域合作的《禁毒谅解备忘录》',
    ),
  },
  {
    code: 'TH-ONCB',
    kind: 'national_bureau',
    country: 'TH',
    names: names(
      'Office of the Narcotics Control Board (Thailand)',
      '泰国肃毒委员会办公室',
      'Управление Совета по контролю над наркотиками (Таиланд)',
    ),
    notes: NAMED_COUNTRY,
    source: src(SEEDS.cooperation2005, '1993年10月,中国、缅甸、泰国、老挝和联合国禁毒署代表正式签署'),
  },
  {
    code: 'LA-LCDC',
    kind: 'national_bureau',
    country: 'LA',
    names: names(
      'Lao National Commission for Drug Control and Supervision',
      '老挝国家禁毒委员会',
      'Национальная комиссия Лаоса по контролю над наркотиками',
    ),
    notes: NAMED_COUNTRY,
    source: src(SEEDS.cooperation2005, '1993年10月,中国、缅甸、泰国、老挝和联合国禁毒署代表正式签署'),
  },
  {
    code: 'KH-GOV',
    kind: 'government',
    country: 'KH',
    names: names('Government of Cambodia', '柬埔寨政府', 'Правительство Камбоджи'),
    source: src(SEEDS.cooperation2005, '1995年5月,第一届MOU部长级会议在北京召开,柬埔寨和越南正式加入'),
  },
  {
    code: 'VN-GOV',
    kind: 'government',
    country: 'VN',
    names: names('Government of Viet Nam', '越南政府', 'Правительство Вьетнама'),
    source: src(SEEDS.cooperation2005, '1995年5月,第一届MOU部长级会议在北京召开,柬埔寨和越南正式加入'),
  },
  {
    code: 'IN-GOV',
    kind: 'government',
    country: 'IN',
    names: names('Government of India', '印度政府', 'Правительство Индии'),
    source: src(SEEDS.cooperation2005, '2003年7月,四国加印度五国禁毒合作部长级会议在泰国清莱召开'),
  },
  {
    code: 'UNODC',
    kind: 'international_body',
    country: null,
    names: names(
      'United Nations Office on Drugs and Crime',
      '联合国毒品和犯罪问题办公室',
      'Управление ООН по наркотикам и преступности',
    ),
    notes: 'Signed the 1993 Greater Mekong MOU as the UN drug-control programme (联合国禁毒署, UNDCP).',
    source: src(
      SEEDS.cooperation2005,
      '中国与其他国家在联合国毒品和犯罪问题办公室(UNODC)协调下展开了多方面的区域性禁毒国际合作',
    ),
  },
  {
    code: 'INCB',
    kind: 'international_body',
    country: null,
    names: names(
      'International Narcotics Control Board',
      '国际麻醉品管制局',
      'Международный комитет по контролю над наркотиками',
    ),
    source: src(
      SEEDS.cooperation2005,
      '中国积极参加了国际麻醉品管制局(INCB)协调下的易制毒化学品管制国际合作机制',
    ),
  },
  {
    code: 'INTERPOL',
    kind: 'international_body',
    country: null,
    names: names(
      'International Criminal Police Organization (INTERPOL)',
      '国际刑警组织',
      'Международная организация уголовной полиции (Интерпол)',
    ),
    source: src(
      SEEDS.conference1989,
      'Officials from the Interpol General Secretariat attending the conference',
    ),
  },
  {
    code: 'ASEAN',
    kind: 'international_body',
    country: null,
    names: names(
      'Association of Southeast Asian Nations (ASEAN)',
      '东南亚国家联盟（东盟）',
      'Ассоциация государств Юго-Восточной Азии (АСЕАН)',
    ),
    source: src(SEEDS.cooperation2005, '2000年10月,罗干同志率团出席了“东盟和中国”国际禁毒会议'),
  },
  {
    code: 'ASEAN-SEC',
    kind: 'regional_secretariat',
    country: null,
    names: names('ASEAN Secretariat', '东盟秘书处', 'Секретариат АСЕАН'),
    source: src(SEEDS.asod34, 'attended by officials from the ASEAN Secretariat, ASEAN member countries'),
  },
  {
    code: 'SCO-SEC',
    kind: 'regional_secretariat',
    country: null,
    names: names(
      'Secretariat of the Shanghai Cooperation Organisation',
      '上海合作组织秘书处',
      'Секретариат Шанхайской организации сотрудничества',
    ),
    source: src(SEEDS.parisPact2018, 'said Rashid Alimov, Secretary-General of SCO'),
  },
  {
    code: 'US-DEA',
    kind: 'law_enforcement',
    country: 'US',
    names: names(
      'Drug Enforcement Administration (United States)',
      '美国司法部缉毒署',
      'Управление по борьбе с наркотиками (США)',
    ),
    source: src(SEEDS.asod34, 'those from the Drug Enforcement Administration (DEA) of the United States'),
  },
  {
    code: 'AU-AFP',
    kind: 'law_enforcement',
    country: 'AU',
    names: names('Australian Federal Police', '澳大利亚联邦警察', 'Федеральная полиция Австралии'),
    source: src(SEEDS.asod34, 'Australian Federal Police (AFP)'),
  },
  {
    code: 'NL-FIOD',
    kind: 'law_enforcement',
    country: 'NL',
    names: names(
      'Economic Crime Investigation Service, Ministry of Finance of the Netherlands',
      '荷兰财政部经济犯罪侦查局',
      'Служба расследования экономических преступлений Министерства финансов Нидерландов',
    ),
    source: src(
      SEEDS.cooperation2005,
      '《中国国家禁毒委员会办公室和荷兰财政部经济犯罪侦查局关于易制毒化学品管制合作的谅解备忘录》',
    ),
  },
];
