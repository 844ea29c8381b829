import type { Names } from '../model.js';

/**
 * Names of the UN M49 areas in Chinese and Russian, as the UN Statistics Division publishes them in its
 * "Standard country or area codes for statistical use (M49)" (English names come from the CSV). The CSV has no
 * row for the world itself, so its names are here too.
 */
export const WORLD: { code: string; names: Names } = {
  code: '001',
  names: { en: 'World', zh: '世界', ru: 'Мир' },
};

export const M49_NAMES_ZH_RU: Record<string, { zh: string; ru: string }> = {
  '002': { zh: '非洲', ru: 'Африка' },
  '009': { zh: '大洋洲', ru: 'Океания' },
  '019': { zh: '美洲', ru: 'Америка' },
  '142': { zh: '亚洲', ru: 'Азия' },
  '150': { zh: '欧洲', ru: 'Европа' },
  '015': { zh: '北非', ru: 'Северная Африка' },
  '202': { zh: '撒哈拉以南非洲', ru: 'Африка к югу от Сахары' },
  '011': { zh: '西非', ru: 'Западная Африка' },
  '014': { zh: '东非', ru: 'Восточная Африка' },
  '017': { zh: '中非', ru: 'Центральная Африка' },
  '018': { zh: '南部非洲', ru: 'Южная часть Африки' },
  '021': { zh: '北美', ru: 'Северная Америка' },
  '419': { zh: '拉丁美洲和加勒比', ru: 'Латинская Америка и Карибский бассейн' },
  '005': { zh: '南美洲', ru: 'Южная Америка' },
  '013': { zh: '中美洲', ru: 'Центральная Америка' },
  '029': { zh: '加勒比', ru: 'Карибский бассейн' },
  '030': { zh: '东亚', ru: 'Восточная Азия' },
  '034': { zh: '南亚', ru: 'Южная Азия' },
  '035': { zh: '东南亚', ru: 'Юго-Восточная Азия' },
  '143': { zh: '中亚', ru: 'Центральная Азия' },
  '145': { zh: '西亚', ru: 'Западная Азия' },
  '151': { zh: '东欧', ru: 'Восточная Европа' },
  '154': { zh: '北欧', ru: 'Северная Европа' },
  '039': { zh: '南欧', ru: 'Южная Европа' },
  '155': { zh: '西欧', ru: 'Западная Европа' },
  '053': { zh: '澳大利亚和新西兰', ru: 'Австралия и Новая Зеландия' },
  '054': { zh: '美拉尼西亚', ru: 'Меланезия' },
  '057': { zh: '密克罗尼西亚', ru: 'Микронезия' },
  '061': { zh: '波利尼西亚', ru: 'Полинезия' },
};
