import type { ParseKeys } from 'i18next';
import {
  AGENCY_KIND_NAMES,
  AGENCY_KINDS,
  AGREEMENT_KIND_NAMES,
  AGREEMENT_KINDS,
  AGREEMENT_STATUS_NAMES,
  AGREEMENT_STATUSES,
  AREA_UNITS,
  DOCUMENT_KIND_NAMES,
  DOCUMENT_KINDS,
  HANDLING_CODES,
  HANDLING_NAMES,
  MECHANISM_KIND_NAMES,
  MECHANISM_KINDS,
  MEMBER_ROLES,
  UNIT_NAMES,
} from './codes';
import type { FieldSpec, FormSpec, RowsSpec, ScalarSpec } from './formSpec';
import { ITEM } from './formSpec';
import {
  COMMITMENT_STATUS_NAMES,
  COMMITMENT_STATUSES,
  LEVEL_NAMES,
  MEETING_LEVELS,
  ROLE_NAMES,
} from './model';

// What each kind's form asks for, following the create schemas in src/registry/kinds/*.ts. Meetings keep their
// own form (MeetingForm.tsx); commitment statuses are recorded with CommitmentStatusForm.tsx.

/** A text in the three working languages, as three fields at key/en, key/zh, key/ru. */
function texts(
  key: string,
  labels: readonly [ParseKeys, ParseKeys, ParseKeys],
  options: { long?: boolean; whole?: boolean } = {},
): ScalarSpec[] {
  const [en, zh, ru] = labels;
  // Without a key the texts are the item itself (a crop is a name in three languages).
  const at = (lang: string) => (key ? `${key}/${lang}` : lang);
  return [
    {
      key: at('en'),
      label: en,
      control: 'text',
      lang: 'en',
      long: options.long,
      ...(options.whole ? { alsoErrors: [key] } : {}),
    },
    { key: at('zh'), label: zh, control: 'text', lang: 'zh-CN', long: options.long },
    { key: at('ru'), label: ru, control: 'text', lang: 'ru', long: options.long },
  ];
}

const NAME_LABELS = ['registry.edit.nameEn', 'registry.edit.nameZh', 'registry.edit.nameRu'] as const;
const names = () => texts('names', NAME_LABELS, { whole: true });

const date = (key: string, label: ParseKeys, required = false): ScalarSpec => ({
  key,
  label,
  control: 'date',
  required,
});
const country = (key = 'country'): ScalarSpec => ({
  key,
  label: 'registry.fields.country',
  hint: 'registry.edit.countryHint',
  control: 'text',
  upper: true,
  maxLength: 2,
});

function agencyList(key: string, label: ParseKeys): RowsSpec {
  return {
    control: 'rows',
    key,
    label,
    add: 'registry.edit.addAgency',
    scalar: true,
    columns: [{ key: ITEM, label: 'registry.fields.agency', control: 'ref', ref: 'agencies' }],
  };
}

/** Handling code and notes: every record has them. */
const COMMON: FieldSpec[] = [
  {
    key: 'handling',
    label: 'registry.fields.handling',
    control: 'select',
    options: HANDLING_CODES,
    labels: HANDLING_NAMES,
    required: true,
  },
  { key: 'handlingText', label: 'registry.edit.handlingText', control: 'text' },
  { key: 'notes', label: 'registry.fields.notes', control: 'text', long: true },
];

const agencies: FormSpec = {
  path: 'agencies',
  newTitle: 'registry.edit.new.agencies',
  editTitle: 'registry.edit.change.agencies',
  fields: [
    {
      key: 'code',
      label: 'registry.fields.code',
      hint: 'registry.edit.agencyCodeHint',
      control: 'text',
      upper: true,
      required: true,
      createOnly: true,
    },
    ...names(),
    {
      key: 'kind',
      label: 'registry.fields.kind',
      control: 'select',
      options: AGENCY_KINDS,
      labels: AGENCY_KIND_NAMES,
      required: true,
    },
    country(),
    { key: 'runsNode', label: 'registry.fields.runsNode', control: 'bool' },
    ...COMMON,
  ],
};

