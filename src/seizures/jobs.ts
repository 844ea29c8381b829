import { v7 as uuidv7 } from 'uuid';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/db.js';
import { hashFile } from './files.js';
import { type ImportOptions, runImport } from './importer.js';
import type { Mapping } from './mapping.js';
import { createImport, findResumable, type ImportRow } from './store.js';

export interface FileImport {
  filePath: string;
  fileName: string;
  mapping: Mapping | null;
  mappingName: string | null;
  createdBy: string;
}

/**
 * The import of a local file: an interrupted import of the same file and mapping is resumed, otherwise a new
 * one is created. (A finished import of the same file is not reused: running it again proves that nothing is added.)
 */
export async function importForFile(db: Db, f: FileImport): Promise<{ imp: ImportRow; resumed: boolean }> {
  const info = await hashFile(f.filePath);
  if (f.mapping) {
    const open = await findResumable(db, info.hash, f.mapping);
    if (open) return { imp: open, resumed: true };
  } else {
    const { rows } = await db.query<ImportRow>(
      `select * from seizure_imports where file_hash = $1 and status = 'running' and mapping_name is null and layout is not null
       order by created_at desc limit 1`,
      [info.hash],
    );
    if (rows[0]) return { imp: rows[0], resumed: true };
  }
  const imp = await createImport(db, {
    id: uuidv7(),
    kind: f.mapping?.kind ?? 'seizures',
    fileName: f.fileName,
    filePath: f.filePath,
    fileHash: info.hash,
    fileSize: info.size,
    layout: null,
    mappingName: f.mappingName,
    mapping: f.mapping,
    createdBy: f.createdBy,
  });
  return { imp, resumed: false };
}

/** Imports running in this server process, in the background; the state and progress live in the database. */
export class ImportJobs {
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(private readonly ctx: AppContext) {}

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  start(id: string, options: Partial<ImportOptions> = {}): void {
    if (this.running.has(id)) return;
    const job = runImport(this.ctx.db, id, { agencyCode: this.ctx.config.agencyCode, ...options })
      .catch((error: unknown) => this.ctx.log.warn({ err: error, importId: id }, 'seizure import failed'))
      .finally(() => this.running.delete(id));
    this.running.set(id, job);
  }

  /** Resumes imports a stopped server left running (their batches up to the cursor are committed). */
  async resumeInterrupted(): Promise<number> {
    const { rows } = await this.ctx.db.query<{ id: string }>(
      "select id from seizure_imports where status = 'running' order by created_at",
    );
    for (const r of rows) this.start(r.id);
    return rows.length;
  }

  /** Waits for the imports of this process (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()]);
  }
}
