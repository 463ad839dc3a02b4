import { useMemo } from 'react';
import { useSession } from '../../app/session';
import { useMinute } from '../../app/use-now';
import type { ViewContext } from './views';
import { SOON_MINUTES } from './QueuePage';
import { QUEUE_WINDOW } from './use-queue-view';
import { useQueueSource } from './use-queue-source';
import { useDirectoryNames } from './use-directory';

/**
 * While another screen shows, keeps the hidden queue's first rows and count live (the same shared
 * live queries the page reads: index ranges that re-run on writes), so showing the queue again
 * after minutes on a ticket needs no read. Render only while the queue is hidden.
 */
export function QueueKeepAlive({ viewId }: { viewId: string }) {
  const me = useSession((s) => s.session.userId);
  const now = useMinute();
  const ctx = useMemo<ViewContext>(() => ({ me, now, soonMinutes: SOON_MINUTES }), [me, now]);
  const names = useDirectoryNames();
  useQueueSource(viewId, ctx, 0, QUEUE_WINDOW, names?.customers);
  return null;
}
