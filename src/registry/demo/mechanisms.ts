import { month, names, SEEDS, src, year } from './sources.js';

const ACCORD_GROUPS = [
  ['civic-awareness', 'Drug-control publicity and education', '禁毒宣传和教育', 'Пропаганда и просвещение'],
  ['demand-reduction', 'Reducing drug demand', '减少毒品需求', 'Сокращение спроса на наркотики'],
  [
    'law-enforcement',
    'Strengthening law enforcement',
    '加强执法',
    'Усиление правоохранительной деятельности',
  ],
  [
    'alternative-development',
    'Promoting alternative development',
    '促进替代发展',
    'Содействие альтернативному развитию',
  ],
] as const;

const SCO_GROUPS = [
  ['legal-basis', 'Legal basis', '法律基础', 'Правовая база'],
  ['law-enforcement', 'Drug law enforcement', '缉毒执法', 'Правоохранительная деятельность'],
  ['precursor-control', 'Precursor chemical control', '易制毒化学品管制', 'Контроль над прекурсорами'],
  ['demand-reduction', 'Drug demand reduction', '减少毒品需求', 'Сокращение спроса на наркотики'],
] as const;

export const DEMO_MECHANISMS = [
  {
    code: 'GMS-MOU',
    kind: 'regional',
    names: names(
      'Greater Mekong Subregion MOU on Drug Control',
      '大湄公河次区域禁毒合作谅解备忘录机制',
      'Меморандум о взаимопонимании по контролю над наркотиками в субрегионе Большого Меконга',
    ),
    establishedOn: month('1993-10'),
    datePrecision: { establishedOn: 'month' },
    // The first ministerial meeting (May 1995) is recorded; the senior officials' sequence has no starting date.
    cadences: [
      { level: 'ministerial', everyMonths: 24 },
      { level: 'senior_officials', everyMonths: 12 },
    ],
    source: src(
      SEEDS.cooperation2005,
      '1993年10月…正式签署了大湄公河次区域合作的《禁毒谅解备忘录》,形成了MOU机制。…该机制每两年举行一次部长级会议,每年举行一次高官级会议',
    ),
  },
  {
    code: 'ACCORD',
    kind: 'regional',
    names: names(
      'ASEAN and China Cooperative Operations in Response to Dangerous Drugs (ACCORD)',
      '东盟和中国禁毒合作行动计划（ACCORD）机制',
      'Совместные действия АСЕАН и Китая в ответ на угрозу опасных наркотиков (ACCORD)',
    ),
    establishedOn: month('2000-10'),
    datePrecision: { establishedOn: 'month' },
    notes: 'Members: the ASEAN member states and China; the article does not list the ASEAN states.',
    workingGroups: ACCORD_GROUPS.map(([code, en, zh, ru]) => ({ code, names: names(en, zh, ru) })),
    cadences: [
      { level: 'ministerial', everyMonths: 60 },
      ...ACCORD_GROUPS.map(([code]) => ({ level: 'working_group', everyMonths: 12, workingGroup: code })),
    ],
    source: src(
      SEEDS.cooperation2005,
      '共同签署了《东盟和中国禁毒行动计划》,即ACCORD禁毒合作机制…相应成立四个工作组,每年召开一次会议…(五年一次部长级会议)',
    ),
  },
  {
    code: 'CLMT',
    kind: 'regional',
    names: names(
      'China–Laos–Myanmar–Thailand drug-control cooperation (four-country mechanism)',
      '中老缅泰四国禁毒合作机制',
      'Четырёхсторонний механизм сотрудничества в области контроля над наркотиками (Китай, Лаос, Мьянма, Таиланд)',
    ),
    establishedOn: month('2001-08'),
    datePrecision: { establishedOn: 'month' },
    source: src(
      SEEDS.cooperation2005,
      '2001年8月,中老缅泰四国禁毒合作部长会议在北京召开,会议发表了《北京宣言》,四国禁毒合作机制正式成立',
    ),
  },
  {
    code: 'CLMTI',
    kind: 'regional',
    names: names(
      'Five-country drug-control cooperation (China, Laos, Myanmar, Thailand and India)',
      '中老缅泰印五国禁毒合作机制',
      'Пятисторонний механизм сотрудничества в области контроля над наркотиками (Китай, Лаос, Мьянма, Таиланд, Индия)',
    ),
    establishedOn: month('2003-07'),
    datePrecision: { establishedOn: 'month' },
    cadences: [{ level: 'senior_officials', everyMonths: 12 }],
    source: src(
      SEEDS.cooperation2005,
      '2003年7月,四国加印度五国禁毒合作部长级会议在泰国清莱召开…五国禁毒合作机制正式形成。该机制每年举行一次高官会议',
    ),
  },
  {
    code: 'SCO',
    kind: 'regional',
    names: names(
      'Shanghai Cooperation Organisation (SCO) drug-control cooperation',
      '上海合作组织禁毒合作机制',
      'Сотрудничество Шанхайской организации сотрудничества (ШОС) в борьбе с наркотиками',
    ),
    establishedOn: year(2001),
    datePrecision: { establishedOn: 'year' },
    notes:
      'Established: the SCO itself ("17 years ago" in a 2018 interview). The drug-control agreement of June 2004 formed the multilateral mechanism; senior officials\' meetings and four permanent expert working groups date from May 2009. The article gives no member join dates, so no memberships are recorded.',
    workingGroups: SCO_GROUPS.map(([code, en, zh, ru]) => ({
      code,
      names: names(en, zh, ru),
      establishedOn: month('2009-05'),
    })),
    source: src(
      SEEDS.sco2018,
      '17年前,上合组织成立…2009年5月…决议建立禁毒部门高官会议机制,设立法律基本、缉毒执法、易制毒化学品管制、减少毒品需要四个常设专家工作组',
    ),
  },
  {
    code: 'PARIS-PACT',
    kind: 'multilateral',
    names: names('Paris Pact Initiative', '巴黎公约倡议', 'Инициатива «Парижский пакт»'),
    establishedOn: year(2003),
    datePrecision: { establishedOn: 'year' },
    notes: '58 partner countries and 23 organizations (2018), against the trade in Afghan opiates.',
    source: src(
      SEEDS.parisPact2018,
      'Initiated in 2003, the Paris Pact Initiative is a broad international partnership aimed at combating the trade of Afghan opiates',
    ),
  },
  {
    code: 'ASOD',
    kind: 'regional',
    names: names(
      'ASEAN Senior Officials on Drug Matters (ASOD)',
      '东盟禁毒高官会议',
      'Совещание старших должностных лиц АСЕАН по наркотикам (ASOD)',
    ),
    notes:
      'Dialogue partners China, Japan, South Korea and India attended the 34th ASOD; the article gives no dates of their status.',
    source: src(SEEDS.asod34, '34th ASEAN Senior Officials Meeting on Drug Matters (ASOD)'),
  },
  {
    code: 'INTERPOL',
    kind: 'multilateral',
    names: names(
      'INTERPOL drug-enforcement cooperation',
      '国际刑警组织缉毒合作',
      'Сотрудничество Интерпола в борьбе с наркотиками',
    ),
    source: src(
      SEEDS.conference1989,
      'it was the Chinese delegation that first proposed to include Interpol as an international cooperation channel',
    ),
  },
  {
    code: 'INTERPOL-IHC',
    kind: 'multilateral',
    names: names(
      'INTERPOL International Heroin Conference',
      '国际刑警组织国际海洛因大会',
      'Международная конференция Интерпола по героину',
    ),
    cadences: [{ level: 'conference', everyMonths: 12 }],
    source: src(SEEDS.cooperation2005, '每年召开一次的国际刑警组织国际海洛因大会'),
  },
  {
    code: 'CND',
    kind: 'multilateral',
    names: names(
      'UN Commission on Narcotic Drugs (CND)',
      '联合国麻醉品委员会',
      'Комиссия ООН по наркотическим средствам',
    ),
    source: src(SEEDS.cooperation2005, '国家禁毒委员会组团参加了历年联合国麻醉品委员会(CND)会议'),
  },
  {
    code: 'HONLEA-AP',
    kind: 'multilateral',
    names: names(
      'Meeting of Heads of National Drug Law Enforcement Agencies, Asia and the Pacific (HONLEA)',
      '亚太禁毒执法机构负责人会议',
      'Совещание руководителей национальных правоохранительных органов по борьбе с наркотиками, Азия и Тихий океан (ХОНЛЕА)',
    ),
    source: src(SEEDS.cooperation2005, 'CND附属的亚太禁毒执法机构负责人(HONLEA)会议'),
  },
  {
    code: 'ADEC',
    kind: 'multilateral',
    names: names(
      'Asia-Pacific Operational Drug Enforcement Conference (ADEC), hosted by Japan',
      '亚太缉毒执法会议（日本主办）',
      'Азиатско-Тихоокеанская конференция по борьбе с наркотиками (ADEC), Япония',
    ),
    source: src(SEEDS.cooperation2005, '日本主办的亚太缉毒执法会议(ADEC)'),
  },
  {
    code: 'ADLOMICO',
    kind: 'multilateral',
    names: names(
      'Asia-Pacific Drug Law Enforcement Liaison Officers Meeting (ADLOMICO), hosted by the Republic of Korea',
      '亚太缉毒执法联络官会议（韩国主办）',
      'Совещание офицеров связи по борьбе с наркотиками Азиатско-Тихоокеанского региона (ADLOMICO), Республика Корея',
    ),
    source: src(SEEDS.cooperation2005, '韩国主办的亚太缉毒执法联络官会议(ADLOMICO)'),
  },
  {
    code: 'CN-LA',
    kind: 'bilateral',
    names: names(
      'China–Laos bilateral drug-control cooperation (MOU)',
      '中老双边禁毒合作谅解备忘录机制',
      'Двустороннее сотрудничество Китая и Лаоса в борьбе с наркотиками',
    ),
    notes: 'Central and border-area bilateral meetings every year.',
    cadences: [{ level: 'senior_officials', everyMonths: 12 }],
    source: src(
      SEEDS.cooperation2005,
      '在双边禁毒合作谅解备忘录机制下,中国与老挝、缅甸等国每年举行中央和边境地区双边会晤',
    ),
  },
  {
    code: 'CN-MM',
    kind: 'bilateral',
    names: names(
      'China–Myanmar bilateral drug-control cooperation (MOU)',
      '中缅双边禁毒合作谅解备忘录机制',
      'Двустороннее сотрудничество Китая и Мьянмы в борьбе с наркотиками',
    ),
    notes: 'Central and border-area bilateral meetings every year.',
    cadences: [{ level: 'senior_officials', everyMonths: 12 }],
    source: src(
      SEEDS.cooperation2005,
      '在双边禁毒合作谅解备忘录机制下,中国与老挝、缅甸等国每年举行中央和边境地区双边会晤',
    ),
  },
];

