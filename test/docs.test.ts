import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { permissionsDoc, readmeWithConfiguration } from '../scripts/gen-docs.js';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('generated documentation', () => {
  it('README configuration table matches the variables the node reads (run `npm run docs` after a change)', () => {
    const readme = read('README.md');
    expect(readme).toBe(readmeWithConfiguration(readme));
  });

  it('docs/permissions.md matches the permission matrix in code (run `npm run docs` after a change)', () => {
    expect(read('docs/permissions.md')).toBe(permissionsDoc());
  });

  it('README keeps its two commands', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
