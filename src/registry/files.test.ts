import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, call } from '../../test/support/http.js';
import { startTestNode, type TestNode } from '../../test/support/node.js';
import { MAX_FILE_BYTES, sniffFileType } from './files.js';

const zip = (...parts: (string | Buffer)[]) =>
  Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    ...parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)),
  ]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);
const ODT = zip(Buffer.alloc(26), 'mimetypeapplication/vnd.oasis.opendocument.text', Buffer.alloc(10));
const DOCX = zip(Buffer.alloc(26), '[Content_Types].xml', Buffer.alloc(10), 'word/document.xml');

describe('sniffFileType', () => {
  it('recognises the accepted types from their bytes', () => {
    expect(sniffFileType(PDF)).toBe('pdf');
    expect(sniffFileType(PNG)).toBe('png');
    expect(sniffFileType(JPEG)).toBe('jpeg');
    expect(sniffFileType(ODT)).toBe('odt');
    expect(sniffFileType(DOCX)).toBe('docx');
    expect(sniffFileType(Buffer.from('北京宣言\nBeijing Declaration\tПекинская декларация\r\n'))).toBe('txt');
  });
  it('refuses other content whatever it is called', () => {
    expect(sniffFileType(zip(Buffer.alloc(26), 'other.bin'))).toBeNull();
    expect(sniffFileType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBeNull(); // an executable
    expect(sniffFileType(Buffer.from([0xc3, 0x28, 0x41]))).toBeNull(); // not UTF-8
    expect(sniffFileType(Buffer.alloc(0))).toBeNull();
  });
});

describe('document upload and download', () => {
  let node: TestNode;
  let writer: string;
  let reader: string;
  const upload = (body: Buffer, name?: string, credential = writer) =>
    node.app.inject({
      method: 'POST',
      url: `/api/v1/registry/files${name ? `?name=${encodeURIComponent(name)}` : ''}`,
      headers: { ...authHeaders(credential), 'content-type': 'application/octet-stream' },
      payload: body,
    });

  beforeAll(async () => {
    node = await startTestNode({ LIAISON_DEMO_DATA: 'false' });
    writer = await node.userWithRole('liaison_officer');
    reader = await node.userWithRole('viewer');
  });
  afterAll(async () => {
    await node?.close();
  });

  it('stores a file content-addressed under files/sha256/<aa>/<hash>, once', async () => {
    const sha = createHash('sha256').update(PDF).digest('hex');
    const first = await upload(PDF, 'Beijing Declaration 北京宣言.pdf');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      sha256: sha,
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      originalName: 'Beijing Declaration 北京宣言.pdf',
    });
    const stored = path.join(node.dataDir, 'files', 'sha256', sha.slice(0, 2), sha);
    expect(existsSync(stored)).toBe(true);
    expect(readFileSync(stored).equals(PDF)).toBe(true);
    expect((await upload(PDF, 'again.pdf')).statusCode).toBe(200);
    const down = await call(node.app, 'GET', `/api/v1/registry/files/${sha}`, reader);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect((await call(node.app, 'GET', `/api/v1/registry/files/${sha}/meta`, reader)).json().sha256).toBe(
      sha,
    );
  });

  it('lets documents of a record point at uploaded files only', async () => {
    const sha = createHash('sha256').update(PDF).digest('hex');
    const agreement = (file: string) =>
      call(node.app, 'POST', '/api/v1/registry/agreements', writer, {
        kind: 'mou',
        status: 'signed',
        names: { en: 'MOU' },
        documents: [{ kind: 'text', title: { en: 'Text' }, file }],
      });
    expect((await agreement(sha)).statusCode).toBe(201);
    const missing = await agreement('0'.repeat(64));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toContainEqual({
      path: '/body/documents/0/file',
      message: `no uploaded file with sha256 ${'0'.repeat(64)}`,
    });
  });

  it('checks the content, not the name', async () => {
    const exe = await upload(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), 'minutes.pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().detail).toContain('checked from its bytes');
    const renamed = await upload(PNG, 'declaration.pdf');
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().errors).toContainEqual({
      path: '/query/name',
      message: 'does not match the content (png)',
    });
    expect((await upload(DOCX, 'plan.docx')).statusCode).toBe(201);
    expect((await upload(Buffer.alloc(0))).statusCode).toBe(400);
    const asPdf = await node.app.inject({
      method: 'POST',
      url: '/api/v1/registry/files',
      headers: { ...authHeaders(writer), 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(asPdf.statusCode).toBe(415);
    expect(asPdf.json().detail).toContain('application/octet-stream');
  });

  it('refuses files over the limit', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_FILE_BYTES)]);
    expect((await upload(big, 'big.pdf')).statusCode).toBe(413);
  });

  it('needs registry:write to upload and a sign-in to download', async () => {
    expect((await upload(PDF, 'x.pdf', reader)).statusCode).toBe(403);
    expect((await call(node.app, 'GET', `/api/v1/registry/files/${'a'.repeat(64)}`)).statusCode).toBe(401);
    expect((await call(node.app, 'GET', `/api/v1/registry/files/${'a'.repeat(64)}`, reader)).statusCode).toBe(
      404,
    );
  });
});
