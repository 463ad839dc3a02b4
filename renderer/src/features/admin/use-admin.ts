import { useSession } from '../../app/session';

/** Only administrators edit policies and calendars (the sync mutations refuse anyone else too). */
export function useIsAdmin(): boolean {
  return useSession((s) => s.session.role === 'admin');
}
