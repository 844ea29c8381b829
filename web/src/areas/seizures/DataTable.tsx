import type { ReactNode } from 'react';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import type { Table } from './csv';
import { ExportButtons } from './ExportButtons';

interface Props {
  table: Table;
  caption: string;
  testId?: string;
  /** How a cell is shown when not as is (undefined: numbers through Intl, text as is); exports keep the value. */
  render?: (value: string | number | null, column: number, row: number) => ReactNode | undefined;
}

/** A table as shown, with CSV and XLSX downloads of the same rows and columns. */
export function DataTable({ table, caption, testId, render }: Props) {
  const locale = useLocale();
  const show = (value: string | number | null, column: number, row: number) => {
    const custom = render?.(value, column, row);
    if (custom !== undefined) return custom;
    return typeof value === 'number' ? formatNumber(value, locale) : (value ?? '');
  };
  return (
    <div className="table-block">
      <div className="table-scroll">
        <table className="data-table" data-testid={testId}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((cells, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and replaced whole
              <tr key={i}>
                {cells.map((cell, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  <td key={j} className={typeof cell === 'number' ? 'num' : undefined}>
                    {show(cell, j, i)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportButtons table={table} />
    </div>
  );
}
