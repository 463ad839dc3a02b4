import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { ticketAttachmentsSchema, type AttachmentOwner } from '../../../../shared/attachments';
import { useServices } from '../../app/services';
import { addAttachment, AttachmentInputError } from '../../data';
import { AttachmentItem } from './AttachmentItem';
import './attachments.css';

/**
 * The attachments of a ticket (all of them, or those of one note or visit report) and a control
 * to add files. Adding works offline: the file waits on this device and uploads at the next sync.
 */
export function AttachmentList({ ticketId, owner, compact = false }: { ticketId: string; owner?: AttachmentOwner; compact?: boolean }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const row = useLiveQuery(() => db.attachments.get(ticketId), [db, ticketId]);
  const parsed = row ? ticketAttachmentsSchema.safeParse(row) : undefined;
  const items = (parsed?.success ? parsed.data.items : []).filter((a) => !owner || (a.owner.kind === owner.kind && a.owner.id === owner.id));
  const target: AttachmentOwner = owner ?? { kind: 'ticket', id: ticketId };

  async function add(files: FileList | null) {
    setError(undefined);
    for (const file of Array.from(files ?? [])) {
      try {
        await addAttachment(db, { ticketId, owner: target, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
      } catch (e) {
        if (e instanceof AttachmentInputError && e.code !== 'refused') setError(t(`attachments.error.${e.code}`, { name: file.name, ...e.params }));
        else setError(e instanceof Error ? e.message : String(e));
        break;
      }
    }
    if (input.current) input.current.value = '';
  }

  if (compact && items.length === 0 && !error) {
    return (
      <div className="attachments compact">
        <button type="button" className="link" onClick={() => input.current?.click()}>{t('attachments.attach')}</button>
        <input ref={input} type="file" multiple hidden aria-label={t('attachments.attach')} data-testid="attachment-input" onChange={(e) => void add(e.target.files)} />
      </div>
    );
  }
  return (
    <div className={`attachments${compact ? ' compact' : ''}`} data-testid={`attachments-${owner?.kind ?? 'all'}`}>
      {!compact && <h3>{t('attachments.title', { count: items.length })}</h3>}
      {items.length > 0 && (
        <ul className="attachment-list">
          {items.map((a) => <AttachmentItem key={a.id} item={a} />)}
        </ul>
      )}
      {!compact && items.length === 0 && <p className="muted">{t('attachments.none')}</p>}
      <button type="button" className="link" onClick={() => input.current?.click()}>{t('attachments.attach')}</button>
      <input ref={input} type="file" multiple hidden aria-label={t('attachments.attach')} data-testid="attachment-input" onChange={(e) => void add(e.target.files)} />
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
