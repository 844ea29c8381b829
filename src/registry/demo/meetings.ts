import { month, names, SEEDS, src, year } from './sources.js';

const doc = (kind: string, en: string, zh: string, ru?: string) => ({
  kind,
  title: { en, zh, ...(ru ? { ru } : {}) },
});

/** Meetings with a key, so that commitments can refer to them. */
export const DEMO_MEETINGS: { key: string; data: Record<string, unknown> }[] = [
  {
    key: 'beijing-1989',
    data: {
      mechanism: 'INTERPOL',
      level: 'conference',
      names: names(
        'Asia-Pacific Anti-Drug Conference (INTERPOL), Beijing',
        '亚洲地区缉毒研讨会',
        'Азиатско-Тихоокеанская конференция по борьбе с наркотиками (Интерпол), Пекин',
      ),
      startsOn: '1989-10-05',
      endsOn: '1989-10-09',
      status: 'held',
      place: 'Beijing',
      country: 'CN',
      participants: [{ agency: 'CN-INTERPOL-NCB', role: 'chair' }, { agency: 'INTERPOL' }],
      participantCount: 32,
      documents: [
        doc('summary', 'Summary', '纪要', 'Резюме'),
        doc('statement', 'Statement (joint appeal)', '倡议书', 'Заявление (совместный призыв)'),
      ],
      notes:
        'Five days ending 9 October 1989 (dateline 北京10月9日); 32 countries (regions) and international organizations.',
      source: src(
        SEEDS.conference1989,
        '来自32个国家（地区）和有关国际组织的代表…历时5天的亚洲地区缉毒研讨会,今天以产生纪要和倡议书而宣告胜利闭幕',
      ),
    },
  },
  {
    key: 'gms-ministerial-1995',
    data: {
      mechanism: 'GMS-MOU',
      level: 'ministerial',
      names: names(
        'First MOU Ministerial Meeting',
        '第一届MOU部长级会议',
        'Первое совещание министров по Меморандуму',
      ),
      startsOn: month('1995-05'),
      status: 'held',
      place: 'Beijing',
      country: 'CN',
      documents: [
        doc('action_plan', 'Subregional Action Plan', '次区域行动计划', 'Субрегиональный план действий'),
      ],
      datePrecision: { startsOn: 'month' },
      source: src(
        SEEDS.cooperation2005,
        '1995年5月,第一届MOU部长级会议在北京召开,柬埔寨和越南正式加入,会上制定了…《次区域行动计划》',
      ),
    },
  },
  {
    key: 'accord-2000',
    data: {
      mechanism: 'ACCORD',
      level: 'ministerial',
      names: names(
        'ASEAN–China International Congress on Drugs',
        '“东盟和中国”国际禁毒会议',
        'Международный конгресс АСЕАН и Китая по наркотикам',
      ),
      startsOn: month('2000-10'),
      status: 'held',
      participants: [{ country: 'CN', note: 'delegation led by Luo Gan' }, { agency: 'ASEAN' }],
      documents: [
        doc(
          'action_plan',
          'ASEAN and China Plan of Action on Drug Control (ACCORD)',
          '东盟和中国禁毒行动计划',
        ),
      ],
      datePrecision: { startsOn: 'month' },
      source: src(
        SEEDS.cooperation2005,
        '2000年10月,罗干同志率团出席了“东盟和中国”国际禁毒会议,共同签署了《东盟和中国禁毒行动计划》',
      ),
    },
  },
  {
    key: 'clmt-2001',
    data: {
      mechanism: 'CLMT',
      level: 'ministerial',
      names: names(
        'Ministerial Meeting on Drug Control Cooperation of China, Laos, Myanmar and Thailand',
        '中老缅泰四国禁毒合作部长会议',
        'Совещание министров Китая, Лаоса, Мьянмы и Таиланда по сотрудничеству в борьбе с наркотиками',
      ),
      startsOn: month('2001-08'),
      status: 'held',
      place: 'Beijing',
      country: 'CN',
      participants: ['CN-NNCC', 'LA-LCDC', 'MM-CCDAC', 'TH-ONCB'].map((agency) => ({ agency })),
      documents: [doc('declaration', 'Beijing Declaration', '北京宣言', 'Пекинская декларация')],
      datePrecision: { startsOn: 'month' },
      source: src(
        SEEDS.cooperation2005,
        '2001年8月,中老缅泰四国禁毒合作部长会议在北京召开,会议发表了《北京宣言》',
      ),
    },
  },
  {
    key: 'chiang-rai-2003',
    data: {
      mechanism: 'CLMTI',
      level: 'ministerial',
      names: names(
        'Five-country Ministerial Meeting on Drug Control Cooperation',
        '五国禁毒合作部长级会议',
        'Совещание министров пяти стран по сотрудничеству в борьбе с наркотиками',
      ),
      startsOn: month('2003-07'),
      status: 'held',
      place: 'Chiang Rai',
      country: 'TH',
      participants: ['CN-NNCC', 'LA-LCDC', 'MM-CCDAC', 'TH-ONCB', 'IN-GOV'].map((agency) => ({ agency })),
      documents: [doc('declaration', 'Chiang Rai Declaration', '清莱宣言', 'Чианграйская декларация')],
      datePrecision: { startsOn: 'month' },
      source: src(
        SEEDS.cooperation2005,
        '2003年7月,四国加印度五国禁毒合作部长级会议在泰国清莱召开,会后发表了《清莱宣言》',
      ),
    },
  },
  {
    key: 'sco-dushanbe-2003',
    data: {
      mechanism: 'SCO',
      level: 'expert',
      names: names(
        'First meeting of SCO drug-control experts',
        '上海合作组织成员国第一次禁毒专家会议',
        'Первое совещание экспертов государств — членов ШОС по наркотикам',
      ),
      startsOn: month('2003-10'),
      status: 'held',
      place: 'Dushanbe',
      country: 'TJ',
      notes: 'Consensus in principle on the draft drug-control cooperation agreement.',
      datePrecision: { startsOn: 'month' },
      source: src(
        SEEDS.cooperation2005,
        '2003年10月,上海合作组织成员国第一次禁毒专家会议在塔吉克斯坦首都杜尚别召开,对…协议》草案基本达成共识',
      ),
    },
  },
  {
    key: 'sco-tashkent-2004',
    data: {
      mechanism: 'SCO',
      level: 'summit',
      names: names(
        'SCO heads of state meeting, Tashkent',
        '上海合作组织成员国元首会议（塔什干）',
        'Встреча глав государств ШОС, Ташкент',
      ),
      startsOn: month('2004-06'),
      status: 'held',
      place: 'Tashkent',
      country: 'UZ',
      documents: [
        doc(
          'text',
          'SCO agreement on cooperation against illicit trafficking in narcotic drugs, psychotropic substances and precursors',
          '上海合作组织成员国关于禁止非法贩运麻醉药品、精神药物及其前体合作协议',
        ),
      ],
      datePrecision: { startsOn: 'month' },
      source: src(
        SEEDS.cooperation2005,
        '2004年6月,上海合作组织成员国元首在乌兹别克斯坦首都塔什干共同签署了该禁毒合作协议',
      ),
    },
  },
  {
    key: 'accord-secretariat-2004',
    data: {
      mechanism: 'ACCORD',
      level: 'other',
      names: names('ACCORD secretariat meeting', 'ACCORD秘书处会议', 'Совещание секретариата ACCORD'),
      startsOn: year(2004),
      status: 'held',
      datePrecision: { startsOn: 'year' },
      source: src(
        SEEDS.cooperation2005,
        '根据2004年ACCORD秘书处会议达成的共识,我国将负责承办今年10月在北京举办第二届ACCORD国际禁毒会议',
      ),
    },
  },
  {
    key: 'accord-2005',
    data: {
      mechanism: 'ACCORD',
      level: 'ministerial',
      names: names(
        'Second ACCORD International Congress (ministerial)',
        '第二届ACCORD国际禁毒会议（东盟和中国禁毒合作部长级会议）',
        'Второй международный конгресс ACCORD (министерский)',
      ),
      startsOn: month('2005-10'),
      status: 'planned',
      place: 'Beijing',
      country: 'CN',
      notes: 'Planned as the article was written; the article does not report it as held.',
      datePrecision: { startsOn: 'month' },
      source: src(
        SEEDS.cooperation2005,
        '我国将负责承办今年10月在北京举办第二届ACCORD国际禁毒会议(五年一次部长级会议)',
      ),
    },
  },
  {
    key: 'sco-heads-2009',
    data: {
      mechanism: 'SCO',
      level: 'heads_of_agency',
      names: names(
        'First meeting of heads of SCO drug-control agencies',
        '上合组织首次禁毒部门领导人会议',
        'Первое совещание руководителей антинаркотических ведомств ШОС',
      ),
      startsOn: month('2009-05'),
      status: 'held',
      notes: "Decided the senior officials' meeting mechanism and four permanent expert working groups.",
      datePrecision: { startsOn: 'month' },
      source: src(
        SEEDS.sco2018,
        '2009年5月…上合组织首次禁毒部分引导人会议决议建立禁毒部门高官会议机制,设立…四个常设专家工作组',
      ),
    },
  },
  {
    key: 'sco-astana-2011',
    data: {
      mechanism: 'SCO',
      level: 'summit',
      names: names('SCO summit, Astana', '上合组织阿斯塔纳峰会', 'Саммит ШОС, Астана'),
      startsOn: month('2011-06'),
      status: 'held',
      place: 'Astana',
      country: 'KZ',
      documents: [
        doc(
          'other',
          'SCO Anti-Drug Strategy 2011–2016',
          '2011-2016年上合组织成员国禁毒战略',
          'Антинаркотическая стратегия ШОС на 2011–2016 годы',
        ),
        doc(
          'action_plan',
          'Action plan for implementing the strategy',
          '落实行动计划',
          'План действий по реализации стратегии',
        ),
      ],
      datePrecision: { startsOn: 'month' },
      source: src(
        SEEDS.sco2018,
        '2011年6月,阿斯塔纳峰会成员国元首同意了《2011-2016年上合组织成员国禁毒策略》及《落履行动规划》',
      ),
    },
  },
  {
    key: 'sco-ufa-2015',
    data: {
      mechanism: 'SCO',
      level: 'summit',
      names: names('SCO summit, Ufa', '上合组织乌法峰会', 'Саммит ШОС, Уфа'),
      startsOn: month('2015-07'),
      status: 'held',
      place: 'Ufa',
      country: 'RU',
      documents: [
        doc(
          'statement',
          'Statement of the SCO heads of state on the drug problem',
          '上合组织成员国元首关于毒品问题的声明',
          'Заявление глав государств — членов ШОС по проблеме наркотиков',
        ),
      ],
      datePrecision: { startsOn: 'month' },
      source: src(
        SEEDS.sco2018,
        '2015年7月,乌法峰会成员国元首独特宣布了《上合组织成员国元首对于毒品问题的申明》',
      ),
    },
  },
  {
    key: 'sco-qingdao-2018',
    data: {
      mechanism: 'SCO',
      level: 'summit',
      names: names('SCO summit, Qingdao', '上合组织青岛峰会', 'Саммит ШОС, Циндао'),
      startsOn: '2018-06-10',
      status: 'planned',
      place: 'Qingdao',
      country: 'CN',
      documents: [
        doc(
          'other',
          'SCO concept on preventing the abuse of narcotic drugs and psychotropic substances (to be approved)',
          '上合组织预防麻醉药品和精神药品滥用构想',
          'Концепция ШОС по профилактике злоупотребления наркотическими средствами и психотропными веществами',
        ),
      ],
      notes:
        'Announced for 10 June in an interview of 2018 (figures "as of end 2017"); the article does not report it as held.',
      source: src(
        SEEDS.sco2018,
        '6月10日,青岛峰会上合成员国元首将批准《上合组织防备麻醉药品跟精力药品滥用构想》',
      ),
    },
  },
  {
    key: 'asod-34',
    data: {
      mechanism: 'ASOD',
      level: 'senior_officials',
      names: names(
        '34th ASEAN Senior Officials Meeting on Drug Matters, with the first ASOD plus China Coordination Meeting',
        '第34届东盟禁毒高官会议暨首次东盟禁毒高官会议与中国协调会',
        '34-е совещание старших должностных лиц АСЕАН по наркотикам и первое координационное совещание АСОД + Китай',
      ),
      startsOn: year(2013),
      status: 'held',
      country: 'MM',
      participants: [
        { agency: 'ASEAN-SEC' },
        { agency: 'CN-MPS-NCB', note: 'Wei Xiaojun' },
        { country: 'JP', role: 'dialogue partner' },
        { country: 'KR', role: 'dialogue partner' },
        { country: 'IN', role: 'dialogue partner' },
        { agency: 'US-DEA' },
        { agency: 'AU-AFP' },
        { agency: 'UNODC' },
      ],
      notes:
        "Hosted by Myanmar for the second time, Tuesday to Friday. The year is inferred: the article reports 2012 figures as last year's.",
      datePrecision: { startsOn: 'year' },
      source: src(
        SEEDS.asod34,
        'the first ASOD plus China Coordination Meeting here Thursday, which is part of the 34th ASEAN Senior Officials Meeting on Drug Matters (ASOD)',
      ),
    },
  },
  {
    key: 'sco-paris-pact-2018',
    data: {
      mechanism: 'PARIS-PACT',
      level: 'expert',
      names: names(
        'SCO – Paris Pact expert working group, Beijing',
        '上合组织—巴黎公约倡议专家工作组（北京）',
        'Экспертная рабочая группа ШОС и Парижского пакта, Пекин',
      ),
      startsOn: year(2018),
      status: 'held',
      place: 'Beijing',
      country: 'CN',
      participants: [{ agency: 'SCO-SEC' }, { agency: 'UNODC' }, { agency: 'CN-NNCC' }],
      participantCount: 18,
      notes:
        'Three days, jointly launched by the SCO and the Paris Pact Initiative; leaders from 18 countries. The year is inferred from the 2017 figures it quotes.',
      datePrecision: { startsOn: 'year' },
      source: src(
        SEEDS.parisPact2018,
        'Jointly launched by the Shanghai Cooperation Organization (SCO) and Paris Pact Initiative, a three-day expert working group was held in Beijing',
      ),
    },
  },
];
