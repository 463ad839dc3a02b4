import { useTranslation } from 'react-i18next';
import { useUi } from '../../app/ui-store';
import { globalShortcuts, listShortcuts, navigationCommands } from './commands';
import { useContextCommands } from './context-commands';
import { KeyLabel } from './KeyLabel';

type Row = { keys: string; labelKey: string; labelArgs?: Record<string, string> };

function Group({ title, rows, testId }: { title: string; rows: Row[]; testId: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <table data-testid={testId}>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.keys} ${r.labelKey}`} data-keys={r.keys}>
              <td><KeyLabel keys={r.keys} /></td>
              <td>{t(r.labelKey, r.labelArgs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** "?": the keys that work right now: on this screen, in a queue, everywhere. */
export function HelpOverlay() {
  const { t } = useTranslation();
  const setOpen = useUi((s) => s.setHelpOpen);
  const here = Object.values(useContextCommands((s) => s.groups)).flat().filter((c): c is typeof c & { keys: string } => c.keys !== undefined);
  const everywhere = [...globalShortcuts, ...navigationCommands.map((c) => ({ keys: c.keys ?? '', labelKey: c.labelKey }))];
  return (
    <div className="overlay" role="presentation" onClick={() => setOpen(false)}>
      <div className="help" role="dialog" aria-label={t('shortcuts.title')} onClick={(e) => e.stopPropagation()}>
        <h2>{t('shortcuts.title')}</h2>
        <Group title={t('shortcuts.here')} rows={here} testId="shortcuts-here" />
        <Group title={t('shortcuts.inQueue')} rows={listShortcuts} testId="shortcuts-queue" />
        <Group title={t('shortcuts.everywhere')} rows={everywhere} testId="shortcuts-everywhere" />
        <button type="button" onClick={() => setOpen(false)}>{t('common.close')}</button>
      </div>
    </div>
  );
}
