import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { policySchema } from '../../../../shared/policy';
import { intakeChannels, type Ticket } from '../../../../shared/ticket';
import { useConfig } from '../../config/config-store';
import { formatMinutes } from '../clocks';
import { fromLocalInput, toLocalInput } from './local-time';
import { previewDeadlines } from './policy-preview';

/** Deadlines a new ticket would get under the policy being edited (recomputed on every change). */
export function PolicyPreview({ draft }: { draft: unknown }) {
  const { t, i18n } = useTranslation();
  const config = useConfig();
  const parsed = useMemo(() => policySchema.safeParse(draft), [draft]);
  const levels = parsed.success ? parsed.data.severityLevels : [];
  const [severity, setSeverity] = useState<string | undefined>(undefined);
  const [created, setCreated] = useState(() => toLocalInput(Math.floor(Date.now() / 60_000) * 60_000));
  const [channel, setChannel] = useState<Ticket['channel']>('phone');
  const level = levels.find((l) => l.id === severity) ?? levels.find((l) => !l.aboveTop) ?? levels[0];
  const createdAt = fromLocalInput(created);
  const result = parsed.success && level && createdAt !== undefined ? previewDeadlines(parsed.data, { severity: level.id, createdAt, channel }, config.calendars) : undefined;
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="admin-preview" aria-labelledby="policy-preview-title">
      <h3 id="policy-preview-title">{t('admin.preview.title')}</h3>
      {!parsed.success ? (
        <p className="muted">{t('admin.preview.fixErrors')}</p>
      ) : (
        <>
          <div className="admin-grid">
            <label>
              {t('admin.preview.severity')}
              <select aria-label={t('admin.preview.severity')} value={level?.id ?? ''} onChange={(e) => setSeverity(e.target.value)}>
                {levels.map((l) => (
                  <option key={l.id} value={l.id}>{l.label}</option>
                ))}
              </select>
            </label>
            <label>
              {t('admin.preview.createdAt')}
              <input type="datetime-local" aria-label={t('admin.preview.createdAt')} value={created} onChange={(e) => setCreated(e.target.value)} />
            </label>
            <label>
              {t('admin.preview.channel')}
              <select aria-label={t('admin.preview.channel')} value={channel} onChange={(e) => setChannel(e.target.value as Ticket['channel'])}>
                {intakeChannels.map((c) => (
                  <option key={c} value={c}>{t(`admin.channels.${c}`)}</option>
                ))}
              </select>
            </label>
          </div>
          {result && !result.ok && <p className="error" role="alert">{t('admin.preview.failed', { message: result.message })}</p>}
          {result?.ok && (
            <table className="admin-table" data-testid="policy-preview">
              <thead>
                <tr>
                  <th>{t('admin.policy.clock')}</th>
                  <th>{t('admin.preview.allowance')}</th>
                  <th>{t('admin.preview.deadline')}</th>
                  <th>{t('admin.preview.siteTime')}</th>
                </tr>
              </thead>
              <tbody>
                {result.clocks.map((c) => {
                  const zone = config.calendars[c.calendarId]?.timeZone;
                  return (
                    <tr key={c.kind}>
                      <td>{t(`clocks.${c.kind}`)}</td>
                      <td>{formatMinutes(c.totalMinutes, i18n.language)} <span className="muted">({t(`admin.units.${c.unit}`)})</span></td>
                      <td>{c.target === undefined ? <span className="muted">{t('admin.preview.startsLater')}</span> : fmt.format(c.target)}</td>
                      <td className="muted">
                        {c.target !== undefined && zone ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(c.target) : ''}
                        {zone ? ` ${zone}` : ''}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
