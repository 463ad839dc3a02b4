import { useMemo, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../app/router';
import { useServices } from '../../app/services';
import { useUi } from '../../app/ui-store';
import { matchesQuery, navigationCommands, type Command } from './commands';
import { useContextCommands } from './context-commands';
import { findTicketsForPalette } from './find-tickets';
import { KeyLabel } from './KeyLabel';

/** Ctrl/Cmd+K: every action of the screen, every navigation, and tickets by id or title. */
export function CommandPalette({ extra = [] }: { extra?: Command[] }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const setOpen = useUi((s) => s.setPaletteOpen);
  const navigate = useRouter((s) => s.navigate);
  const groups = useContextCommands((s) => s.groups);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const tickets = useLiveQuery(() => (query.trim().length >= 2 ? findTicketsForPalette(db, query) : []), [db, query]);
  const commands = useMemo(() => {
    const actions = [...extra, ...Object.values(groups).flat(), ...navigationCommands].filter((c) => matchesQuery(t(c.labelKey, c.labelArgs), query));
    const found: Command[] = (tickets ?? []).map((x) => ({ id: `ticket-${x.id}`, labelKey: 'palette.openTicket', labelArgs: { id: x.id, title: x.title }, route: { screen: 'ticket', id: x.id } }));
    return [...actions, ...found];
  }, [extra, groups, query, t, tickets]);

  const run = (c: Command | undefined) => {
    if (!c) return;
    setOpen(false);
    if (c.route) navigate(c.route);
    c.run?.();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') setOpen(false);
    else if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, commands.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter') run(commands[Math.min(active, commands.length - 1)]);
    else return;
    e.preventDefault();
  };

  return (
    <div className="overlay" role="presentation" onClick={() => setOpen(false)}>
      <div className="palette" role="dialog" aria-label={t('palette.title')} onClick={(e) => e.stopPropagation()}>
        <input
          autoFocus
          aria-label={t('palette.placeholder')}
          placeholder={t('palette.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        {/* Focusable, so a keyboard user can also scroll the list itself when it is longer than the box. */}
        <ul role="listbox" aria-label={t('palette.title')} tabIndex={0}>
          {commands.map((c, i) => (
            <li key={c.id} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseEnter={() => setActive(i)} onClick={() => run(c)}>
              <span>{t(c.labelKey, c.labelArgs)}</span>
              {c.keys && <KeyLabel keys={c.keys} />}
            </li>
          ))}
          {commands.length === 0 && <li className="muted">{t('palette.none')}</li>}
        </ul>
      </div>
    </div>
  );
}
