import type { DrugGroup } from '../model.js';

const g = (code: string, parentCode: string | null, en: string, zh: string, ru: string): DrugGroup => ({
  code,
  parentCode,
  names: { en, zh, ru },
});

/**
 * The UNODC drug groups of the World Drug Report and the Annual Report Questionnaire, with the sub-groups the
 * WDR 2024 annex uses. Parents come before their children (the loader inserts in this order).
 */
export const DRUG_GROUPS: DrugGroup[] = [
  g('opioids', null, 'Opioids', '阿片类物质', 'Опиоиды'),
  g('opiates', 'opioids', 'Opiates', '阿片剂', 'Опиаты'),
  g(
    'pharmaceutical-opioids',
    'opioids',
    'Pharmaceutical opioids',
    '药用阿片类物质',
    'Фармацевтические опиоиды',
  ),
  g('other-opioids', 'opioids', 'Other illicit opioids', '其他非法阿片类物质', 'Прочие незаконные опиоиды'),
  g('cocaine-type', null, 'Cocaine-type', '可卡因类', 'Вещества кокаинового ряда'),
  g('coca', 'cocaine-type', 'Coca (leaf, bush, seed)', '古柯（叶、树、种子）', 'Кока (лист, куст, семена)'),
  g('cocaine', 'cocaine-type', 'Cocaine', '可卡因', 'Кокаин'),
  g('cannabis-type', null, 'Cannabis-type', '大麻类', 'Вещества каннабисного ряда'),
  g('ats', null, 'Amphetamine-type stimulants', '苯丙胺类兴奋剂', 'Стимуляторы амфетаминового ряда'),
  g('amphetamine', 'ats', 'Amphetamine', '苯丙胺', 'Амфетамин'),
  g('methamphetamine', 'ats', 'Methamphetamine', '甲基苯丙胺', 'Метамфетамин'),
  g('ecstasy-type', 'ats', '"Ecstasy"-type substances', '"摇头丸"类物质', 'Вещества типа «экстази»'),
  g('prescription-stimulants', 'ats', 'Prescription stimulants', '处方兴奋剂', 'Рецептурные стимуляторы'),
  g('other-stimulants', 'ats', 'Other stimulants', '其他兴奋剂', 'Прочие стимуляторы'),
  g(
    'sedatives',
    null,
    'Sedatives and tranquillizers',
    '镇静剂和安定剂',
    'Седативные средства и транквилизаторы',
  ),
  g('benzodiazepines', 'sedatives', 'Benzodiazepines', '苯二氮䓬类', 'Бензодиазепины'),
  g('barbiturates', 'sedatives', 'Barbiturates', '巴比妥类', 'Барбитураты'),
  g('ghb-gbl', 'sedatives', 'GHB and GBL', 'γ-羟丁酸和γ-丁内酯', 'ГОМК и ГБЛ'),
  g(
    'other-sedatives',
    'sedatives',
    'Other sedatives and tranquillizers',
    '其他镇静剂和安定剂',
    'Прочие седативные средства и транквилизаторы',
  ),
  g('hallucinogens', null, 'Hallucinogens', '致幻剂', 'Галлюциногены'),
  g('nps', null, 'New psychoactive substances (NPS)', '新精神活性物质', 'Новые психоактивные вещества (НПВ)'),
  g('synthetic-cannabinoids', 'nps', 'Synthetic cannabinoids', '合成大麻素类', 'Синтетические каннабиноиды'),
  g('synthetic-cathinones', 'nps', 'Synthetic cathinones', '合成卡西酮类', 'Синтетические катиноны'),
  g('nps-phenethylamines', 'nps', 'Phenethylamines', '苯乙胺类', 'Фенэтиламины'),
  g('piperazines', 'nps', 'Piperazines', '哌嗪类', 'Пиперазины'),
  g('tryptamines', 'nps', 'Tryptamines', '色胺类', 'Триптамины'),
  g('aminoindanes', 'nps', 'Aminoindanes', '氨基茚满类', 'Аминоинданы'),
  g(
    'ketamine-pcp',
    'nps',
    'Ketamine and phencyclidine-type substances',
    '氯胺酮和苯环利定类物质',
    'Кетамин и вещества фенциклидинового ряда',
  ),
  g('plant-based-nps', 'nps', 'Plant-based NPS', '植物类新精神活性物质', 'НПВ растительного происхождения'),
  g('other-nps', 'nps', 'Other NPS', '其他新精神活性物质', 'Прочие НПВ'),
  g('precursors', null, 'Precursors and chemicals', '易制毒化学品', 'Прекурсоры и химические вещества'),
  g('solvents-inhalants', null, 'Solvents and inhalants', '溶剂和吸入剂', 'Растворители и ингалянты'),
  g('other-substances', null, 'Any other drugs/substances', '其他药物/物质', 'Прочие наркотики/вещества'),
  g(
    'not-internationally-controlled',
    'other-substances',
    'Substances not under international control',
    '不受国际管制的物质',
    'Вещества, не находящиеся под международным контролем',
  ),
  g('miscellaneous', 'other-substances', 'Other miscellaneous', '其他杂项', 'Прочее'),
];
