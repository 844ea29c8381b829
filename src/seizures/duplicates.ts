import { createHash } from 'node:crypto';
import { type Cell, cellText } from './normalise.js';

/**
 * Fingerprint of a row's content: every cell as written, in column order. Two rows with the same fingerprint are
 * exact duplicates. (Hashing is pure: no I/O.)
 */
export function contentHash(cells: readonly Cell[]): string {
  const h = createHash('sha256');
  for (const cell of cells) {
    h.update(cellText(cell));
    h.update('\u001f');
  }
  return h.digest('hex').slice(0, 32);
}

/** A place compared ignoring case and spacing ("GRAND PORT" = "Grand  port" = "Grandport"). */
export function placeKey(place: string | null): string {
  return (place ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** A quantity compared after unit conversion: kilograms to 9 significant digits, else quantity and unit as given. */
export function quantityKey(kg: number | null, quantity: number, unitCode: string): string {
  return kg === null ? `${quantity}${unitCode}` : `${Number(kg.toPrecision(9))}kg`;
}

export interface DupKeyInput {
  country: string;
  date: string;
  drugCode: string;
  kg: number | null;
  quantity: number;
  unitCode: string;
  place: string | null;
}

/** The "likely duplicate" key: same country, date and drug, quantity equal after conversion, same place. */
export function likelyKey(v: DupKeyInput): string {
  return createHash('sha256')
    .update(
      [v.country, v.date, v.drugCode, quantityKey(v.kg, v.quantity, v.unitCode), placeKey(v.place)].join(
        '\u001f',
      ),
    )
    .digest('hex')
    .slice(0, 32);
}

export type DuplicateRule = 'exact' | 'likely';

export interface Candidate {
  contentHash: string;
  /** null for rows that have no likely-duplicate rule (reported totals use exact duplicates only). */
  likelyKey: string | null;
}

/** What the database already holds for the hashes and keys of one batch. */
export interface Known {
  /** content hash → ids of the records with that content, in ordinal order (ordinal 1 first). */
  records: Map<string, string[]>;
  /** content hash → rows of this import with that content handled in earlier batches. */
  seenInImport: Map<string, number>;
  /** likely key → the first record with that key that is not itself a duplicate. */
  originals: Map<string, string>;
}

export type Decision =
  | { kind: 'already'; recordId: string }
  | { kind: 'insert'; id: string; ordinal: number; duplicateOf: string | null; rule: DuplicateRule | null };

/**
 * Decides each row of a batch, in order (later rows see earlier ones; `known` is updated in place):
 * - the k-th row with some content in this file, where the node already holds k or more records with that content,
 *   is already imported (re-import or overlapping file): nothing is written;
 * - otherwise a record is written; it is an exact duplicate of the first record with the same content if there is
 *   one, else a likely duplicate of the first original with the same likely key, else an original.
 */
export function decide(rows: readonly Candidate[], known: Known, newId: () => string): Decision[] {
  return rows.map((row) => {
    const records = known.records.get(row.contentHash) ?? [];
    const k = (known.seenInImport.get(row.contentHash) ?? 0) + 1;
    known.seenInImport.set(row.contentHash, k);
    if (k <= records.length) return { kind: 'already', recordId: records[k - 1]! };
    const id = newId();
    const ordinal = records.length + 1;
    let duplicateOf: string | null = null;
    let rule: DuplicateRule | null = null;
    if (records.length) {
      duplicateOf = records[0]!;
      rule = 'exact';
    } else if (row.likelyKey !== null) {
      const original = known.originals.get(row.likelyKey);
      if (original) {
        duplicateOf = original;
        rule = 'likely';
      } else known.originals.set(row.likelyKey, id);
    }
    known.records.set(row.contentHash, [...records, id]);
    return { kind: 'insert', id, ordinal, duplicateOf, rule };
  });
}
