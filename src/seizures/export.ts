import ExcelJS from 'exceljs';

export type ExportCell = string | number | null;

export interface ExportTable {
  sheet: string;
  columns: string[];
  rows: ExportCell[][];
}

// Characters Excel refuses in a worksheet name.
const BAD_SHEET_CHARS = /[\\/?*[\]:]/g;

/**
 * A table as an XLSX workbook of one sheet: a bold header row, numbers kept as numbers (so a person can sum them),
 * text as text. Text cells are never read as formulas: exceljs writes a string as a string.
 */
export async function tableToXlsx(table: ExportTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Liaison';
  const name = table.sheet.replace(BAD_SHEET_CHARS, ' ').trim().slice(0, 31) || 'Sheet1';
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? undefined));
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(
      String(table.columns[i] ?? '').length,
      ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length),
    );
    column.width = Math.min(60, Math.max(8, widest + 2));
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