const mechanisms: FormSpec = {
  path: 'mechanisms',
  newTitle: 'registry.edit.new.mechanisms',
  editTitle: 'registry.edit.change.mechanisms',
  fields: [
    {
      key: 'code',
      label: 'registry.fields.code',
      hint: 'registry.edit.mechanismCodeHint',
      control: 'text',
      upper: true,
      required: true,
      createOnly: true,
    },
    ...names(),
    {
      key: 'kind',
      label: 'registry.fields.kind',
      control: 'select',
      options: MECHANISM_KINDS,
      labels: MECHANISM_KIND_NAMES,
      required: true,
    },
    date('establishedOn', 'registry.fields.establishedOn'),
    date('dissolvedOn', 'registry.fields.dissolvedOn'),
    {
      control: 'rows',
      key: 'workingGroups',
      label: 'registry.fields.workingGroups',
      add: 'registry.edit.addWorkingGroup',
      columns: [
        {
          key: 'code',
          label: 'registry.fields.code',
          hint: 'registry.edit.groupCodeHint',
          control: 'text',
        },
        ...texts('names', NAME_LABELS),
        date('establishedOn', 'registry.fields.establishedOn'),
      ],
    },
    {
      control: 'rows',
      key: 'cadences',
      label: 'registry.fields.cadences',
      add: 'registry.edit.addCadence',
      columns: [
        {
          key: 'level',
          label: 'registry.fields.level',
          control: 'select',
          options: MEETING_LEVELS,
          labels: LEVEL_NAMES,
        },
        { key: 'everyMonths', label: 'registry.fields.everyMonths', control: 'number', integer: true },
        { key: 'workingGroup', label: 'registry.fields.workingGroup', control: 'text' },
        date('since', 'registry.fields.since'),
      ],
    },
    ...COMMON,
  ],
};

const memberships: FormSpec = {
  path: 'memberships',
  newTitle: 'registry.edit.new.memberships',
  editTitle: 'registry.edit.change.memberships',
  fields: [
    {
      key: 'mechanism',
      label: 'registry.fields.mechanism',
      control: 'ref',
      ref: 'mechanisms',
      createOnly: true,
    },
    { key: 'agency', label: 'registry.fields.agency', control: 'ref', ref: 'agencies', createOnly: true },
    {
      key: 'role',
      label: 'registry.fields.role',
      control: 'select',
      options: MEMBER_ROLES,
      labels: ROLE_NAMES,
      required: true,
    },
    date('joinedOn', 'registry.fields.joinedOn', true),
    date('leftOn', 'registry.fields.leftOn'),
    ...COMMON,
  ],
};

const agreements: FormSpec = {
  path: 'agreements',
  newTitle: 'registry.edit.new.agreements',
  editTitle: 'registry.edit.change.agreements',
  fields: [
    ...names(),
    {
      key: 'kind',
      label: 'registry.fields.kind',
      control: 'select',
      options: AGREEMENT_KINDS,
      labels: AGREEMENT_KIND_NAMES,
      required: true,
    },
    {
      key: 'status',
      label: 'registry.fields.status',
      control: 'select',
      options: AGREEMENT_STATUSES,
      labels: AGREEMENT_STATUS_NAMES,
      required: true,
    },
    { key: 'mechanism', label: 'registry.fields.mechanism', control: 'ref', ref: 'mechanisms' },
    {
      control: 'rows',
      key: 'parties',
      label: 'registry.fields.parties',
      add: 'registry.edit.addParty',
      columns: [
        { key: 'agency', label: 'registry.fields.agency', control: 'ref', ref: 'agencies' },
        { ...country(), hint: 'registry.edit.partyCountryHint' },
        { key: 'role', label: 'registry.edit.partyRole', control: 'text' },
        date('joinedOn', 'registry.fields.joinedOn'),
      ],
    },
    date('signedOn', 'registry.fields.signedOn'),
    date('inForceOn', 'registry.fields.inForceOn'),
    date('endedOn', 'registry.fields.endedOn'),
    { key: 'place', label: 'registry.fields.place', control: 'text' },
    ...texts('scope', ['registry.edit.scopeEn', 'registry.edit.scopeZh', 'registry.edit.scopeRu'], {
      long: true,
    }),
    {
      control: 'rows',
      key: 'documents',
      label: 'registry.fields.documents',
      add: 'registry.edit.addDocument',
      columns: [
        {
          key: 'kind',
          label: 'registry.fields.kind',
          control: 'select',
          options: DOCUMENT_KINDS,
          labels: DOCUMENT_KIND_NAMES,
        },
        ...texts('title', ['registry.edit.titleEn', 'registry.edit.titleZh', 'registry.edit.titleRu']),
        date('date', 'registry.fields.on'),
        { key: 'file', label: 'registry.fields.file', control: 'file' },
      ],
    },
    ...COMMON,
  ],
};

