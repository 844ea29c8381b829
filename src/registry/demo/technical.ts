import { month, names, SEEDS, src, year } from './sources.js';

const ACCORD_PLAN = src(
  SEEDS.cooperation2005,
  '明确东盟各国和中国将重点开展禁毒宣传和教育、减少毒品需求、加强执法、促进替代发展四个方面的工作',
);
const CHIANG_RAI = src(
  SEEDS.cooperation2005,
  '会后发表了《清莱宣言》,决定在替代发展和易制毒化学品管制方面加强合作',
);

/** Commitments: `from` names the key of the meeting or agreement they come from. */
export const DEMO_COMMITMENTS: {
  from: { meeting?: string; agreement?: string };
  data: Record<string, unknown>;
}[] = [
  ...(
    [
      ['Drug-control publicity and education', '禁毒宣传和教育', 'Пропаганда и просвещение'],
      ['Reducing drug demand', '减少毒品需求', 'Сокращение спроса на наркотики'],
      ['Strengthening law enforcement', '加强执法', 'Усиление правоохранительной деятельности'],
      ['Promoting alternative development', '促进替代发展', 'Содействие альтернативному развитию'],
    ] as const
  ).map(([en, zh, ru]) => ({
    from: { agreement: 'accord-2000' },
    data: { names: names(en, zh, ru), owners: ['CN-NNCC', 'ASEAN'], status: 'open', source: ACCORD_PLAN },
  })),
  {
    from: { meeting: 'chiang-rai-2003' },
    data: {
      names: names(
        'Strengthen cooperation on alternative development',
        '在替代发展方面加强合作',
        'Укреплять сотрудничество в области альтернативного развития',
      ),
      owners: ['CN-NNCC', 'LA-LCDC', 'MM-CCDAC', 'TH-ONCB', 'IN-GOV'],
      status: 'open',
      source: CHIANG_RAI,
    },
  },
  {
    from: { meeting: 'chiang-rai-2003' },
    data: {
      names: names(
        'Strengthen cooperation on precursor chemical control',
        '在易制毒化学品管制方面加强合作',
        'Укреплять сотрудничество в области контроля над прекурсорами',
      ),
      owners: ['CN-NNCC', 'LA-LCDC', 'MM-CCDAC', 'TH-ONCB', 'IN-GOV'],
      status: 'open',
      source: CHIANG_RAI,
    },
  },
  {
    from: { meeting: 'accord-secretariat-2004' },
    data: {
      names: names(
        'Host the second ACCORD International Congress in Beijing in October 2005',
        '承办今年10月在北京举办的第二届ACCORD国际禁毒会议',
        'Провести второй международный конгресс ACCORD в Пекине в октябре 2005 года',
      ),
      owners: ['CN-NNCC'],
      dueOn: month('2005-10'),
      status: 'open',
      notes: 'Status as the article reported it, before the congress; nothing later is known from the seeds.',
      datePrecision: { dueOn: 'month' },
      source: src(
        SEEDS.cooperation2005,
        '根据2004年ACCORD秘书处会议达成的共识,我国将负责承办今年10月在北京举办第二届ACCORD国际禁毒会议',
      ),
    },
  },
  {
    from: { meeting: 'sco-heads-2009' },
    data: {
      names: names(
        "Set up the senior officials' meeting mechanism and four permanent expert working groups",
        '建立禁毒部门高官会议机制,设立四个常设专家工作组',
        'Создать механизм совещаний старших должностных лиц и четыре постоянные экспертные рабочие группы',
      ),
      owners: [],
      status: 'done',
      statusHistory: [
        {
          status: 'done',
          on: month('2009-05'),
          by: 'demo data (seed 003)',
          note: '正式启动了上合组织禁毒合作机制化进程',
        },
      ],
      source: src(
        SEEDS.sco2018,
        '决议建立禁毒部门高官会议机制,设立…四个常设专家工作组,正式启动了上合组织禁毒合作机制化进程',
      ),
    },
  },
];

