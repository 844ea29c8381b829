import { createReadStream } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import type { Cell } from './normalise.js';

// Readers of import files: CSV (any delimiter, byte-order mark, quoted line breaks), XLSX, and either inside a zip
// archive. All stream: memory does not grow with the file.

export type SourceFormat = 'csv' | 'xlsx' | 'zip+csv' | 'zip+xlsx';

export interface SourceRow {
  /** 1-based row number in the file or sheet (the header counts; a CSV record with a line break is one row). */
  rowNo: number;
  cells: Cell[];
}

export interface Source {
  format: SourceFormat;
  /** Name of the member read, for a zip archive. */
  member: string | null;
  /** Bytes of the (uncompressed) data, for progress. */
  bytesTotal: number;
  bytesRead(): number;
  rows: AsyncIterable<SourceRow>;
  close(): void;
}

export interface SourceOptions {
  delimiter?: string;
  sheet?: string;
}

export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

const CANDIDATES = [';', ',', '\t', '|'];

/** The delimiter of a CSV header line: the candidate that occurs most often outside quotes (pure). */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let max = 0;
  for (const [c, n] of counts)
    if (n > max) {
      best = c;
      max = n;
    }
  return best;
}

async function firstBytes(file: string, n: number): Promise<Buffer> {
  const handle = await openFile(file, 'r');
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function counter(input: Readable): { stream: PassThrough; read: () => number } {
  let read = 0;
  const stream = new PassThrough({ highWaterMark: 1 << 20 });
  input.on('data', (chunk: Buffer) => {
    read += chunk.length;
  });
  input.on('error', (e) => stream.destroy(e));
  input.pipe(stream);
  return { stream, read: () => read };
}

async function* csvRows(input: Readable, delimiter: string): AsyncGenerator<SourceRow> {
  const parser = input.pipe(
    parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: false, info: false }),
  );
  let rowNo = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNo++;
    yield { rowNo, cells: record };
  }
}

/** A worksheet cell value as a plain cell (rich text, formulas and hyperlinks reduced to their value). */
export function excelCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return excelCell(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error !== undefined) return null;
  }
  return String(value);
}

async function* xlsxRows(input: Readable, sheet: string | undefined): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name?: string }).name;
    if (found || (sheet !== undefined && name !== sheet)) {
      // Drain a sheet that is not read, so the reader moves on.
      for await (const _ of worksheet) {
        // skip
      }
      continue;
    }
    found = true;
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(excelCell(values[i]));
      yield { rowNo: row.number, cells };
    }
  }
  if (!found)
    throw new SourceError(
      sheet ? `the workbook has no worksheet "${sheet}"` : 'the workbook has no worksheet',
    );
}

interface ZipMember {
  name: string;
  size: number;
  kind: 'csv' | 'xlsx';
  open: () => Promise<Readable>;
  close: () => void;
}

/** The data member of a zip archive: the workbook itself when the zip is an XLSX file, else its first CSV or XLSX. */
async function zipMember(file: string): Promise<ZipMember> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  const close = () => zip.close();
  if (entries.some((e) => e.fileName === 'xl/workbook.xml')) {
    close();
    return { name: '', size: 0, kind: 'xlsx', open: async () => createReadStream(file), close: () => {} };
  }
  const entry =
    entries.find((e) => /\.(csv|txt|tsv)$/i.test(e.fileName)) ??
    entries.find((e) => /\.xlsx$/i.test(e.fileName));
  if (!entry) {
    close();
    throw new SourceError('the zip archive holds no .csv, .txt, .tsv or .xlsx file');
  }
  return {
    name: entry.fileName,
    size: entry.uncompressedSize,
    kind: /\.xlsx$/i.test(entry.fileName) ? 'xlsx' : 'csv',
    open: () => zip.openReadStreamPromise(entry),
    close,
  };
}

function firstLine(head: Buffer): string {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

/** Opens an import file of any supported format, found by its content (not its name). */
export async function openSource(file: string, size: number, options: SourceOptions = {}): Promise<Source> {
  const head = await firstBytes(file, 64 * 1024);
  const isZip = head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
  if (!isZip) {
    const { stream, read } = counter(createReadStream(file, { highWaterMark: 1 << 20 }));
    const delimiter = options.delimiter ?? detectDelimiter(firstLine(head));
    return {
      format: 'csv',
      member: null,
      bytesTotal: size,
      bytesRead: read,
      rows: csvRows(stream, delimiter),
      close: () => stream.destroy(),
    };
  }
  const member = await zipMember(file);
  if (member.kind === 'xlsx' && member.name === '') {
    const { stream, read } = counter(createReadStream(file, { highWaterMark: 1 << 20 }));
    return {
      format: 'xlsx',
      member: null,
      bytesTotal: size,
      bytesRead: read,
      rows: xlsxRows(stream, options.sheet),
      close: () => stream.destroy(),
    };
  }
  if (member.kind === 'xlsx') {
    const { stream, read } = counter(await member.open());
    const close = () => {
      stream.destroy();
      member.close();
    };
    return {
      format: 'zip+xlsx',
      member: member.name,
      bytesTotal: member.size,
      bytesRead: read,
      rows: xlsxRows(stream, options.sheet),
      close,
    };
  }
  // Sniff the delimiter from the member's first bytes, then read it from the start.
  let delimiter = options.delimiter;
  if (!delimiter) {
    const peek = await member.open();
    const chunks: Buffer[] = [];
    let got = 0;
    for await (const chunk of peek as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      got += chunk.length;
      if (got >= 64 * 1024) break;
    }
    peek.destroy();
    delimiter = detectDelimiter(firstLine(Buffer.concat(chunks)));
  }
  const { stream, read } = counter(await member.open());
  const close = () => {
    stream.destroy();
    member.close();
  };
  return {
    format: 'zip+csv',
    member: member.name,
    bytesTotal: member.size,
    bytesRead: read,
    rows: csvRows(stream, delimiter),
    close,
  };
}
