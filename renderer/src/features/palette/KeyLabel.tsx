import { useTranslation } from 'react-i18next';

/** A shortcut as people read it: an upper-case letter is that letter with Shift. */
export function KeyLabel({ keys }: { keys: string }) {
  const { t } = useTranslation();
  const shown = /^[A-Z]$/.test(keys) ? `${t('shortcuts.shift')}+${keys}` : keys;
  return <kbd>{shown}</kbd>;
}
