import type Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import type { Ticket, TimelineEvent } from '../../../shared/ticket';
import type { DeskConfig } from '../../../shared/sla';
import { queueKeys, searchTokens } from './queue-keys';

/**
 * Keeps each ticket row's queue keys (nearest SLA target, owner key, search words) and each
 * note's search words in step with the ticket on every write — local mutations, sync pulls, imports — inside the same transaction.
 */
export function installQueueKeys(db: Dexie, getConfig: () => DeskConfig, now: () => number = Date.now): void {
  db.use({
    stack: 'dbcore',
    name: 'queue-keys',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name === 'timeline') return withTimelineWords(table);
          if (name !== 'tickets') return table;
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
              const config = getConfig();
              const t = now();
              const values = req.values.map((v: Ticket) => ({ ...v, ...queueKeys(v, config, t) }));
              return table.mutate({ ...req, values });
            },
          };
        },
      };
    },
  });
}

/** Notes are searchable: their words go into the timeline's multi-entry index. */
function withTimelineWords(table: ReturnType<DBCore['table']>): ReturnType<DBCore['table']> {
  return {
    ...table,
    mutate(req: DBCoreMutateRequest) {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      const values = req.values.map((e: TimelineEvent) => (e.kind === 'note' ? { ...e, qWords: searchTokens(e.text) } : e));
      return table.mutate({ ...req, values });
    },
  };
}
