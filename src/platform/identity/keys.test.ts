import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprint, generateAgencyKeyPair, publicKeyOfPem, rawPublicKey } from './keys.js';

describe('agency keys', () => {
  it('generates an Ed25519 pair: PKCS#8 PEM private key, 32-byte raw public key in base64', () => {
    const pair = generateAgencyKeyPair();
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    expect(createPrivateKey(pair.privateKeyPem).asymmetricKeyType).toBe('ed25519');
    expect(Buffer.from(pair.publicKey, 'base64')).toHaveLength(32);
  });

  it('derives from the private key the same public key that was published, and it verifies signatures', () => {
    const pair = generateAgencyKeyPair();
    expect(publicKeyOfPem(pair.privateKeyPem)).toBe(pair.publicKey);
    const message = Buffer.from('envelope');
    const signature = sign(null, message, createPrivateKey(pair.privateKeyPem));
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(pair.publicKey, 'base64').toString('base64url') },
      format: 'jwk',
    });
    expect(verify(null, message, publicKey, signature)).toBe(true);
    expect(rawPublicKey(publicKey)).toBe(pair.publicKey);
  });

  it('makes a new key every time', () => {
    expect(generateAgencyKeyPair().publicKey).not.toBe(generateAgencyKeyPair().publicKey);
  });

  it('writes fingerprints as 16 groups of four upper-case hex digits, the SHA-256 of the raw key', () => {
    const pair = generateAgencyKeyPair();
    expect(pair.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(pair.fingerprint).toBe(fingerprint(pair.publicKey));
  });

  it('gives a known fingerprint for a known key (the format is part of the protocol)', () => {
    // 32 zero bytes; SHA-256 of them is 66687aad...
    expect(fingerprint(Buffer.alloc(32).toString('base64'))).toBe(
      '6668 7AAD F862 BD77 6C8F C18B 8E9F 8E20 0897 1485 6EE2 33B3 902A 591D 0D5F 2925',
    );
  });

  it.each([
    ['X25519', () => generateKeyPairSync('x25519')],
    ['EC P-256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' })],
  ])('refuses an %s key, which also has an x coordinate but cannot sign as the agency', (_kind, make) => {
    const { publicKey, privateKey } = make();
    expect(() => rawPublicKey(publicKey)).toThrow(/not an Ed25519 key/);
    expect(() => publicKeyOfPem(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow(
      /not an Ed25519 key/,
    );
  });
});
