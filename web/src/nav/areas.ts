import type { ParseKeys } from 'i18next';
import type { Role } from '../api/types';

export type AreaId =
  | 'registry'
  | 'seizures'
  | 'intel'
  | 'cases'
  | 'precursors'
  | 'entities'
  | 'reports'
  | 'federation';

export interface Area {
  id: AreaId;
  path: `/${string}`;
  /** The permission that lets a user read this area (src/platform/auth/permissions.ts on the server). */
  permission: `${string}:read`;
  title: ParseKeys;
  summary: ParseKeys;
  /** A list of what the area will hold, one translated string per item. */
  holds: ParseKeys<'translation', { returnObjects: true }>;
}

// Written out key by key (no template strings) so scripts/check-i18n.ts can see every key that is used.
export const AREAS: readonly Area[] = [
  {
    id: 'registry',
    path: '/registry',
    permission: 'registry:read',
    title: 'areas.registry.title',
    summary: 'areas.registry.summary',
    holds: 'areas.registry.holds',
  },
  {
    id: 'seizures',
    path: '/seizures',
    permission: 'seizures:read',
    title: 'areas.seizures.title',
    summary: 'areas.seizures.summary',
    holds: 'areas.seizures.holds',
  },
  {
    id: 'intel',
    path: '/intel',
    permission: 'intel:read',
    title: 'areas.intel.title',
    summary: 'areas.intel.summary',
    holds: 'areas.intel.holds',
  },
  {
    id: 'cases',
    path: '/cases',
    permission: 'cases:read',
    title: 'areas.cases.title',
    summary: 'areas.cases.summary',
    holds: 'areas.cases.holds',
  },
  {
    id: 'precursors',
    path: '/precursors',
    permission: 'precursors:read',
    title: 'areas.precursors.title',
    summary: 'areas.precursors.summary',
    holds: 'areas.precursors.holds',
  },
  {
    id: 'entities',
    path: '/entities',
    permission: 'entities:read',
    title: 'areas.entities.title',
    summary: 'areas.entities.summary',
    holds: 'areas.entities.holds',
  },
  {
    id: 'reports',
    path: '/reports',
    permission: 'reports:read',
    title: 'areas.reports.title',
    summary: 'areas.reports.summary',
    holds: 'areas.reports.holds',
  },
  {
    id: 'federation',
    path: '/federation',
    permission: 'federation:read',
    title: 'areas.federation.title',
    summary: 'areas.federation.summary',
    holds: 'areas.federation.holds',
  },
];

export interface NavigationItem {
  area: Area;
  /** False: the area is shown, marked as outside the user's role, and its page explains why it is closed. */
  open: boolean;
}

/**
 * Every area, in a fixed order, each marked open or not for these permissions. Closed areas stay listed:
 * hiding them would leave a user unable to tell "not built" from "not for my role", or to ask for access.
 */
export function navigationFor(permissions: readonly string[]): NavigationItem[] {
  const granted = new Set(permissions);
  return AREAS.map((area) => ({ area, open: granted.has(area.permission) }));
}

export function areaById(id: AreaId): Area {
  const area = AREAS.find((a) => a.id === id);
  if (!area) throw new Error(`unknown area ${id}`);
  return area;
}

export const ROLE_NAMES: Record<Role, ParseKeys> = {
  admin: 'roles.admin',
  analyst: 'roles.analyst',
  liaison_officer: 'roles.liaison_officer',
  case_officer: 'roles.case_officer',
  precursor_officer: 'roles.precursor_officer',
  viewer: 'roles.viewer',
};
