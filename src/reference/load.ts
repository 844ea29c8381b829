import type { Db } from '../platform/db/db.js';

// Placeholder until the reference data lands in this folder (same session); returns whether anything was loaded.
export async function loadReferenceData(_db: Db): Promise<boolean> {
  return false;
}
