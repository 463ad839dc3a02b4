import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ConfigMessage = { kind: 'ok' | 'error'; text: string };

type Props = {
  pickLabel: string;
  testId: string;
  items: readonly { id: string; name: string }[];
  selectedId: string;
  /** The name of an unsaved new item (a duplicate being edited), if any. */
  draftNewName?: string;
  isStored: boolean;
  shipped: boolean;
  admin: boolean;
  onSelect: (id: string) => void;
  onDuplicate: () => void;
  onRevert: () => void;
  onDiscard: () => void;
  status?: ReactNode;
  message?: ConfigMessage;
};

/** The picker and actions above a configuration editor (policies, calendars): one place for both. */
export function ConfigToolbar(p: Props) {
  const { t } = useTranslation();
  const isNew = p.draftNewName !== undefined;
  return (
    <div className="admin-toolbar">
      <label>
        {p.pickLabel}{' '}
        <select value={isNew ? '' : p.selectedId} onChange={(e) => p.onSelect(e.target.value)} data-testid={p.testId}>
          {isNew && <option value="">{t('admin.newItem', { name: p.draftNewName })}</option>}
          {p.items.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </select>
      </label>
      <span className="chip">{isNew ? t('admin.new') : p.isStored ? (p.shipped ? t('admin.edited') : t('admin.custom')) : t('admin.shipped')}</span>
      {p.admin && !isNew && <button type="button" onClick={p.onDuplicate}>{t('admin.duplicate')}</button>}
      {p.admin && !isNew && p.isStored && <button type="button" onClick={p.onRevert}>{p.shipped ? t('admin.revert') : t('admin.delete')}</button>}
      {isNew && <button type="button" onClick={p.onDiscard}>{t('admin.discard')}</button>}
      {p.status}
      {p.message && <span className={p.message.kind === 'ok' ? 'admin-ok' : 'error'} role={p.message.kind === 'ok' ? 'status' : 'alert'}>{p.message.text}</span>}
    </div>
  );
}
