import type { ParseKeys } from 'i18next';
import { COMMITMENT_STATUS_NAMES, LEVEL_NAMES, MEETING_STATUS_NAMES, ROLE_NAMES } from './model';

// Stored codes of the registry (src/registry/kinds/*.ts) and their labels. Each key is written out so that
// scripts/check-i18n.ts can follow it; a code missing here is shown as stored.

export const AGENCY_KINDS = [
  'national_bureau',
  'law_enforcement',
  'ministry',
  'government',
  'regional_secretariat',
  'international_body',
  'other',
] as const;
export const MECHANISM_KINDS = ['multilateral', 'regional', 'bilateral'] as const;
export const AGREEMENT_KINDS = [
  'mou',
  'memorandum_of_intent',
  'agreement',
  'protocol',
  'convention',
  'action_plan',
  'other',
] as const;
export const AGREEMENT_STATUSES = [
  'negotiating',
  'signed',
  'in_force',
  'suspended',
  'terminated',
  'superseded',
] as const;
export const DOCUMENT_KINDS = [
  'text',
  'declaration',
  'action_plan',
  'statement',
  'summary',
  'minutes',
  'other',
] as const;
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export const MEMBER_ROLES = ['member', 'observer', 'dialogue_partner', 'secretariat'] as const;
/** Area units of the reference data (src/reference/content/units.ts); 15 mu = 1 ha. */
export const AREA_UNITS = ['mu', 'ha', 'acre', 'm2'] as const;

export const AGENCY_KIND_NAMES: Record<string, ParseKeys> = {
  national_bureau: 'registry.agencyKinds.national_bureau',
  law_enforcement: 'registry.agencyKinds.law_enforcement',
  ministry: 'registry.agencyKinds.ministry',
  government: 'registry.agencyKinds.government',
  regional_secretariat: 'registry.agencyKinds.regional_secretariat',
  international_body: 'registry.agencyKinds.international_body',
  other: 'registry.agencyKinds.other',
};
export const MECHANISM_KIND_NAMES: Record<string, ParseKeys> = {
  multilateral: 'registry.mechanismKinds.multilateral',
  regional: 'registry.mechanismKinds.regional',
  bilateral: 'registry.mechanismKinds.bilateral',
};
export const AGREEMENT_KIND_NAMES: Record<string, ParseKeys> = {
  mou: 'registry.agreementKinds.mou',
  memorandum_of_intent: 'registry.agreementKinds.memorandum_of_intent',
  agreement: 'registry.agreementKinds.agreement',
  protocol: 'registry.agreementKinds.protocol',
  convention: 'registry.agreementKinds.convention',
  action_plan: 'registry.agreementKinds.action_plan',
  other: 'registry.agreementKinds.other',
};
export const AGREEMENT_STATUS_NAMES: Record<string, ParseKeys> = {
  negotiating: 'registry.agreementStatus.negotiating',
  signed: 'registry.agreementStatus.signed',
  in_force: 'registry.agreementStatus.in_force',
  suspended: 'registry.agreementStatus.suspended',
  terminated: 'registry.agreementStatus.terminated',
  superseded: 'registry.agreementStatus.superseded',
};
export const DOCUMENT_KIND_NAMES: Record<string, ParseKeys> = {
  text: 'registry.documentKinds.text',
  declaration: 'registry.documentKinds.declaration',
  action_plan: 'registry.documentKinds.action_plan',
  statement: 'registry.documentKinds.statement',
  summary: 'registry.documentKinds.summary',
  minutes: 'registry.documentKinds.minutes',
  other: 'registry.documentKinds.other',
};
export const HANDLING_NAMES: Record<string, ParseKeys> = {
  H0: 'registry.handling.H0',
  H1: 'registry.handling.H1',
  H2: 'registry.handling.H2',
  H3: 'registry.handling.H3',
};
export const UNIT_NAMES: Record<string, ParseKeys> = {
  mu: 'registry.units.mu',
  ha: 'registry.units.ha',
  acre: 'registry.units.acre',
  m2: 'registry.units.m2',
};

/**
 * The label of a stored code, by the field it is stored in. "kind" means something different in each record
 * kind, but the codes do not clash (only "other" recurs, and it reads the same everywhere).
 */
export function codeLabel(field: string, value: string): ParseKeys | undefined {
  switch (field) {
    case 'level':
      return LEVEL_NAMES[value];
    case 'role':
      return ROLE_NAMES[value];
    case 'status':
      return COMMITMENT_STATUS_NAMES[value] ?? MEETING_STATUS_NAMES[value] ?? AGREEMENT_STATUS_NAMES[value];
    case 'kind':
      return (
        AGENCY_KIND_NAMES[value] ??
        MECHANISM_KIND_NAMES[value] ??
        AGREEMENT_KIND_NAMES[value] ??
        DOCUMENT_KIND_NAMES[value]
      );
    case 'handling':
      return HANDLING_NAMES[value];
    case 'areaUnit':
    case 'unit':
      return UNIT_NAMES[value];
    default:
      return undefined;
  }
}