const GMS_1993 = src(
  SEEDS.cooperation2005,
  '1993年10月,中国、缅甸、泰国、老挝和联合国禁毒署代表正式签署了大湄公河次区域合作的《禁毒谅解备忘录》',
);
const GMS_1995 = src(SEEDS.cooperation2005, '1995年5月,第一届MOU部长级会议在北京召开,柬埔寨和越南正式加入');
const CLMT_2001 = src(
  SEEDS.cooperation2005,
  '2001年8月,中老缅泰四国禁毒合作部长会议在北京召开…四国禁毒合作机制正式成立',
);
const CLMTI_2003 = src(
  SEEDS.cooperation2005,
  '2003年7月,四国加印度五国禁毒合作部长级会议在泰国清莱召开…五国禁毒合作机制正式形成',
);
const ACCORD_2000 = src(
  SEEDS.cooperation2005,
  '2000年10月,罗干同志率团出席了“东盟和中国”国际禁毒会议,共同签署了《东盟和中国禁毒行动计划》',
);

const member = (
  mechanism: string,
  agency: string,
  joinedOn: string,
  source: { file: string; quote: string },
  notes?: string,
) => ({
  mechanism,
  agency,
  role: 'member',
  joinedOn,
  datePrecision: { joinedOn: 'month' },
  source,
  ...(notes ? { notes } : {}),
});

