import { describe, expect, it } from 'vitest';
// The server's permission matrix: the navigation must follow it, not a copy of it.
import { isPermission, ROLE_PERMISSIONS, ROLES } from '../../../src/platform/auth/permissions';
import { AREAS, navigationFor, ROLE_NAMES } from './areas';

const openAreas = (permissions: readonly string[]) =>
  navigationFor(permissions)
    .filter((item) => item.open)
    .map((item) => item.area.id);

describe('navigation by permission', () => {
  it('names a real read permission of the node for every area', () => {
    for (const area of AREAS) expect(isPermission(area.permission), area.permission).toBe(true);
  });

  it('lists all eight areas for everyone, in the same order', () => {
    for (const role of ROLES) {
      expect(navigationFor(ROLE_PERMISSIONS[role]).map((item) => item.area.id)).toEqual([
        'registry',
        'seizures',
        'intel',
        'cases',
        'precursors',
        'entities',
        'reports',
        'federation',
      ]);
    }
  });

  it('opens only what each role may read (need to know)', () => {
    expect(openAreas(ROLE_PERMISSIONS.admin)).toEqual(['registry', 'seizures', 'reports', 'federation']);
    expect(openAreas(ROLE_PERMISSIONS.viewer)).toEqual(['registry', 'seizures', 'reports']);
    expect(openAreas(ROLE_PERMISSIONS.analyst)).toEqual([
      'registry',
      'seizures',
      'intel',
      'cases',
      'precursors',
      'entities',
      'reports',
    ]);
    expect(openAreas(ROLE_PERMISSIONS.precursor_officer)).toContain('precursors');
    expect(openAreas(ROLE_PERMISSIONS.case_officer)).not.toContain('precursors');
  });

  it('closes everything for a user with no permissions', () => {
    expect(openAreas([])).toEqual([]);
  });

  it('has a name for every role', () => {
    for (const role of ROLES) expect(ROLE_NAMES[role]).toBe(`roles.${role}`);
  });
});