export const DEMO_TRAINING: { agreement?: string; data: Record<string, unknown> }[] = [
  {
    data: {
      names: names(
        'Drug law enforcement training for Myanmar and Lao officials',
        '对缅甸、老挝禁毒执法官员的业务培训',
        'Подготовка сотрудников правоохранительных органов Мьянмы и Лаоса',
      ),
      hosts: ['CN-NNCC'],
      startsOn: year(2002),
      sessionsCount: 3,
      participants: [
        { country: 'MM', officers: null },
        { country: 'LA', officers: null },
      ],
      officersTotal: 175,
      notes:
        'Since 2002, as of the article (about 2005); the article gives the total for both countries only.',
      datePrecision: { startsOn: 'year' },
      source: src(
        SEEDS.cooperation2005,
        '自2002年以来,我国家禁毒委分别对缅甸、老挝的禁毒执法官员开展了三期业务培训,共培训两国执法官员175名',
      ),
    },
  },
  {
    data: {
      names: names(
        'National precursor chemical enforcement training courses',
        '全国易制毒化学品执法培训班',
        'Национальные курсы по контролю над прекурсорами',
      ),
      hosts: ['US-DEA', 'CN-MPS-NCB'],
      startsOn: year(2004),
      sessionsCount: 2,
      sessions: [
        { place: 'Shanghai', country: 'CN' },
        { place: 'Nanning', country: 'CN' },
      ],
      participants: [{ country: 'CN', officers: null }],
      datePrecision: { startsOn: 'year' },
      source: src(
        SEEDS.cooperation2005,
        '2004年,美缉毒署和公安部禁毒局合作分别在上海和南宁举办了两期全国易制毒化学品执法培训班',
      ),
    },
  },
  {
    data: {
      names: names(
        'Bilateral drug law enforcement training for Kazakhstan, Kyrgyzstan, Pakistan, Tajikistan and Uzbekistan',
        '为哈、吉、巴、塔、乌举办的双边禁毒执法培训班',
        'Двусторонние курсы подготовки сотрудников антинаркотических ведомств Казахстана, Кыргызстана, Пакистана, Таджикистана и Узбекистана',
      ),
      hosts: [],
      sessionsCount: 19,
      participants: ['KZ', 'KG', 'PK', 'TJ', 'UZ'].map((country) => ({ country, officers: null })),
      officersTotal: 283,
      notes: 'Held by China (中方); the article names no host agency and no dates ("as of now", 2018).',
      source: src(
        SEEDS.sco2018,
        '截止目前,中方为哈、吉、巴、塔、乌举办双边禁毒执法培训班19期,283名执法官员参训',
      ),
    },
  },
  {
    data: {
      names: names(
        'SCO multilateral drug-control training courses',
        '上合多边禁毒培训班',
        'Многосторонние антинаркотические курсы ШОС',
      ),
      hosts: [],
      mechanism: 'SCO',
      sessionsCount: 4,
      officersTotal: 69,
      notes: 'Held by China; the article gives neither participant countries nor dates ("as of now", 2018).',
      source: src(SEEDS.sco2018, '举行上合多边禁毒培训班4期,69名学生加入学习'),
    },
  },
  {
    agreement: 'cn-af-2006',
    data: {
      names: names(
        'Training programmes for Afghan police',
        '为阿富汗警察举办的培训项目',
        'Программы подготовки афганских полицейских',
      ),
      hosts: [],
      sessionsCount: 10,
      participants: [{ country: 'AF', officers: null }],
      officersTotal: 200,
      officersTotalIsMinimum: true,
      notes: 'Held by China under the 2006 agreement; "over 200 experts".',
      source: src(
        SEEDS.parisPact2018,
        'China has held ten training programs for Afghanistani police, helping the country train over 200 experts in the field',
      ),
    },
  },
];

const NNCC = 'CN-NNCC';

