import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogueLinesOf, editCatalogue, type CatalogueEdit, type CatalogueProblem, type Product } from '../../../../shared/contract';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';
import { useServices } from '../../app/services';
import { useConfig } from '../../config';
import { deleteConfigRow, putConfigRow, useIsAdmin } from '../admin';
import { readCatalogueUsage } from './catalogue-usage';
import { CatalogueForm, type CatalogueFormKind } from './CatalogueForm';

type Message = { kind: 'ok' | 'error'; text: string };

/**
 * Settings › Product catalogue: the product lines and products intake offers. Lines and products
 * are added, renamed and retired here (a retired one stays on the tickets, assets and reports that
 * name it, but intake no longer offers it); one still in use cannot be deleted. Synced like every
 * other part of the configuration; only an admin changes it.
 */
export function CatalogueSettings() {
  const { t } = useTranslation();
  const { db } = useServices();
  const config = useConfig();
  const mutate = useMutations();
  const admin = useIsAdmin();
  const outcomeText = useOutcomeText();
  const [form, setForm] = useState<CatalogueFormKind | undefined>(undefined);
  const [problems, setProblems] = useState<CatalogueProblem[]>([]);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const products = [...config.products.values()];
  const lines = catalogueLinesOf(products);

  const problemText = (p: CatalogueProblem) => {
    if (p.code !== 'in_use') return t(`catalogue.problem.${p.code}`, { ...p.params, defaultValue: p.message });
    const where = (['tickets', 'assets', 'visits'] as const)
      .filter((k) => Number(p.params[k]) > 0)
      .map((k) => t(`catalogue.usedBy.${k}`, { count: Number(p.params[k]), ids: String(p.params[`${k.slice(0, -1)}Ids`] ?? '') }));
    return t('catalogue.problem.in_use', { where: where.join(t('catalogue.usedBy.separator')) });
  };

  const open = (next: CatalogueFormKind | undefined) => {
    setForm(next);
    setProblems([]);
    setMessage(undefined);
  };

  /** Checks the edit against the whole catalogue, then stores every row it changes; nothing is stored on a problem. */
  const apply = async (edit: CatalogueEdit, done: string): Promise<boolean> => {
    const usage = edit.kind === 'deleteLine' || edit.kind === 'deleteProduct' ? await readCatalogueUsage(db, config) : { tickets: [], assets: [], visits: [] };
    const change = editCatalogue(products, edit, usage);
    if (!change.ok) {
      setProblems(change.problems);
      if (!form) setMessage({ kind: 'error', text: change.problems.map(problemText).join(' ') });
      return false;
    }
    for (const row of change.puts) {
      const r = await putConfigRow(mutate, 'products', row);
      if (r.outcome !== 'applied') return (setMessage({ kind: 'error', text: outcomeText(r, t('catalogue.notSaved')) }), false);
    }
    for (const id of change.deletes) {
      const r = await deleteConfigRow(mutate, 'products', id);
      if (r.outcome !== 'applied') return (setMessage({ kind: 'error', text: outcomeText(r, t('catalogue.notSaved')) }), false);
    }
    setProblems([]);
    setMessage({ kind: 'ok', text: done });
    return true;
  };

  const save = async (edit: CatalogueEdit) => {
    const name = edit.kind === 'addLine' || edit.kind === 'renameLine' ? edit.lineName : 'productName' in edit ? edit.productName : '';
    if (await apply(edit, t(edit.kind.startsWith('add') ? 'catalogue.added' : 'catalogue.renamed', { name: name.trim() }))) setForm(undefined);
  };
  const act = (edit: CatalogueEdit, name: string) => {
    setForm(undefined);
    const key = edit.kind === 'deleteLine' || edit.kind === 'deleteProduct' ? 'catalogue.deleted' : 'retired' in edit && edit.retired ? 'catalogue.retiredDone' : 'catalogue.reinstated';
    void apply(edit, t(key, { name }));
  };

  const status = (retired: boolean) => (retired ? <span className="chip" data-testid="retired">{t('catalogue.retired')}</span> : null);
  const productRow = (p: Product) => (
    <tr key={p.id} data-product={p.id}>
      <td className="catalogue-product">{p.name} {status(p.retired)}</td>
      <td><code>{p.id}</code></td>
      <td>
        {admin && (
          <>
            <button type="button" onClick={() => open({ kind: 'renameProduct', productId: p.id, name: p.name })}>{t('catalogue.rename')}</button>
            <button type="button" onClick={() => act({ kind: 'retireProduct', productId: p.id, retired: !p.retired }, p.name)}>{t(p.retired ? 'catalogue.reinstate' : 'catalogue.retire')}</button>
            <button type="button" onClick={() => act({ kind: 'deleteProduct', productId: p.id }, p.name)}>{t('catalogue.delete')}</button>
          </>
        )}
      </td>
    </tr>
  );

  return (
    <section className="settings-section" aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">{t('catalogue.title')}</h2>
      <p className="muted">{t('catalogue.explain')}</p>
      {!admin && <p className="muted">{t('catalogue.adminOnly')}</p>}
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind} data-testid="catalogue-message">{message.text}</p>}
      {admin && !form && <button type="button" onClick={() => open({ kind: 'addLine' })}>{t('catalogue.newLine')}</button>}
      {form && <CatalogueForm key={JSON.stringify(form)} form={form} problems={problems} problemText={problemText} onSave={(e) => void save(e)} onCancel={() => open(undefined)} />}
      {lines.length === 0 ? <p className="muted">{t('catalogue.none')}</p> : (
        <table className="admin-table" data-testid="catalogue">
          <thead><tr><th>{t('catalogue.columns.name')}</th><th>{t('catalogue.columns.id')}</th><th /></tr></thead>
          {lines.map((l) => (
            <tbody key={l.id} data-line={l.id}>
              <tr className="catalogue-line">
                <th scope="rowgroup">{l.name} {status(l.retired)}</th>
                <td><code>{l.id}</code></td>
                <td>
                  {admin && (
                    <>
                      <button type="button" onClick={() => open({ kind: 'renameLine', lineId: l.id, name: l.name })}>{t('catalogue.rename')}</button>
                      <button type="button" onClick={() => act({ kind: 'retireLine', lineId: l.id, retired: !l.retired }, l.name)}>{t(l.retired ? 'catalogue.reinstate' : 'catalogue.retire')}</button>
                      <button type="button" onClick={() => act({ kind: 'deleteLine', lineId: l.id }, l.name)}>{t('catalogue.delete')}</button>
                      <button type="button" onClick={() => open({ kind: 'addProduct', lineId: l.id, lineName: l.name })}>{t('catalogue.addProduct')}</button>
                    </>
                  )}
                </td>
              </tr>
              {l.products.map(productRow)}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}
