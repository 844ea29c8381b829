/**
 * The one permission matrix of Liaison. docs/permissions.md is generated from it (`npm run docs:permissions`)
 * and a test fails when the two differ.
 */
export const ROLES = [
  'admin',
  'analyst',
  'liaison_officer',
  'case_officer',
  'precursor_officer',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'node:read': "See this node's agency, identity and key fingerprint",
  'reference:read': 'Read reference data (countries, drugs, units)',
  'users:manage': 'Create, change and disable user accounts',
  'audit:read': 'Read and verify the audit log',
  'registry:read': 'Read the cooperation registry',
  'registry:write': 'Change the cooperation registry',
  'seizures:read': 'Read seizure records and statistics',
  'seizures:write': 'Record and import seizures',
  'intel:read': 'Read intelligence messages and reports',
  'intel:write': 'Write and send intelligence messages and reports',
  'cases:read': 'Read joint cases, controlled deliveries and operations',
  'cases:write': 'Run joint cases, controlled deliveries and operations',
  'precursors:read': 'Read pre-export notifications and precursor incidents',
  'precursors:write': 'File and answer pre-export notifications',
  'entities:read': 'Read persons, organisations and their links',
  'entities:write': 'Change persons, organisations and match judgements',
  'reports:read': 'Read situation assessments and annual tables',
  'reports:write': 'Write situation assessments and annual tables',
  'federation:read': 'See partners, sync state and what was shared',
  'federation:manage': 'Pair partners, set sharing defaults, rotate keys',
} as const;
export type Permission = keyof typeof PERMISSIONS;

const EVERYONE: Permission[] = [
  'node:read',
  'reference:read',
  'registry:read',
  'seizures:read',
  'reports:read',
];

// Need to know: the administrator runs the node and its partnerships but does not read intelligence or cases.
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    ...EVERYONE,
    'users:manage',
    'audit:read',
    'registry:write',
    'federation:read',
    'federation:manage',
  ],
  analyst: [
    ...EVERYONE,
    'seizures:write',
    'intel:read',
    'cases:read',
    'precursors:read',
    'entities:read',
    'entities:write',
    'reports:write',
  ],
  liaison_officer: [
    ...EVERYONE,
    'registry:write',
    'intel:read',
    'intel:write',
    'cases:read',
    'entities:read',
    'entities:write',
    'federation:read',
  ],
  case_officer: [
    ...EVERYONE,
    'seizures:write',
    'intel:read',
    'intel:write',
    'cases:read',
    'cases:write',
    'entities:read',
    'entities:write',
  ],
  precursor_officer: [...EVERYONE, 'precursors:read', 'precursors:write', 'intel:read', 'entities:read'],
  viewer: [...EVERYONE],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The permission matrix as a Markdown table. */
export function permissionMatrixMarkdown(): string {
  const header = `| permission | what it allows | ${ROLES.join(' | ')} |`;
  const rule = `|---|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map(
    (p) =>
      `| \`${p}\` | ${PERMISSIONS[p]} | ${ROLES.map((r) => (roleAllows(r, p) ? '✓' : '')).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}
