/**
 * Checks the web app's translations (npm run check:i18n; part of npm run lint). Fails when:
 * - a key is missing in any of en, zh-CN and ru, or its text is empty;
 * - a plural key lacks a form its language needs (Intl.PluralRules: ru needs one/few/many/other, zh only other);
 * - the {{placeholders}} of a text differ between languages;
 * - the code uses a key (a string literal such as 'home.title') that the English file lacks;
 * - the code builds a key at run time (t(`…${x}`)), which no check can follow.
 * Keys present in the files but used nowhere are listed as warnings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(new URL('.', import.meta.url).pathname, '..');
const WEB_SRC = path.join(ROOT, 'web/src');
const LOCALE_DIR = path.join(WEB_SRC, 'i18n/locales');
const LANGUAGES = ['en', 'zh-CN', 'ru'] as const;
type Language = (typeof LANGUAGES)[number];

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

interface Texts {
  /** Plain keys and their texts. */
  plain: Map<string, string>;
  /** Plural keys (without the suffix) and their forms. */
  plural: Map<string, Map<string, string>>;
}

const errors: string[] = [];
const warnings: string[] = [];

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) flatten(item, `${prefix}.${i}`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
}

function readTexts(language: Language): Texts {
  const file = path.join(LOCALE_DIR, `${language}.json`);
  const leaves = new Map<string, unknown>();
  flatten(JSON.parse(readFileSync(file, 'utf8')), '', leaves);
  const texts: Texts = { plain: new Map(), plural: new Map() };
  for (const [key, value] of leaves) {
    if (typeof value !== 'string' || value.trim() === '') {
      errors.push(`${language}: "${key}" is empty or not text`);
      if (typeof value !== 'string') continue;
    }
    const plural = PLURAL_SUFFIX.exec(key);
    if (plural) {
      const base = key.slice(0, plural.index);
      const forms = texts.plural.get(base) ?? new Map<string, string>();
      forms.set(plural[1] as string, value);
      texts.plural.set(base, forms);
    } else {
      texts.plain.set(key, value);
    }
  }
  return texts;
}

function placeholders(text: string): string {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .filter((name, i, all) => name !== all[i - 1])
    .join(', ');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const texts = Object.fromEntries(LANGUAGES.map((l) => [l, readTexts(l)])) as Record<Language, Texts>;

// 1. Every key in every language, with the plural forms each language needs and the same placeholders.
const plainKeys = new Set(LANGUAGES.flatMap((l) => [...texts[l].plain.keys()]));
const pluralKeys = new Set(LANGUAGES.flatMap((l) => [...texts[l].plural.keys()]));
for (const key of plainKeys) {
  const byLanguage = LANGUAGES.map((l) => [l, texts[l].plain.get(key)] as const);
  for (const [language, text] of byLanguage) {
    if (text === undefined) errors.push(`${language}: missing "${key}"`);
  }
  const shapes = new Set(
    byLanguage.filter(([, text]) => text !== undefined).map(([, text]) => placeholders(text as string)),
  );
  if (shapes.size > 1)
    errors.push(
      `"${key}": placeholders differ between languages (${[...shapes].map((s) => `{${s}}`).join(' / ')})`,
    );
}
for (const key of pluralKeys) {
  const shapes = new Set<string>();
  for (const language of LANGUAGES) {
    const forms = texts[language].plural.get(key);
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    if (!forms) {
      errors.push(`${language}: missing plural "${key}" (needs ${needed.map((c) => `_${c}`).join(', ')})`);
      continue;
    }
    for (const category of needed) {
      if (!forms.has(category))
        errors.push(`${language}: "${key}_${category}" is missing (${language} needs it)`);
    }
    for (const category of forms.keys()) {
      if (!(needed as string[]).includes(category))
        warnings.push(`${language}: "${key}_${category}" is never used by ${language}`);
    }
    for (const text of forms.values()) shapes.add(placeholders(text));
  }
  if (shapes.size > 1) errors.push(`"${key}": placeholders differ between plural forms or languages`);
}

// 2. Keys used in the code exist. A key is any string literal whose first segment is a top-level section.
const english = texts.en;
const sections = new Set([...english.plain.keys(), ...english.plural.keys()].map((k) => k.split('.')[0]));
const allEnglish = [...english.plain.keys(), ...english.plural.keys()];
const exists = (key: string) =>
  english.plain.has(key) || english.plural.has(key) || allEnglish.some((k) => k.startsWith(`${key}.`));
const used = new Set<string>();
for (const file of sourceFiles(WEB_SRC)) {
  const source = readFileSync(file, 'utf8');
  const where = path.relative(ROOT, file);
  for (const match of source.matchAll(/(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g)) {
    const key = match[2] as string;
    if (!sections.has(key.split('.')[0])) continue;
    used.add(key);
    if (!exists(key)) errors.push(`${where}: uses "${key}", which en.json does not have`);
  }
  for (const match of source.matchAll(/\bt\(\s*`[^`]*\$\{/g)) {
    const line = source.slice(0, match.index).split('\n').length;
    errors.push(
      `${where}:${line}: builds a translation key at run time; write each key out so it can be checked`,
    );
  }
}
for (const key of allEnglish) {
  const isUsed = [...used].some((u) => key === u || key.startsWith(`${u}.`));
  if (!isUsed) warnings.push(`en: "${key}" is not used in web/src`);
}

for (const warning of warnings) console.warn(`warning: ${warning}`);
for (const error of errors) console.error(`error: ${error}`);
const count = plainKeys.size + pluralKeys.size;
if (errors.length) {
  console.error(`check-i18n: ${errors.length} problem(s) in ${count} keys × ${LANGUAGES.length} languages`);
  process.exit(1);
}
console.log(`check-i18n: ${count} keys complete in ${LANGUAGES.join(', ')}; ${used.size} keys used in code`);
