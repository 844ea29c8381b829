import type { ParseKeys } from 'i18next';
import type { Message } from '../../api/errors';
import { FIELD_LABELS } from './fields';

/**
 * The node writes its field errors in English (src/registry/rules.ts, kinds/*.ts, platform/http/validation.ts).
 * The ones a person meets in the registry's forms are recognised here and said in the user's language; any
 * other message is shown in the node's words. Field names inside a message are given as their label keys.
 */
interface Pattern {
  match: RegExp;
  key: ParseKeys;
  /** Names of the captured groups, in order; a name ending in "Field" holds an API field name. */
  values?: readonly string[];
}

const DATE = '(\\d{4}-\\d{2}-\\d{2})';

const PATTERNS: readonly Pattern[] = [
  { match: /^is required$/, key: 'registry.nodeErrors.required' },
  { match: /^needs a name in at least one of/, key: 'registry.nodeErrors.needsName' },
  { match: /^must match format "date"$/, key: 'registry.nodeErrors.date' },
  { match: /^must match format "uri"$/, key: 'registry.nodeErrors.uri' },
  { match: /^must be (number|integer)$/, key: 'registry.nodeErrors.number' },
  { match: /^must match pattern/, key: 'registry.nodeErrors.pattern' },
  { match: /^must NOT have fewer than 1 characters$/, key: 'registry.nodeErrors.empty' },
  {
    match: new RegExp(`^leave date ${DATE} is not after the join date ${DATE}$`),
    key: 'registry.nodeErrors.leaveBeforeJoin',
    values: ['left', 'joined'],
  },
  {
    match: new RegExp(`^${DATE} is (?:before|not after) (\\w+) ${DATE}$`),
    key: 'registry.nodeErrors.dateOrder',
    values: ['date', 'whatField', 'other'],
  },
  {
    match: new RegExp(`^${DATE} is before mechanism (\\S+) was established \\(${DATE}\\)$`),
    key: 'registry.nodeErrors.beforeEstablished',
    values: ['date', 'mechanism', 'other'],
  },
  {
    match: /^an area cannot be negative \((.+)\)$/,
    key: 'registry.nodeErrors.negativeArea',
    values: ['value'],
  },
  {
    match: /^an amount cannot be negative \((.+)\)$/,
    key: 'registry.nodeErrors.negativeAmount',
    values: ['value'],
  },
  { match: /^cannot be negative \((.+)\)$/, key: 'registry.nodeErrors.negative', values: ['value'] },
  { match: /^an area needs both a value and a unit$/, key: 'registry.nodeErrors.areaNeedsUnit' },
  {
    match: /^"(.+)" is not an area unit; use one of (.+)$/,
    key: 'registry.nodeErrors.notAreaUnit',
    values: ['unit', 'units'],
  },
  {
    match: /^"(.+)" is not a known ISO 4217 currency code$/,
    key: 'registry.nodeErrors.unknownCurrency',
    values: ['code'],
  },
  {
    match: /^"(.+)" is not an ISO 4217 currency code/,
    key: 'registry.nodeErrors.currencyForm',
    values: ['code'],
  },
  {
    match: /^"(.+)" is not an agency in the registry$/,
    key: 'registry.nodeErrors.notAgency',
    values: ['code'],
  },
  {
    match: /^"(.+)" is not a mechanism in the registry$/,
    key: 'registry.nodeErrors.notMechanism',
    values: ['code'],
  },
  {
    match: /^"(.+)" is not an ISO 3166 country code$/,
    key: 'registry.nodeErrors.notCountry',
    values: ['code'],
  },
];

/** What a field label key is, for a field named in a message; its API name when there is no label. */
export type FieldName = { key: ParseKeys } | { raw: string };

/** The node's message as a message in the user's language, or null when it is not one we know. */
export function nodeMessage(message: string): (Message & { fields?: Record<string, FieldName> }) | null {
  for (const pattern of PATTERNS) {
    const m = pattern.match.exec(message);
    if (!m) continue;
    const values: Record<string, string> = {};
    const fields: Record<string, FieldName> = {};
    for (const [i, name] of (pattern.values ?? []).entries()) {
      const value = m[i + 1] ?? '';
      if (name.endsWith('Field')) {
        const label = FIELD_LABELS[value];
        fields[name] = label ? { key: label } : { raw: value };
      } else values[name] = value;
    }
    return { key: pattern.key, values, ...(Object.keys(fields).length ? { fields } : {}) };
  }
  return null;
}
