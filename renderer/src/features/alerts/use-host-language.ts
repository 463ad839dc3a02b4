import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';

/**
 * Tells the host the UI language at start and on every switch, so OS notifications and the tray
 * (written by the host, not the page) follow it. Mounted through useSlaWatch, before the first
 * watch list, so alerts fired on that list are already in the right language.
 */
export function useHostLanguage(): void {
  const { host } = useServices();
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  useEffect(() => {
    host.invoke('app.setLanguage', { language }).catch((e: unknown) => console.error(`could not tell the host the UI language: ${String(e)}`));
  }, [host, language]);
}
