/**
 * Documents of agreements, meetings and commitments, stored content-addressed under
 * <LIAISON_DATA_DIR>/files/sha256/<first two hex digits>/<sha256>. The type is decided from the content (magic
 * bytes), never from the name alone; only the types below are accepted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appendAudit } from '../platform/audit/log.js';
import type { Db, Queryable } from '../platform/db/db.js';
import { badRequest, HttpProblem } from '../platform/http/problem.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const FILE_TYPES = {
  pdf: { mediaType: 'application/pdf', extensions: ['.pdf'] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['.odt'] },
  png: { mediaType: 'image/png', extensions: ['.png'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  txt: { mediaType: 'text/plain; charset=utf-8', extensions: ['.txt', '.text', '.md', '.csv'] },
} as const;
export type FileType = keyof typeof FILE_TYPES;

const starts = (buf: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b);
const ascii = (buf: Buffer, from: number, to: number) => buf.subarray(from, to).toString('latin1');

function isUtf8Text(buf: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return false;
  }
  // Control characters other than tab (9), line feed (10), form feed (12) and carriage return (13) mean a binary file.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 127) return false;
  }
  return true;
}

/** The type of a file from its first bytes (and, for ZIP containers, the names inside), or null. */
export function sniffFileType(buf: Buffer): FileType | null {
  if (buf.length === 0) return null;
  if (ascii(buf, 0, 5) === '%PDF-') return 'pdf';
  if (starts(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // ODF: the first entry is an uncompressed "mimetype" holding the media type (ODF 1.2 part 3, 3.3).
    if (
      ascii(buf, 30, 38) === 'mimetype' &&
      ascii(buf, 38, 38 + 39) === 'application/vnd.oasis.opendocument.text'
    ) {
      return 'odt';
    }
    const names = buf.toString('latin1');
    if (names.includes('[Content_Types].xml') && names.includes('word/document.xml')) return 'docx';
    return null;
  }
  return isUtf8Text(buf) ? 'txt' : null;
}

export interface StoredFile {
  sha256: string;
  mediaType: string;
  sizeBytes: number;
  originalName: string | null;
  uploadedBy: string;
  uploadedAt: string;
}

export function filePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'files', 'sha256', sha256.slice(0, 2), sha256);
}

/** Checks an upload and says why it is refused: empty, too large, a type not accepted, a name that contradicts. */
export function checkUpload(body: Buffer, name: string | null): FileType {
  if (body.length === 0) throw badRequest('The file is empty.', [{ path: '/body', message: 'is empty' }]);
  if (body.length > MAX_FILE_BYTES) {
    throw new HttpProblem(
      413,
      'Request body too large',
      `Files are limited to ${MAX_FILE_BYTES / 1024 / 1024} MiB.`,
    );
  }
  const type = sniffFileType(body);
  if (!type) {
    throw new HttpProblem(
      415,
      'Unsupported media type',
      'The content is not a PDF, DOCX, ODT, PNG, JPEG or UTF-8 text file (checked from its bytes, not its name).',
    );
  }
  const ext = name ? path.extname(name).toLowerCase() : '';
  const known = Object.values(FILE_TYPES).some((t) => (t.extensions as readonly string[]).includes(ext));
  if (ext && known && !(FILE_TYPES[type].extensions as readonly string[]).includes(ext)) {
    throw badRequest(`The name says ${ext} but the content is ${type.toUpperCase()}.`, [
      { path: '/query/name', message: `does not match the content (${type})` },
    ]);
  }
  return type;
}

const toStored = (r: Record<string, unknown>): StoredFile => ({
  sha256: String(r.sha256),
  mediaType: String(r.media_type),
  sizeBytes: Number(r.size_bytes),
  originalName: (r.original_name as string | null) ?? null,
  uploadedBy: String(r.uploaded_by),
  uploadedAt: new Date(r.uploaded_at as string).toISOString(),
});

export async function findFile(db: Queryable, sha256: string): Promise<StoredFile | null> {
  const { rows } = await db.query('select * from registry_files where sha256 = $1', [sha256]);
  return rows[0] ? toStored(rows[0]) : null;
}

/** Stores a checked upload once (same content, same file) and records it; returns it and whether it is new. */
export async function storeFile(
  db: Db,
  dataDir: string,
  body: Buffer,
  name: string | null,
  actor: string,
): Promise<{ file: StoredFile; created: boolean }> {
  const type = checkUpload(body, name);
  const sha256 = createHash('sha256').update(body).digest('hex');
  const existing = await findFile(db, sha256);
  if (existing) return { file: existing, created: false };
  const target = filePath(dataDir, sha256);
  if (!existsSync(target)) {
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.part`;
    await writeFile(temp, body, { flag: 'wx' });
    await rename(temp, target).catch(async (error) => {
      await rm(temp, { force: true });
      throw error;
    });
  }
  const file = await db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `insert into registry_files (sha256, media_type, size_bytes, original_name, uploaded_by) values ($1, $2, $3, $4, $5)
       on conflict (sha256) do update set sha256 = excluded.sha256 returning *`,
      [sha256, FILE_TYPES[type].mediaType, body.length, name, actor],
    );
    await appendAudit(tx, {
      actor,
      action: 'registry.file.uploaded',
      target: `registry.file:${sha256}`,
      detail: { mediaType: FILE_TYPES[type].mediaType, sizeBytes: body.length, name },
    });
    return toStored(rows[0] as Record<string, unknown>);
  });
  return { file, created: true };
}
