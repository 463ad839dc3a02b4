import { useState } from 'react';
import { useForm, Controller } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { defaultViewColumns, savedViewSchema, viewColumns, viewSortFields, type SavedView } from '../../../../shared/views';
import { ticketStatuses } from '../../../../shared/ticket';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { useRouter } from '../../app/router';
import { useMutations } from '../../app/mutations';

function MultiSelect({ label, options, value, onChange }: { label: string; options: { value: string; label: string }[]; value: string[]; onChange: (v: string[]) => void }) {
  return (
    <label className="multi">
      {label}
      <select multiple aria-label={label} value={value} onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))} size={Math.min(6, Math.max(3, options.length))}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </label>
  );
}

/** Save the current filters, sort and columns as a personal queue. */
export function ViewEditor({ initial, onClose }: { initial?: SavedView; onClose: () => void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const me = useSession((s) => s.session.userId);
  const navigate = useRouter((s) => s.navigate);
  const mutate = useMutations();
  // A refused save or delete (e.g. another user's view) says why; the form keeps what was typed.
  const [refused, setRefused] = useState('');
  const facets = useLiveQuery(async () => ({
    severities: (await db.tickets.orderBy('severity').uniqueKeys()).map(String),
    productLines: (await db.tickets.orderBy('productLine').uniqueKeys()).map(String),
    regions: (await db.tickets.orderBy('region').uniqueKeys()).map(String),
    customers: await db.customers.toArray(),
    engineers: await db.engineers.toArray(),
  }), [db]);
  const form = useForm<SavedView>({
    resolver: zodResolver(savedViewSchema) as never,
    defaultValues: initial ?? {
      id: `view-${Date.now().toString(36)}`,
      ownerId: me,
      name: '',
      filters: { statuses: [], severities: [], productLines: [], regions: [], customerIds: [], ownerIds: [], breachedOnly: false },
      sort: { field: 'dueAt', direction: 'asc' },
      columns: defaultViewColumns,
      updatedAt: Date.now(),
    },
  });
  const submit = form.handleSubmit(async (v) => {
    const r = await mutate('view.put@1', { view: { ...v, ownerId: me, updatedAt: Date.now() } });
    if (r.outcome !== 'applied') return setRefused(r.message ?? r.outcome);
    onClose();
    navigate({ screen: 'queue', view: `saved:${v.id}` });
  });
  const remove = async (id: string) => {
    const r = await mutate('view.delete@1', { id });
    if (r.outcome !== 'applied') return setRefused(r.message ?? r.outcome);
    onClose();
    navigate({ screen: 'queue', view: 'my' });
  };
  const opt = (xs: string[]) => xs.map((x) => ({ value: x, label: x }));
  const multi = (name: 'filters.statuses' | 'filters.severities' | 'filters.productLines' | 'filters.regions' | 'filters.customerIds' | 'filters.ownerIds', label: string, options: { value: string; label: string }[]) => (
    <Controller control={form.control} name={name} render={({ field }) => <MultiSelect label={label} options={options} value={field.value as string[]} onChange={field.onChange} />} />
  );
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <form className="dialog wide-dialog view-editor" role="dialog" aria-label={t('views.editor')} onClick={(e) => e.stopPropagation()} onSubmit={(e) => void submit(e)} noValidate>
        <h2>{t('views.editor')}</h2>
        <label>
          {t('views.name')}
          <input aria-label={t('views.name')} {...form.register('name')} />
        </label>
        {form.formState.errors.name && <p className="error" role="alert">{t('views.nameRequired')}</p>}
        <div className="filters-grid">
          {multi('filters.statuses', t('queue.columns.status'), ticketStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })))}
          {multi('filters.severities', t('queue.columns.severity'), opt(facets?.severities ?? []))}
          {multi('filters.productLines', t('views.productLines'), opt(facets?.productLines ?? []))}
          {multi('filters.regions', t('views.regions'), opt(facets?.regions ?? []))}
          {multi('filters.customerIds', t('queue.columns.customer'), (facets?.customers ?? []).map((c) => ({ value: c.id, label: c.name })))}
          {multi('filters.ownerIds', t('queue.columns.owner'), [{ value: '', label: t('owner.none') }, ...(facets?.engineers ?? []).map((e) => ({ value: e.id, label: e.name }))])}
        </div>
        <label className="check">
          <input type="checkbox" {...form.register('filters.breachedOnly')} /> {t('views.breachedOnly')}
        </label>
        <div className="row">
          <label>
            {t('views.sortBy')}
            <select aria-label={t('views.sortBy')} {...form.register('sort.field')}>
              {viewSortFields.map((f) => (
                <option key={f} value={f}>{t(`views.sort.${f}`)}</option>
              ))}
            </select>
          </label>
          <label>
            {t('views.direction')}
            <select aria-label={t('views.direction')} {...form.register('sort.direction')}>
              <option value="asc">{t('views.asc')}</option>
              <option value="desc">{t('views.desc')}</option>
            </select>
          </label>
        </div>
        <Controller
          control={form.control}
          name="columns"
          render={({ field }) => (
            <MultiSelect label={t('views.columns')} options={viewColumns.map((c) => ({ value: c, label: t(`views.column.${c}`) }))} value={field.value} onChange={field.onChange} />
          )}
        />
        {refused && <p className="error" role="alert">{refused}</p>}
        <div className="row">
          <button type="submit" className="primary">{t('views.save')}</button>
          {initial && (
            <button type="button" onClick={() => void remove(initial.id)}>
              {t('views.delete')}
            </button>
          )}
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </div>
  );
}
