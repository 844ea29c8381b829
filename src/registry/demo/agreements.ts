import { month, names, SEEDS, src, year } from './sources.js';

const BILATERAL_17 =
  '迄今我国已与美国、俄罗斯、泰国、缅甸、柬埔寨等亚洲、欧洲、北美洲、南美洲以及非洲的17个国家签署了政府间双边禁毒合作协议、议定书或谅解备忘录';
const MOU_2000_2001 = '2000年至2001年,中国先后与泰国、老挝、缅甸和越南等国政府签署了禁毒合作谅解备忘录';

const bilateral = (
  country: string,
  en: string,
  zh: string,
  ru: string,
  kind: string,
  quote: string,
  mechanism: string | null = null,
) => ({
  kind,
  mechanism,
  names: names(en, zh, ru),
  parties: [{ country: 'CN' }, { country }],
  status: 'signed',
  source: src(SEEDS.cooperation2005, quote),
  ...(quote === MOU_2000_2001
    ? { notes: 'Signed between 2000 and 2001; the article gives no exact date.' }
    : {}),
});

/** Agreements with a key, so that commitments and training can refer to them. */
export const DEMO_AGREEMENTS: { key: string; data: Record<string, unknown> }[] = [
  {
    key: 'gms-mou-1993',
    data: {
      kind: 'mou',
      mechanism: 'GMS-MOU',
      names: names(
        'Memorandum of Understanding on Drug Control (Greater Mekong Subregion)',
        '大湄公河次区域禁毒谅解备忘录',
        'Меморандум о взаимопонимании по контролю над наркотиками (субрегион Большого Меконга)',
      ),
      parties: [
        { country: 'CN', role: 'signatory' },
        { country: 'MM', role: 'signatory' },
        { country: 'TH', role: 'signatory' },
        { country: 'LA', role: 'signatory' },
        { agency: 'UNODC', role: 'signatory', note: 'as the UN drug-control programme (联合国禁毒署)' },
        { country: 'KH', role: 'joined', joinedOn: month('1995-05') },
        { country: 'VN', role: 'joined', joinedOn: month('1995-05') },
      ],
      signedOn: month('1993-10'),
      status: 'signed',
      datePrecision: { signedOn: 'month', 'parties/5/joinedOn': 'month', 'parties/6/joinedOn': 'month' },
      source: src(
        SEEDS.cooperation2005,
        '1993年10月,中国、缅甸、泰国、老挝和联合国禁毒署代表正式签署了大湄公河次区域合作的《禁毒谅解备忘录》',
      ),
    },
  },
  {
    key: 'accord-2000',
    data: {
      kind: 'action_plan',
      mechanism: 'ACCORD',
      names: names(
        'ASEAN and China Plan of Action on Drug Control (ACCORD)',
        '东盟和中国禁毒行动计划',
        'План действий АСЕАН и Китая по контролю над наркотиками (ACCORD)',
      ),
      parties: [
        { country: 'CN', role: 'signatory' },
        { agency: 'ASEAN', role: 'signatory' },
      ],
      signedOn: month('2000-10'),
      status: 'signed',
      scope: {
        en: 'Publicity and education, demand reduction, law enforcement, alternative development',
        zh: '禁毒宣传和教育、减少毒品需求、加强执法、促进替代发展',
      },
      datePrecision: { signedOn: 'month' },
      source: src(
        SEEDS.cooperation2005,
        '2000年10月,罗干同志率团出席了“东盟和中国”国际禁毒会议,共同签署了《东盟和中国禁毒行动计划》,即ACCORD禁毒合作机制',
      ),
    },
  },
  {
    key: 'sco-2004',
    data: {
      kind: 'agreement',
      mechanism: 'SCO',
      names: names(
        'Agreement among SCO member states on cooperation against illicit trafficking in narcotic drugs, psychotropic substances and their precursors',
        '上海合作组织成员国关于禁止非法贩运麻醉药品、精神药物及其前体合作协议',
        'Соглашение между государствами — членами ШОС о сотрудничестве в борьбе с незаконным оборотом наркотических средств, психотропных веществ и их прекурсоров',
      ),
      parties: [
        {
          country: 'CN',
          role: 'ratified',
          note: 'first SCO member state to ratify (NPC Standing Committee)',
        },
      ],
      signedOn: month('2004-06'),
      place: 'Tashkent',
      status: 'signed',
      scope: {
        en: 'Mainly the threat of Afghan drugs to SCO member states',
        zh: '主要是解决阿富汗毒品对上合组织成员国的威胁',
      },
      datePrecision: { signedOn: 'month' },
      source: src(
        SEEDS.cooperation2005,
        '2004年6月,上海合作组织成员国元首在乌兹别克斯坦首都塔什干共同签署了该禁毒合作协议',
      ),
    },
  },
  {
    key: 'cn-us-1984',
    data: {
      ...bilateral(
        'US',
        'China–United States MOU on drug-control cooperation',
        '中美双边禁毒合作谅解备忘录',
        'Меморандум Китая и США о сотрудничестве в борьбе с наркотиками',
        'mou',
        '自1984年与美国签署双边禁毒合作谅解备忘录以来',
      ),
      signedOn: year(1984),
      datePrecision: { signedOn: 'year' },
    },
  },
  {
    key: 'cn-ru',
    data: bilateral(
      'RU',
      'China–Russia intergovernmental drug-control cooperation document',
      '中俄政府间禁毒合作文件',
      'Межправительственный документ Китая и России о сотрудничестве в борьбе с наркотиками',
      'other',
      BILATERAL_17,
    ),
  },
  {
    key: 'cn-kh',
    data: bilateral(
      'KH',
      'China–Cambodia intergovernmental drug-control cooperation document',
      '中柬政府间禁毒合作文件',
      'Межправительственный документ Китая и Камбоджи о сотрудничестве в борьбе с наркотиками',
      'other',
      BILATERAL_17,
    ),
  },
  {
    key: 'cn-th',
    data: bilateral(
      'TH',
      'China–Thailand MOU on drug-control cooperation',
      '中泰禁毒合作谅解备忘录',
      'Меморандум Китая и Таиланда о сотрудничестве в борьбе с наркотиками',
      'mou',
      MOU_2000_2001,
    ),
  },
  {
    key: 'cn-la',
    data: bilateral(
      'LA',
      'China–Laos MOU on drug-control cooperation',
      '中老禁毒合作谅解备忘录',
      'Меморандум Китая и Лаоса о сотрудничестве в борьбе с наркотиками',
      'mou',
      MOU_2000_2001,
      'CN-LA',
    ),
  },
  {
    key: 'cn-mm',
    data: bilateral(
      'MM',
      'China–Myanmar MOU on drug-control cooperation',
      '中缅禁毒合作谅解备忘录',
      'Меморандум Китая и Мьянмы о сотрудничестве в борьбе с наркотиками',
      'mou',
      MOU_2000_2001,
      'CN-MM',
    ),
  },
  {
    key: 'cn-vn',
    data: bilateral(
      'VN',
      'China–Viet Nam MOU on drug-control cooperation',
      '中越禁毒合作谅解备忘录',
      'Меморандум Китая и Вьетнама о сотрудничестве в борьбе с наркотиками',
      'mou',
      MOU_2000_2001,
    ),
  },
  {
    key: 'cn-nl-2004',
    data: {
      kind: 'mou',
      mechanism: null,
      names: names(
        'MOU between the Office of the China NNCC and the Economic Crime Investigation Service of the Netherlands Ministry of Finance on precursor chemical control',
        '中国国家禁毒委员会办公室和荷兰财政部经济犯罪侦查局关于易制毒化学品管制合作的谅解备忘录',
        'Меморандум о сотрудничестве в контроле над прекурсорами между Канцелярией НККН КНР и Службой расследования экономических преступлений Министерства финансов Нидерландов',
      ),
      parties: [
        { agency: 'CN-NNCC', role: 'signatory', note: 'its Office (办公室)' },
        { agency: 'NL-FIOD', role: 'signatory' },
      ],
      signedOn: month('2004-10'),
      place: 'Beijing',
      status: 'signed',
      scope: {
        en: 'Precursor chemical control; the first drug-control cooperation document between China and a European country',
        zh: '易制毒化学品管制合作',
      },
      datePrecision: { signedOn: 'month' },
      source: src(
        SEEDS.cooperation2005,
        '2004年10月,我与荷兰在北京签署了…该备忘录是我国与欧洲国家在禁毒领域签订的第一份禁毒合作文件',
      ),
    },
  },
  {
    key: 'cn-us-2005',
    data: {
      kind: 'memorandum_of_intent',
      mechanism: null,
      names: names(
        'Memorandum of Intent on drug enforcement cooperation (DEA – MPS Narcotics Control Bureau)',
        '关于缉毒合作的意向备忘录',
        'Меморандум о намерениях о сотрудничестве в борьбе с наркотиками (DEA – Управление по контролю над наркотиками МОБ КНР)',
      ),
      parties: [
        { agency: 'US-DEA', role: 'signatory' },
        { agency: 'CN-MPS-NCB', role: 'signatory' },
      ],
      signedOn: month('2005-02'),
      status: 'signed',
      datePrecision: { signedOn: 'month' },
      source: src(
        SEEDS.cooperation2005,
        '2005年2月,美国司法部缉毒署署长首次访华,与公安部禁毒局签署了《关于缉毒合作的意向备忘录》',
      ),
    },
  },
  {
    key: 'cn-af-2006',
    data: {
      ...bilateral(
        'AF',
        'China–Afghanistan agreement (police training)',
        '中阿协议（警察培训）',
        'Соглашение Китая и Афганистана (подготовка полицейских)',
        'agreement',
        '',
      ),
      signedOn: year(2006),
      datePrecision: { signedOn: 'year' },
      source: src(
        SEEDS.parisPact2018,
        'According to an agreement signed between China and Afghanistan in 2006, China has held ten training programs for Afghanistani police',
      ),
    },
  },
  {
    key: 'single-1961',
    data: {
      kind: 'convention',
      mechanism: null,
      names: names(
        'Single Convention on Narcotic Drugs, 1961',
        '1961年麻醉品单一公约',
        'Единая конвенция о наркотических средствах 1961 года',
      ),
      parties: [{ country: 'CN', role: 'acceded', joinedOn: year(1985) }],
      signedOn: year(1961),
      status: 'signed',
      datePrecision: { signedOn: 'year', 'parties/0/joinedOn': 'year' },
      source: src(SEEDS.cooperation2005, '1985年,我国加入联合国《1961年麻醉品公约》和《1971年精神药物公约》'),
    },
  },
  {
    key: 'psychotropic-1971',
    data: {
      kind: 'convention',
      mechanism: null,
      names: names(
        'Convention on Psychotropic Substances, 1971',
        '1971年精神药物公约',
        'Конвенция о психотропных веществах 1971 года',
      ),
      parties: [{ country: 'CN', role: 'acceded', joinedOn: year(1985) }],
      signedOn: year(1971),
      status: 'signed',
      datePrecision: { signedOn: 'year', 'parties/0/joinedOn': 'year' },
      source: src(SEEDS.cooperation2005, '1985年,我国加入联合国《1961年麻醉品公约》和《1971年精神药物公约》'),
    },
  },
  {
    key: 'trafficking-1988',
    data: {
      kind: 'convention',
      mechanism: null,
      names: names(
        'United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances, 1988',
        '联合国禁止非法贩运麻醉药品和精神药物公约',
        'Конвенция ООН о борьбе против незаконного оборота наркотических средств и психотропных веществ 1988 года',
      ),
      parties: [{ country: 'CN', role: 'acceded', joinedOn: year(1989) }],
      signedOn: month('1988-12'),
      place: 'Vienna',
      status: 'signed',
      notes:
        'Discussed at the Vienna conference of December 1988, where China proposed naming INTERPOL as a cooperation channel; China joined in 1989 (article 001: 1989年加入《联合国制止非法贩运麻醉品和精神药物公约》).',
      datePrecision: { signedOn: 'month', 'parties/0/joinedOn': 'year' },
      source: src(
        SEEDS.conference1989,
        '1988年12月在维也纳讨论《联合国禁止非法贩运麻醉药品和精神药物公约》的大会上,是中国代表团首先提出将国际刑警组织作为一种国际合作渠道写进《新公约》',
      ),
    },
  },
];
