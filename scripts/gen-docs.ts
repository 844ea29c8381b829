// Writes the generated parts of the docs: the configuration table in README.md and docs/permissions.md.
// `npm run docs` runs it; test/docs.test.ts fails when the committed docs differ from the code.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { permissionMatrixMarkdown } from '../src/platform/auth/permissions.js';
import { VARIABLES } from '../src/platform/config.js';

const root = path.resolve(import.meta.dirname, '..');

export function configurationTable(): string {
  const rows = VARIABLES.map(
    (v) =>
      `| \`${v.name}\` | ${v.default === '(unset)' ? v.default : `\`${v.default}\``} | ${v.description} |`,
  );
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

export function permissionsDoc(): string {
  return `# Roles and permissions

Generated from \`src/platform/auth/permissions.ts\` by \`npm run docs\`; a test fails when this page and the code differ.

Every API route declares one access rule: public, any signed-in user, or one permission below. A user has the
permissions of their role. An API token has the scopes it was created with, limited to what its user's role has
at the moment of each request (demoting a user narrows their tokens at once).

The administrator runs the node (users, audit log, partners, registry) but does not read intelligence, cases,
precursor files or entities: need to know.

${permissionMatrixMarkdown()}
`;
}

const BEGIN = '<!-- configuration:begin -->';
const END = '<!-- configuration:end -->';

export function readmeWithConfiguration(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`README.md lacks the ${BEGIN} … ${END} markers`);
  return `${readme.slice(0, start + BEGIN.length)}\n${configurationTable()}\n${readme.slice(end)}`;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const readmePath = path.join(root, 'README.md');
  writeFileSync(readmePath, readmeWithConfiguration(readFileSync(readmePath, 'utf8')));
  writeFileSync(path.join(root, 'docs/permissions.md'), permissionsDoc());
  console.log('README.md configuration table and docs/permissions.md written');
}
