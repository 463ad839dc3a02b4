import { useTranslation } from 'react-i18next';
import { useUi } from '../../app/ui-store';
import { listShortcuts, navigationCommands } from './commands';

/** "?": every shortcut in one place. */
export function HelpOverlay() {
  const { t } = useTranslation();
  const setOpen = useUi((s) => s.setHelpOpen);
  const rows = [...listShortcuts, ...navigationCommands.map((c) => ({ keys: c.keys ?? '', labelKey: c.labelKey }))];
  return (
    <div className="overlay" role="presentation" onClick={() => setOpen(false)}>
      <div className="help" role="dialog" aria-label={t('shortcuts.title')} onClick={(e) => e.stopPropagation()}>
        <h2>{t('shortcuts.title')}</h2>
        <table>
          <tbody>
            {rows.map((r) => (
              <tr key={r.labelKey}>
                <td><kbd>{r.keys}</kbd></td>
                <td>{t(r.labelKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => setOpen(false)}>{t('common.close')}</button>
      </div>
    </div>
  );
}