const training: FormSpec = {
  path: 'training',
  newTitle: 'registry.edit.new.training',
  editTitle: 'registry.edit.change.training',
  fields: [
    ...names(),
    agencyList('hosts', 'registry.fields.hosts'),
    { key: 'mechanism', label: 'registry.fields.mechanism', control: 'ref', ref: 'mechanisms' },
    { key: 'agreement', label: 'registry.fields.agreement', control: 'ref', ref: 'agreements' },
    date('startsOn', 'registry.fields.startsOn'),
    date('endsOn', 'registry.fields.endsOn'),
    { key: 'sessionsCount', label: 'registry.fields.sessionsCount', control: 'number', integer: true },
    {
      control: 'rows',
      key: 'sessions',
      label: 'registry.fields.sessions',
      add: 'registry.edit.addSession',
      columns: [
        date('startsOn', 'registry.fields.startsOn'),
        date('endsOn', 'registry.fields.endsOn'),
        { key: 'place', label: 'registry.fields.place', control: 'text' },
        country(),
        { key: 'officers', label: 'registry.fields.officers', control: 'number', integer: true },
      ],
    },
    {
      control: 'rows',
      key: 'participants',
      label: 'registry.edit.officersByCountry',
      add: 'registry.edit.addCountry',
      columns: [
        country(),
        { key: 'officers', label: 'registry.fields.officers', control: 'number', integer: true },
      ],
    },
    { key: 'officersTotal', label: 'registry.fields.officersTotal', control: 'number', integer: true },
    { key: 'officersTotalIsMinimum', label: 'registry.fields.officersTotalIsMinimum', control: 'bool' },
    ...COMMON,
  ],
};

const adProjects: FormSpec = {
  path: 'ad-projects',
  newTitle: 'registry.edit.new.adProjects',
  editTitle: 'registry.edit.change.adProjects',
  fields: [
    ...names(),
    {
      key: 'countries',
      label: 'registry.fields.countries',
      hint: 'registry.edit.countriesHint',
      control: 'codes',
      required: true,
    },
    ...texts('region', ['registry.edit.regionEn', 'registry.edit.regionZh', 'registry.edit.regionRu']),
    {
      control: 'rows',
      key: 'crops',
      label: 'registry.fields.crops',
      add: 'registry.edit.addCrop',
      columns: texts('', NAME_LABELS),
    },
    { key: 'areaValue', label: 'registry.fields.areaValue', control: 'number' },
    {
      key: 'areaUnit',
      label: 'registry.fields.areaUnit',
      hint: 'registry.edit.areaUnitHint',
      control: 'select',
      options: AREA_UNITS,
      labels: UNIT_NAMES,
      optional: true,
    },
    date('areaAsOf', 'registry.fields.areaAsOf'),
    {
      control: 'rows',
      key: 'funding',
      label: 'registry.fields.funding',
      add: 'registry.edit.addFunding',
      columns: [
        { key: 'amount', label: 'registry.fields.amount', control: 'number' },
        {
          key: 'currency',
          label: 'registry.fields.currency',
          hint: 'registry.edit.currencyHint',
          control: 'text',
          upper: true,
          maxLength: 8,
          initial: 'CNY',
        },
        date('on', 'registry.fields.on'),
        { key: 'donor', label: 'registry.fields.donor', control: 'ref', ref: 'agencies' },
        { key: 'isMinimum', label: 'registry.fields.isMinimum', control: 'bool' },
        { key: 'note', label: 'registry.fields.note', control: 'text' },
      ],
    },
    agencyList('implementers', 'registry.fields.implementers'),
    date('startsOn', 'registry.fields.startsOn'),
    date('endsOn', 'registry.fields.endsOn'),
    {
      control: 'rows',
      key: 'outcomes',
      label: 'registry.fields.outcomes',
      add: 'registry.edit.addOutcome',
      columns: [
        ...texts('label', ['registry.edit.labelEn', 'registry.edit.labelZh', 'registry.edit.labelRu']),
        { key: 'value', label: 'registry.fields.value', control: 'number' },
        { key: 'unit', label: 'registry.fields.unit', control: 'text' },
        date('asOf', 'registry.fields.asOf'),
      ],
    },
    ...COMMON,
  ],
};

const commitments: FormSpec = {
  path: 'commitments',
  newTitle: 'registry.edit.new.commitments',
  editTitle: 'registry.edit.change.commitments',
  fields: [
    ...names(),
    { key: 'meeting', label: 'registry.fields.meeting', control: 'ref', ref: 'meetings' },
    { key: 'agreement', label: 'registry.fields.agreement', control: 'ref', ref: 'agreements' },
    agencyList('owners', 'registry.fields.owners'),
    date('dueOn', 'registry.fields.dueOn'),
    {
      key: 'status',
      label: 'registry.fields.status',
      control: 'select',
      options: COMMITMENT_STATUSES,
      labels: COMMITMENT_STATUS_NAMES,
      // Later statuses are recorded with their history (CommitmentStatusForm).
      createOnly: true,
      required: true,
    },
    {
      control: 'rows',
      key: 'evidence',
      label: 'registry.fields.evidence',
      add: 'registry.edit.addEvidence',
      columns: [
        { key: 'title', label: 'registry.fields.title', control: 'text' },
        { key: 'url', label: 'registry.fields.url', control: 'text' },
        { key: 'file', label: 'registry.fields.file', control: 'file' },
      ],
    },
    ...COMMON,
  ],
};

/** The forms by URL segment; meetings have their own page. */
export const FORMS: Record<string, FormSpec> = {
  agencies,
  mechanisms,
  memberships,
  agreements,
  training,
  'ad-projects': adProjects,
  commitments,
};
