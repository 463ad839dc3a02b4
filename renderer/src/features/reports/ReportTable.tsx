import { useTranslation } from 'react-i18next';

/** The rows of a report table (header first) as an HTML table with translated column names. */
export function ReportTable({ rows, caption, formatCell }: { rows: string[][]; caption: string; formatCell?: ((column: string, value: string) => string) | undefined }) {
  const { t } = useTranslation();
  const [header = [], ...body] = rows;
  return (
    <div className="report-table-wrap">
      <table className="report-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h} scope="col">{t(`reports.columns.${h}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => {
                const column = header[j] ?? '';
                return <td key={j}>{formatCell ? formatCell(column, cell) : cell}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
