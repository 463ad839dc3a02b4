import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isVisitLocked, type Visit } from '../../../../shared/dispatch';
import { useVisitMutation, type PartMoveKind } from './use-visit-mutation';
import { useWarehouse } from './warehouse';

/** Spare parts of one visit: check out from the warehouse, return, and (on site) mark as used. */
export function PartsPanel({ visit, allowUse = false }: { visit: Visit; allowUse?: boolean }) {
  const { t } = useTranslation();
  const warehouse = useWarehouse();
  const { moveParts, error, busy } = useVisitMutation();
  const [partId, setPartId] = useState('');
  const [quantity, setQuantity] = useState(1);
  const locked = isVisitLocked(visit) || visit.status === 'cancelled';
  const chosen = partId || warehouse?.[0]?.partId || '';
  const move = (kind: PartMoveKind, id: string, qty: number) => void moveParts(visit, warehouse ?? [], { kind, partId: id, quantity: qty });
  return (
    <section className="parts" aria-label={t('dispatch.parts')}>
      <h3>{t('dispatch.parts')}</h3>
      {visit.parts.length === 0 ? (
        <p className="muted">{t('dispatch.noParts')}</p>
      ) : (
        <ul className="parts-list" data-testid="visit-parts">
          {visit.parts.map((p) => (
            <li key={`${p.partId}-${p.state}`} data-state={p.state}>
              <span>{p.quantity} × {p.name}</span>
              <span className="chip">{t(`dispatch.partState.${p.state}`)}</span>
              {p.state === 'checked_out' && !locked && (
                <>
                  <button type="button" disabled={busy} onClick={() => move('return', p.partId, p.quantity)}>{t('dispatch.returnPart')}</button>
                  {allowUse && <button type="button" disabled={busy} onClick={() => move('use', p.partId, p.quantity)}>{t('dispatch.usePart')}</button>}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!locked && (
        warehouse && warehouse.length > 0 ? (
          <form className="row parts-form" onSubmit={(e) => (e.preventDefault(), move('check_out', chosen, quantity))}>
            <select value={chosen} onChange={(e) => setPartId(e.target.value)} aria-label={t('dispatch.part')}>
              {warehouse.map((w) => (
                <option key={w.partId} value={w.partId} disabled={w.onHand === 0}>{t('dispatch.partOnHand', { name: w.name, count: w.onHand })}</option>
              ))}
            </select>
            <input type="number" min={1} value={quantity} onChange={(e) => setQuantity(Math.max(1, Math.floor(Number(e.target.value) || 1)))} aria-label={t('dispatch.quantity')} />
            <button type="submit" disabled={busy || chosen === ''}>{t('dispatch.checkOut')}</button>
          </form>
        ) : (
          <p className="muted">{t('dispatch.warehouseEmpty')}</p>
        )
      )}
      {error && <p className="error" role="alert">{t('dispatch.refused', { message: error })}</p>}
    </section>
  );
}
