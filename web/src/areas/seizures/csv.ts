/** A table as it is shown: column headings and the cells of each row. */
export interface Table {
  /** File name without extension; also the worksheet name. */
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quoted when it holds a delimiter, a quote or a line break (RFC 4180); a leading = + - @ would be read as a
  // formula by spreadsheet programs, so such text gets a leading apostrophe.
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV with CRLF line ends and a byte-order mark: without the mark, Excel reads UTF-8 as the system code page
 * and Chinese or Russian names come out garbled.
 */
export function toCsv(table: Table): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** A file name for a download: letters, digits, dot, hyphen and underscore only. */
export function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'table';
}

/** Hands a file to the browser's download without leaving the page. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once cancels the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
