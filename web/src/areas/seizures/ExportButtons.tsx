import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../api/errors';
import { Notice } from '../../ui/Notice';
import { download, safeFileName, type Table, toCsv } from './csv';
import { SEIZURES_API } from './model';

/**
 * The XLSX is written by the node (exceljs is already there for reading imports) from the table as shown, so the
 * browser carries no spreadsheet library; CSV is made here.
 */
async function fetchXlsx(table: Table): Promise<Blob> {
  const response = await fetch(`${SEIZURES_API}/export.xlsx`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sheet: table.name.slice(0, 31), columns: table.columns, rows: table.rows }),
  });
  if (!response.ok) throw new ApiError(response.status, undefined, undefined);
  return response.blob();
}

/** CSV and XLSX downloads of a table exactly as it is shown. */
export function ExportButtons({ table }: { table: Table }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const name = safeFileName(table.name);
  const csv = () => download(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
  const xlsx = () => {
    setError(null);
    fetchXlsx(table).then((blob) => download(blob, `${name}.xlsx`), setError);
  };
  const message = error ? describeError(error) : undefined;
  return (
    <div className="export-buttons">
      <button type="button" className="secondary" onClick={csv} disabled={table.rows.length === 0}>
        {t('seizures.export.csv')}
      </button>
      <button type="button" className="secondary" onClick={xlsx} disabled={table.rows.length === 0}>
        {t('seizures.export.xlsx')}
      </button>
      {message && <Notice tone="error">{t(message.key, message.values)}</Notice>}
    </div>
  );
}