export const DEMO_AD_PROJECTS: Record<string, unknown>[] = [
  {
    names: names(
      'Crop seeds and seedlings for Kokang',
      '为缅北果敢地区提供农作物种子和幼苗',
      'Семена и рассада для района Коканг',
    ),
    countries: ['MM'],
    region: { en: 'Kokang, northern Myanmar', zh: '缅北果敢地区' },
    crops: [{ en: 'crop seeds and seedlings', zh: '农作物种子和幼苗' }],
    funding: [{ amount: 300_000, currency: 'CNY', on: year(2002), donor: NNCC }],
    implementers: [NNCC],
    startsOn: year(2002),
    datePrecision: { startsOn: 'year', 'funding/0/on': 'year' },
    source: src(
      SEEDS.cooperation2005,
      '2002年,国家禁毒委员会直接投资30万元,为缅北果敢地区提供了农作物种子和幼苗',
    ),
  },
  {
    names: names(
      'Alternative development in the Wanhong area, Myanmar',
      '缅甸万宏地区替代发展',
      'Альтернативное развитие в районе Ваньхун (Мьянма)',
    ),
    countries: ['MM'],
    region: { en: 'Wanhong area', zh: '万宏地区' },
    funding: [{ amount: 500_000, currency: 'CNY', on: year(2003), donor: NNCC }],
    startsOn: year(2003),
    datePrecision: { startsOn: 'year', 'funding/0/on': 'year' },
    source: src(
      SEEDS.cooperation2005,
      '2003年,中国国家禁毒委员会分别投资50万元人民币用于缅甸万宏地区和老挝北部的替代发展工作',
    ),
  },
  {
    names: names(
      'Alternative development in northern Laos',
      '老挝北部替代发展',
      'Альтернативное развитие на севере Лаоса',
    ),
    countries: ['LA'],
    region: { en: 'northern Laos', zh: '老挝北部' },
    funding: [{ amount: 500_000, currency: 'CNY', on: year(2003), donor: NNCC }],
    startsOn: year(2003),
    datePrecision: { startsOn: 'year', 'funding/0/on': 'year' },
    source: src(
      SEEDS.cooperation2005,
      '2003年,中国国家禁毒委员会分别投资50万元人民币用于缅甸万宏地区和老挝北部的替代发展工作',
    ),
  },
  {
    names: names(
      'Alternative planting in northern Myanmar (to the end of 2003)',
      '缅北替代种植（至2003年底）',
      'Альтернативные посевы на севере Мьянмы (до конца 2003 года)',
    ),
    countries: ['MM'],
    region: { en: 'northern Myanmar', zh: '缅北' },
    areaValue: 550_000,
    areaUnit: 'mu',
    areaAsOf: '2003-12-31',
    source: src(
      SEEDS.cooperation2005,
      '至2003年底,我国在缅、老开展替代种植面积共62万亩(缅北55万亩、老北7万亩)',
    ),
  },
  {
    names: names(
      'Alternative planting in northern Laos (to the end of 2003)',
      '老北替代种植（至2003年底）',
      'Альтернативные посевы на севере Лаоса (до конца 2003 года)',
    ),
    countries: ['LA'],
    region: { en: 'northern Laos', zh: '老北' },
    areaValue: 70_000,
    areaUnit: 'mu',
    areaAsOf: '2003-12-31',
    source: src(
      SEEDS.cooperation2005,
      '至2003年底,我国在缅、老开展替代种植面积共62万亩(缅北55万亩、老北7万亩)',
    ),
  },
  {
    names: names(
      "China's support to alternative development in Myanmar and Laos since the 1990s",
      '90年代以来我国帮助缅、老开展替代发展',
      'Поддержка Китаем альтернативного развития в Мьянме и Лаосе с 1990-х годов',
    ),
    countries: ['MM', 'LA'],
    funding: [
      {
        amount: 500_000_000,
        currency: 'CNY',
        isMinimum: true,
        note: 'funds and in kind from central and local governments and the private sector, cumulative (5亿多元)',
      },
    ],
    notes: 'One figure for both countries; the article gives no split and no years beyond "since the 1990s".',
    source: src(
      SEEDS.cooperation2005,
      '90年代至今,我国中央和地方政府及私营部门已累计投入资金和实物5亿多元帮助缅、老开展替代发展',
    ),
  },
];
