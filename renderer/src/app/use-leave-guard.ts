import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { addLeaveGuard } from './router';

/**
 * While `dirty`, leaving the screen (another screen, the back button, closing or reloading the
 * window) first asks whether to drop the unsaved edits, so a click elsewhere never loses them.
 */
export function useLeaveGuard(dirty: boolean): void {
  const { t } = useTranslation();
  const question = t('common.leaveUnsaved');
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    const remove = addLeaveGuard(() => question);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      remove();
    };
  }, [dirty, question]);
}
