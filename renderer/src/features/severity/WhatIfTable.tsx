import { useTranslation } from 'react-i18next';
import type { WhatIfClock } from '../../../../shared/severity';

/** Each clock's target now and after the change, side by side. */
export function WhatIfTable({ rows }: { rows: WhatIfClock[] }) {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const show = (at: number | undefined) => (at === undefined ? '—' : fmt.format(at));
  return (
    <table className="whatif" data-testid="whatif">
      <thead>
        <tr>
          <th>{t('ticket.clock')}</th>
          <th>{t('severity.currentTarget')}</th>
          <th>{t('severity.newTarget')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const moved = r.current?.target !== r.proposed?.target;
          return (
            <tr key={r.kind} data-clock={r.kind} className={moved ? 'moved' : ''}>
              <td>{t(`clocks.${r.kind}`)}</td>
              <td>{show(r.current?.target)}</td>
              <td>{show(r.proposed?.target)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
