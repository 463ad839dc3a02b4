import { useEffect, useRef, useState } from 'react';
import type { BusinessCalendar } from '../../../../shared/sla';
import { useServices } from '../../app/services';
import { useConfig } from '../../config';
import { computeDeadlineImpact, type DeadlineImpact } from './deadline-impact';

export type ImpactState = { status: 'unchanged' } | { status: 'computing' } | { status: 'done'; impact: DeadlineImpact } | { status: 'error'; message: string };

/** Recomputes which deadlines move whenever the (valid) draft calendar changes, debounced and cancellable. */
export function useDeadlineImpact(calendarId: string, draft: BusinessCalendar | undefined): ImpactState {
  const { db } = useServices();
  const config = useConfig();
  const [state, setState] = useState<ImpactState>({ status: 'unchanged' });
  const run = useRef(0);
  const before = config.calendars[calendarId];
  const changed = draft !== undefined && JSON.stringify(draft) !== JSON.stringify(before);
  // `key` stands for the draft's content: the draft object changes identity on every render.
  const key = changed ? JSON.stringify(draft) : '';
  const latest = useRef({ draft, before, config });
  latest.current = { draft, before, config };
  const revision = config.revision;

  useEffect(() => {
    const id = ++run.current;
    const { draft: after, before: old, config: cfg } = latest.current;
    if (key === '' || !after) {
      setState({ status: 'unchanged' });
      return;
    }
    setState({ status: 'computing' });
    const timer = setTimeout(() => {
      computeDeadlineImpact(db, { calendarId, before: old, after, config: cfg, now: Date.now() }, { cancelled: () => run.current !== id })
        .then((impact) => {
          if (impact && run.current === id) setState({ status: 'done', impact });
        })
        .catch((e: unknown) => {
          if (run.current === id) setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [db, calendarId, key, revision]);

  return state;
}
