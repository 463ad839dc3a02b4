import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyCopyPlan, planCopyToNextYear, type CopyPlanItem } from '../../../../shared/calendar-io';
import type { BusinessCalendar } from '../../../../shared/sla';

/** Copy the year's holidays and make-up days to the next year: fixed dates go as they are, the rest only when ticked. */
export function CopyToNextYear({ calendar, year, onApply }: { calendar: BusinessCalendar; year: number; onApply: (c: BusinessCalendar) => void }) {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<CopyPlanItem[] | undefined>(undefined);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<string | undefined>(undefined);

  const open = () => {
    setPlan(planCopyToNextYear(calendar, year));
    setAccepted(new Set());
    setDone(undefined);
  };
  const apply = (p: CopyPlanItem[]) => {
    const r = applyCopyPlan(calendar, p, accepted);
    onApply(r.calendar);
    setPlan(undefined);
    setDone(t('admin.copy.done', { count: r.copied.length, year: year + 1 }));
  };

  return (
    <div className="admin-tool">
      <button type="button" onClick={open}>{t('admin.copy.open', { from: year, to: year + 1 })}</button>
      {done && <p className="admin-ok" role="status">{done}</p>}
      {plan && (
        <div data-testid="copy-plan">
          {plan.length === 0 ? (
            <p className="muted">{t('admin.calendar.noOverrides', { year })}</p>
          ) : (
            <>
              <p className="muted">{t('admin.copy.explain')}</p>
              <table className="admin-table">
                <tbody>
                  {plan.map((p) => (
                    <tr key={p.from} data-status={p.status}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('admin.copy.include', { date: p.from })}
                          disabled={p.status !== 'review' || p.to === undefined}
                          checked={p.status === 'fixed' || (p.status === 'review' && accepted.has(p.from))}
                          onChange={(e) => {
                            const next = new Set(accepted);
                            if (e.target.checked) next.add(p.from);
                            else next.delete(p.from);
                            setAccepted(next);
                          }}
                        />
                      </td>
                      <td className="mono">{p.from} → {p.to ?? '—'}</td>
                      <td>{p.kind === 'holiday' ? t('admin.calendar.holiday') : t('admin.calendar.workingDay')}</td>
                      <td>
                        <span className="chip">{t(`admin.copy.status.${p.status}`)}</span>{' '}
                        {p.reasons.map((r) => t(`admin.copy.reasons.${r}`)).join(' ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" className="primary" onClick={() => apply(plan)}>{t('admin.copy.apply')}</button>{' '}
            </>
          )}
          <button type="button" onClick={() => setPlan(undefined)}>{t('common.cancel')}</button>
        </div>
      )}
    </div>
  );
}
