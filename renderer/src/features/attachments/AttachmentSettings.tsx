import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../../shared/attachments';
import { useServices } from '../../app/services';
import { attachmentCacheUsage, clearAttachmentCache, setDeviceAttachmentQuota } from '../../data';

const MB = 1024 * 1024;

/** What attachments take on this device, the quota for downloaded copies, and a way to clear them. */
export function AttachmentSettings() {
  const { t } = useTranslation();
  const { db } = useServices();
  const usage = useLiveQuery(() => attachmentCacheUsage(db), [db]);
  const [quota, setQuota] = useState<string>();
  const [done, setDone] = useState<string>();
  if (!usage) return null;
  const shownQuota = quota ?? String(Math.round(usage.quotaBytes / MB));
  const valid = /^\d{1,6}$/.test(shownQuota);
  return (
    <section className="settings-section" data-testid="attachment-settings">
      <h2>{t('attachments.settings.title')}</h2>
      <p className="muted">{t('attachments.settings.explain')}</p>
      <dl className="sync-facts">
        <div><dt>{t('attachments.settings.downloaded')}</dt><dd data-testid="attachment-cache-used">{t('attachments.settings.usage', { used: formatBytes(usage.downloadedBytes), quota: formatBytes(usage.quotaBytes), count: usage.downloadedFiles })}</dd></div>
        <div><dt>{t('attachments.settings.pending')}</dt><dd>{t('attachments.settings.pendingFiles', { size: formatBytes(usage.pendingBytes), count: usage.pendingFiles })}</dd></div>
      </dl>
      <form className="settings-form" onSubmit={(e) => { e.preventDefault(); if (valid) void setDeviceAttachmentQuota(db, Number(shownQuota) * MB).then(() => setQuota(undefined)); }}>
        <label>
          {t('attachments.settings.quota')}
          <input inputMode="numeric" value={shownQuota} aria-invalid={!valid} onChange={(e) => setQuota(e.target.value.trim())} />
        </label>
        {!valid && <p className="error" role="alert">{t('attachments.settings.quotaInvalid')}</p>}
        <div>
          <button type="submit" disabled={!valid}>{t('attachments.settings.saveQuota')}</button>{' '}
          <button type="button" onClick={() => void clearAttachmentCache(db).then((n) => setDone(t('attachments.settings.cleared', { count: n })))}>{t('attachments.settings.clear')}</button>
        </div>
      </form>
      {done && <p role="status">{done}</p>}
    </section>
  );
}
