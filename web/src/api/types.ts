// Shapes of the node's API answers that the web app reads (see src/platform/**/routes.ts on the server).

export type Locale = 'en' | 'zh-CN' | 'ru';

export type Role = 'admin' | 'analyst' | 'liaison_officer' | 'case_officer' | 'precursor_officer' | 'viewer';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale: Locale;
  passwordChangeRequired: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface Me {
  user: User;
  permissions: string[];
  authenticatedBy: 'session' | 'token';
}

export interface NodeInfo {
  agencyCode: string;
  agencyName: string;
  /** ISO 3166 alpha-2, or null when the operator has not set LIAISON_AGENCY_COUNTRY. */
  country: string | null;
  publicKey: string;
  fingerprint: string;
  keyCreatedAt: string;
  version: string;
  database: 'pglite' | 'postgresql';
}

export interface Overview {
  users: { total: number; active: number };
  auditEntries: number;
}

export interface ReferenceSummary {
  countries: number;
  countryAliases: number;
  drugGroups: number;
  drugs: number;
  drugSynonyms: number;
  units: number;
  conversionTables: number;
  /** Name or code of the conversion table in force; absent while none is loaded. */
  currentConversionTable?: string | null;
}

/** RFC 9457 problem details as the node sends them. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
}
