import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';

/** A chart's figures as a table, folded under "Show as a table": for screen readers and anyone who prefers numbers. */
export function ChartTable({ columns, rows }: { columns: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  const { t } = useI18n();
  return (
    <details className="chart-table">
      <summary>{t('showAsTable')}</summary>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
