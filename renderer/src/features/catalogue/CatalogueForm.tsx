import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogueIdOf, type CatalogueEdit, type CatalogueProblem } from '../../../../shared/contract';

/** What the small form edits: a new line (with its first product), a new product, or a name. */
export type CatalogueFormKind =
  | { kind: 'addLine' }
  | { kind: 'addProduct'; lineId: string; lineName: string }
  | { kind: 'renameLine'; lineId: string; name: string }
  | { kind: 'renameProduct'; productId: string; name: string };

type Fields = { lineId: string; lineName: string; productId: string; productName: string };

/** The edit the form's fields describe; ids follow the names until someone types one. */
function editOf(form: CatalogueFormKind, f: Fields): CatalogueEdit {
  switch (form.kind) {
    case 'addLine':
      return { kind: 'addLine', lineId: f.lineId, lineName: f.lineName, productId: f.productId, productName: f.productName };
    case 'addProduct':
      return { kind: 'addProduct', lineId: form.lineId, productId: f.productId, productName: f.productName };
    case 'renameLine':
      return { kind: 'renameLine', lineId: form.lineId, lineName: f.lineName };
    case 'renameProduct':
      return { kind: 'renameProduct', productId: form.productId, productName: f.productName };
  }
}

/** The form for one catalogue edit; `problems` are shown on their fields, nothing is saved while there are any. */
export function CatalogueForm({ form, problems, problemText, onSave, onCancel }: {
  form: CatalogueFormKind;
  problems: readonly CatalogueProblem[];
  problemText: (p: CatalogueProblem) => string;
  onSave: (edit: CatalogueEdit) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState<Fields>({
    lineId: '',
    lineName: form.kind === 'renameLine' ? form.name : '',
    productId: '',
    productName: form.kind === 'renameProduct' ? form.name : '',
  });
  const [typedIds, setTypedIds] = useState({ lineId: false, productId: false });
  const setName = (k: 'lineName' | 'productName', v: string) => {
    const idKey = k === 'lineName' ? 'lineId' : 'productId';
    setF((old) => ({ ...old, [k]: v, ...(typedIds[idKey] ? {} : { [idKey]: catalogueIdOf(v) }) }));
  };
  const setId = (k: 'lineId' | 'productId', v: string) => {
    setTypedIds((old) => ({ ...old, [k]: true }));
    setF((old) => ({ ...old, [k]: v }));
  };
  const shown = new Set<keyof Fields>(
    form.kind === 'addLine' ? ['lineName', 'lineId', 'productName', 'productId'] : form.kind === 'addProduct' ? ['productName', 'productId'] : form.kind === 'renameLine' ? ['lineName'] : ['productName'],
  );
  const field = (k: keyof Fields) => {
    if (!shown.has(k)) return null;
    const mine = problems.filter((p) => p.field === k);
    const isName = k === 'lineName' || k === 'productName';
    return (
      <div className="field" key={k}>
        <label htmlFor={`catalogue-${k}`}>{t(`catalogue.field.${k}`)}</label>
        <input id={`catalogue-${k}`} name={k} value={f[k]} aria-invalid={mine.length > 0} onChange={(e) => (isName ? setName(k, e.target.value) : setId(k, e.target.value))} />
        {mine.map((p, i) => <span key={i} className="error" role="alert" data-testid={`catalogue-error-${k}`}>{problemText(p)}</span>)}
      </div>
    );
  };
  const title = form.kind === 'addProduct' ? t('catalogue.addProductTo', { line: form.lineName }) : t(`catalogue.formTitle.${form.kind}`);
  return (
    <form className="contract-form" aria-label={title} onSubmit={(e) => (e.preventDefault(), onSave(editOf(form, f)))}>
      <h3>{title}</h3>
      {field('lineName')}
      {field('lineId')}
      {field('productName')}
      {field('productId')}
      {problems.filter((p) => p.field === 'catalogue').map((p, i) => <p key={i} className="error" role="alert">{problemText(p)}</p>)}
      <div className="form-actions">
        <button type="submit">{t('catalogue.save')}</button>
        <button type="button" onClick={onCancel}>{t('catalogue.cancel')}</button>
      </div>
    </form>
  );
}
