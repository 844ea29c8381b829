import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface FileInfo {
  hash: string;
  size: number;
}

/** SHA-256 and size of a file, read as a stream. */
export async function hashFile(file: string): Promise<FileInfo> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { hash: hash.digest('hex'), size };
}

export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the file is larger than ${limit} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

/** The folder uploads are kept in until their import is done: `<dataDir>/imports/`. */
export const importsDir = (dataDir: string) => path.join(dataDir, 'imports');

/** Streams a request body to `<dir>/<id>.upload`, hashing it on the way, and refuses more than `limit` bytes. */
export async function saveUpload(
  body: NodeJS.ReadableStream,
  dir: string,
  id: string,
  limit: number,
): Promise<FileInfo & { path: string }> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${id}.upload`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(new UploadTooLargeError(limit));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(file));
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
  return { path: file, hash: hash.digest('hex'), size };
}
