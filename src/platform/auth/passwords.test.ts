import { describe, expect, it } from 'vitest';
import {
  generatePassword,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  passwordProblems,
  verifyPassword,
} from './passwords.js';

describe('passwordProblems', () => {
  it('accepts a long enough password', () => {
    expect(passwordProblems('correct horse battery staple', 'alice')).toEqual([]);
  });

  it.each([
    ['shorter than the minimum', 'Sh0rt!pw', /at least 12 characters/],
    ['longer than the maximum', 'x1'.repeat(129), /at most 256 characters/],
    ['containing the user name', 'my name is Alice-Wong!', /must not contain the user name/],
    ['made of three characters', 'abcabcabcabcabc', /more than three different characters/],
  ])('refuses a password %s', (_case, password, problem) => {
    expect(passwordProblems(password, 'alice-wong')).toEqual(
      expect.arrayContaining([expect.stringMatching(problem)]),
    );
  });

  it('lists every problem at once, so a person fixes them in one go', () => {
    expect(passwordProblems('aaaa', 'aa')).toHaveLength(3);
  });

  it('checks the length in characters, so passwords in any script are measured alike', () => {
    expect(passwordProblems('禁毒合作信息系统口令安全', 'alice')).toEqual([]);
    expect(passwordProblems('禁毒合作信息系统', 'alice')).toEqual([
      `must be at least ${MIN_PASSWORD_LENGTH} characters long`,
    ]);
  });
});

describe('generatePassword', () => {
  it('makes 20-character one-time passwords without look-alike characters that pass the password rules', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generatePassword();
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{20}$/);
      expect(passwordProblems(password, 'admin')).toEqual([]);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});

describe('hashPassword', () => {
  it('stores argon2id hashes with OWASP parameters and a random salt', async () => {
    const [a, b] = await Promise.all([
      hashPassword('correct horse battery staple'),
      hashPassword('correct horse battery staple'),
    ]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
  });

  it('verifies the right password and refuses a wrong one or a malformed hash', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword('not a hash', 'correct horse battery staple')).toBe(false);
  });
});