export const DEMO_MEMBERSHIPS = [
  ...['CN-NNCC', 'MM-CCDAC', 'TH-ONCB', 'LA-LCDC'].map((a) =>
    member('GMS-MOU', a, month('1993-10'), GMS_1993),
  ),
  member(
    'GMS-MOU',
    'UNODC',
    month('1993-10'),
    GMS_1993,
    'Signed as the UN drug-control programme (联合国禁毒署).',
  ),
  member('GMS-MOU', 'KH-GOV', month('1995-05'), GMS_1995),
  member('GMS-MOU', 'VN-GOV', month('1995-05'), GMS_1995),
  member('ACCORD', 'CN-NNCC', month('2000-10'), ACCORD_2000),
  member(
    'ACCORD',
    'ASEAN',
    month('2000-10'),
    ACCORD_2000,
    'ASEAN member states; the article does not list them.',
  ),
  ...['CN-NNCC', 'LA-LCDC', 'MM-CCDAC', 'TH-ONCB'].map((a) => member('CLMT', a, month('2001-08'), CLMT_2001)),
  ...['CN-NNCC', 'LA-LCDC', 'MM-CCDAC', 'TH-ONCB', 'IN-GOV'].map((a) =>
    member('CLMTI', a, month('2003-07'), CLMTI_2003),
  ),
];
