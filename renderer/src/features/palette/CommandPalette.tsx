import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../app/router';
import { useUi } from '../../app/ui-store';
import { matchesQuery, navigationCommands, type Command } from './commands';

/** Ctrl/Cmd+K: every navigation and action by name, from the keyboard. */
export function CommandPalette({ extra = [] }: { extra?: Command[] }) {
  const { t } = useTranslation();
  const setOpen = useUi((s) => s.setPaletteOpen);
  const navigate = useRouter((s) => s.navigate);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const commands = useMemo(() => [...extra, ...navigationCommands].filter((c) => matchesQuery(t(c.labelKey), query)), [extra, query, t]);

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
    else if (e.key === 'Enter') run(commands[active]);
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
        <ul role="listbox" aria-label={t('palette.title')}>
          {commands.map((c, i) => (
            <li key={c.id} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onMouseEnter={() => setActive(i)} onClick={() => run(c)}>
              <span>{t(c.labelKey)}</span>
              {c.keys && <kbd>{c.keys}</kbd>}
            </li>
          ))}
          {commands.length === 0 && <li className="muted">{t('palette.none')}</li>}
        </ul>
      </div>
    </div>
  );
}
