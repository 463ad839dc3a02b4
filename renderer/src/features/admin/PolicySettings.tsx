import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../../../shared/policy';
import { useMutations } from '../../app/mutations';
import { useServices } from '../../app/services';
import { openTicketIdsOf, presetPolicies, useConfig, useConfigSyncStatus } from '../../config';
import { deleteConfigRow } from './config-mutations';
import { PolicyEscalation } from '../escalation';
import { ConfigTransfer } from './ConfigTransfer';
import { PolicyEditor } from './PolicyEditor';
import { useIsAdmin } from './use-admin';
import { useStoredConfigIds } from './use-stored-config';
import './admin.css';
import { ConfigToolbar } from './ConfigToolbar';
import { mayLeave } from '../../app/router';

function uniqueId(base: string, taken: (id: string) => boolean): string {
  for (let n = 2; ; n++) {
    const id = `${base}-copy${n === 2 ? '' : `-${n}`}`;
    if (!taken(id)) return id;
  }
}

/** Settings › Policies: pick a policy, edit it (admins), preview its deadlines, save, duplicate or revert. */
export function PolicySettings() {
  const { t } = useTranslation();
  const config = useConfig();
  const mutate = useMutations();
  const { db } = useServices();
  const admin = useIsAdmin();
  const stored = useStoredConfigIds();
  const invalid = useConfigSyncStatus((s) => s.invalid).filter((p) => p.table === 'policies');
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [draftNew, setDraftNew] = useState<Policy | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  // Shown until the overlay has the saved row (the store's live query answers a moment later).
  const [justSaved, setJustSaved] = useState<Policy | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const policies = [...config.policies.values()].sort((a, b) => a.name.localeCompare(b.name));
  const policy = draftNew ?? config.policies.get(selectedId ?? '') ?? (justSaved?.id === selectedId ? justSaved : undefined) ?? policies[0];
  if (!policy) return <p className="muted">{t('admin.policy.none')}</p>;
  const shipped = presetPolicies.some((p) => p.id === policy.id);
  const isStored = stored.policies.has(policy.id);

  const select = (id: string) => {
    // Picking another one replaces the editor: its unsaved edits would go with it.
    if (!mayLeave()) return;
    setDraftNew(undefined);
    setSelectedId(id);
    setMessage(undefined);
  };
  const duplicate = () => {
    const id = uniqueId(policy.id, (x) => config.policies.has(x));
    setDraftNew({ ...structuredClone(policy), id, name: t('admin.copyName', { name: policy.name }) });
    setMessage(undefined);
  };
  const revert = async () => {
    setMessage(undefined);
    if (!shipped) {
      // A policy that exists only as a stored row disappears: refuse while open tickets follow it.
      const inUse = await openTicketIdsOf(db, new Set([policy.id]));
      if (inUse.length > 0) {
        setMessage({ kind: 'error', text: t('admin.policy.inUse', { count: inUse.length }) });
        return;
      }
    }
    const r = await deleteConfigRow(mutate, 'policies', policy.id);
    if (r.outcome === 'applied') {
      setGeneration((g) => g + 1);
      setMessage({ kind: 'ok', text: shipped ? t('admin.reverted') : t('admin.deleted') });
      if (!shipped) setSelectedId(undefined);
    } else setMessage({ kind: 'error', text: r.message ?? t('admin.refused') });
  };

  return (
    <section className="admin-settings" aria-labelledby="policy-settings-title">
      <h2 id="policy-settings-title">{t('admin.policy.title')}</h2>
      {!admin && <p className="muted" role="note">{t('admin.adminOnly')}</p>}
      {invalid.map((p) => (
        <p key={p.id} className="error" role="alert">{t('admin.invalidStored', { id: p.id, message: p.message })}</p>
      ))}
      <ConfigToolbar
        pickLabel={t('admin.policy.pick')}
        testId="policy-select"
        items={policies}
        selectedId={policy.id}
        draftNewName={draftNew?.name}
        isStored={isStored}
        shipped={shipped}
        admin={admin}
        onSelect={select}
        onDuplicate={duplicate}
        onRevert={() => void revert()}
        onDiscard={() => setDraftNew(undefined)}
        message={message}
      />
      <PolicyEditor
        key={`${draftNew ? 'new' : 'stored'}:${policy.id}:${generation}`}
        policy={policy}
        isNew={draftNew !== undefined}
        readOnly={!admin}
        onSaved={(p) => {
          setJustSaved(p);
          setDraftNew(undefined);
          setSelectedId(p.id);
        }}
      />
      {!draftNew && <PolicyEscalation policyId={policy.id} />}
      <ConfigTransfer />
    </section>
  );
}
