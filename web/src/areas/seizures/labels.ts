import type { ParseKeys } from 'i18next';
import type { MappableField } from './model';

// Written out key by key (no template strings) so scripts/check-i18n.ts can see every key that is used.

export const FIELD_LABELS: Record<MappableField, ParseKeys> = {
  date: 'seizures.fields.date',
  country: 'seizures.fields.country',
  adminDivision: 'seizures.fields.adminDivision',
  place: 'seizures.fields.place',
  latitude: 'seizures.fields.latitude',
  longitude: 'seizures.fields.longitude',
  drug: 'seizures.fields.drug',
  quantity: 'seizures.fields.quantity',
  unit: 'seizures.fields.unit',
  concealment: 'seizures.fields.concealment',
  installation: 'seizures.fields.installation',
  transportMode: 'seizures.fields.transportMode',
  routing: 'seizures.fields.routing',
  producingCountries: 'seizures.fields.producingCountries',
  departureCountry: 'seizures.fields.departureCountry',
  transitCountries: 'seizures.fields.transitCountries',
  destinationCountry: 'seizures.fields.destinationCountry',
  traffickerNationalities: 'seizures.fields.traffickerNationalities',
  reportingAgency: 'seizures.fields.reportingAgency',
  year: 'seizures.fields.year',
};

/** A field name as the node writes it in a rejection (or one of ours); unknown names are shown as they are. */
export function fieldLabel(field: string): ParseKeys | undefined {
  return (FIELD_LABELS as Record<string, ParseKeys>)[field];
}

export const LAYOUT_NAMES: Record<string, ParseKeys> = {
  'unodc-ids': 'seizures.layouts.ids',
  'unodc-wdr-annex': 'seizures.layouts.wdr',
};

export const OUTCOME_NAMES: Record<string, ParseKeys> = {
  accepted: 'seizures.outcomes.accepted',
  duplicate: 'seizures.outcomes.duplicate',
  rejected: 'seizures.outcomes.rejected',
  'already-imported': 'seizures.outcomes.alreadyImported',
};

export const RULE_NAMES: Record<string, ParseKeys> = {
  exact: 'seizures.rules.exact',
  likely: 'seizures.rules.likely',
};

export const STATUS_NAMES: Record<string, ParseKeys> = {
  uploaded: 'seizures.status.uploaded',
  running: 'seizures.status.running',
  done: 'seizures.status.done',
  failed: 'seizures.status.failed',
};
