import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatBytes, isPreviewableImage, type AttachmentOpenRefusal, type AttachmentRef } from '../../../../shared/attachments';
import { useServices } from '../../app/services';
import { AttachmentServerError, fetchAttachment, getActor } from '../../data';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';
import { downloadBlob } from '../../host/download';
import { useServerAccess } from './use-server-access';

/**
 * One attachment: its name as plain text, size and upload state; images are previewed from a
 * blob: URL in an <img> once their bytes are here (sniffed on this device, never from the name);
 * everything else is saved as a file. Nothing is ever rendered as HTML.
 */
export function AttachmentItem({ item }: { item: AttachmentRef }) {
  const { t } = useTranslation();
  const { db, host } = useServices();
  const access = useServerAccess();
  const local = useLiveQuery(() => db.attachmentBytes.get(item.sha256), [db, item.sha256]);
  const [preview, setPreview] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const mutate = useMutations();
  const outcomeText = useOutcomeText();
  // The uploader or an admin may take a file off the ticket; others do not see the button.
  const actor = useLiveQuery(() => getActor(db), [db]);
  const mayRemove = actor !== undefined && (actor.role === 'admin' || actor.userId === item.addedBy);
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<AttachmentOpenRefusal>();

  async function remove() {
    const r = await mutate('attachment.remove@1', { ticketId: item.ticketId, attachmentId: item.id, sha256: item.sha256 });
    setConfirming(false);
    if (r.outcome !== 'applied') setError(outcomeText(r, t('attachments.removeRefused')));
  }

  useEffect(() => {
    if (!local || !isPreviewableImage(local.type)) return undefined;
    const url = URL.createObjectURL(new Blob([local.bytes as Uint8Array<ArrayBuffer>], { type: local.type }));
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [local]);

  async function load(): Promise<{ bytes: Uint8Array; type: string } | undefined> {
    setError(undefined);
    if (local) return { bytes: local.bytes, type: local.type };
    const server = await access();
    if (!server) {
      setError(t('attachments.notHere'));
      return undefined;
    }
    setBusy(true);
    try {
      return await fetchAttachment(db, server, item.sha256);
    } catch (e) {
      setError(e instanceof AttachmentServerError ? (e.status === 404 ? t('attachments.notUploadedYet') : e.message) : t('attachments.offline'));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    const got = await load();
    // Saved as opaque bytes whatever they are: the browser or OS never opens them as a page.
    if (got) downloadBlob(new Blob([got.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), item.name);
  }

  // Desktop only: the OS's default application opens the file; a browser page can only save it.
  async function open() {
    setRefusal(undefined);
    const got = await load();
    if (!got) return;
    try {
      const r = await host.invoke('attachment.open', { name: item.name, bytes: got.bytes as Uint8Array<ArrayBuffer> });
      if (r.outcome === 'refused') setRefusal(r.reason);
    } catch (e) {
      setError(t('attachments.openFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  }

  const state = local?.pending === 1 ? (local.uploadError ? t('attachments.uploadRefused', { reason: local.uploadError }) : t('attachments.waitingUpload')) : undefined;
  return (
    <li className="attachment" data-testid="attachment" data-name={item.name} data-state={local?.pending === 1 ? 'pending' : local ? 'here' : 'remote'}>
      {preview ? <img className="attachment-preview" src={preview} alt={item.name} data-testid="attachment-preview" /> : null}
      <span className="attachment-name">{item.name}</span>
      <span className="muted"> · {formatBytes(item.size)}</span>
      {state && <span className="attachment-state"> · {state}</span>}
      <span className="attachment-actions">
        {!preview && isPreviewableImage(item.type) && !local && (
          <button type="button" className="link" disabled={busy} onClick={() => void load()}>{t('attachments.show')}</button>
        )}
        {host.kind === 'electron' && <button type="button" className="link" disabled={busy} onClick={() => void open()}>{t('attachments.open')}</button>}
        <button type="button" className="link" disabled={busy} onClick={() => void save()}>{t(host.kind === 'electron' ? 'attachments.saveAs' : 'attachments.save')}</button>
        {mayRemove && !confirming && <button type="button" className="link" onClick={() => setConfirming(true)}>{t('attachments.remove')}</button>}
        {confirming && (
          <>
            <span>{t('attachments.removeConfirm', { name: item.name })}</span>
            <button type="button" className="link" onClick={() => void remove()}>{t('attachments.removeYes')}</button>
            <button type="button" className="link" onClick={() => setConfirming(false)}>{t('attachments.removeNo')}</button>
          </>
        )}
      </span>
      {error && <span className="error" role="alert"> {error}</span>}
      {refusal && (
        <span className="error" role="alert" data-testid="attachment-open-refused">
          {' '}{t(`attachments.openRefused.${refusal}`, { name: item.name })}{' '}
          <button type="button" className="link" onClick={() => void save()}>{t('attachments.saveAs')}</button>
        </span>
      )}
    </li>
  );
}
