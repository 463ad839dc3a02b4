import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile, type BackupRow } from './format';

export const CLIENT = 'laptop-old-0001';

export function ticket(id: string, over: Partial<Ticket> = {}): Ticket {
  return {
    id, title: 'Core router down', description: 'All sites unreachable', channel: 'phone', customerId: 'c1',
    contactName: 'Ana Example', contactEmail: 'ana@example.com', contactPhone: '', productLine: 'routing', product: 'R9', productVersion: '',
    region: 'north', policyId: 'p1', severity: '2', impact: 'degradation', urgency: 'medium', priority: 'P2', status: 'received',
    escalationLevel: 0, onSite: false, intake: {}, sla: { severityHistory: [{ at: 1000, severity: '2' }], pauses: [], customerUpdates: [] },
    createdAt: 1000, updatedAt: 1000, createdBy: 'u1', ...over,
  };
}

export function note(id: string, ticketId: string, text: string): TimelineEvent {
  return { id, ticketId, at: 2000, by: 'u1', kind: 'note', visibility: 'internal', text };
}

export function row<T extends { id: string }>(x: T): BackupRow {
  return x as unknown as BackupRow;
}

/** A valid backup of a device that created one ticket and a note offline (two pending changes). */
export function sampleBackup(): BackupFile {
  const t = ticket('SD-OLD001-0001');
  const n = note('SD-OLD001-0001-n1', t.id, 'Asked for logs');
  return {
    format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: 5000, schemaVersion: 3, clientId: CLIENT,
    actor: { userId: 'u1', role: 'agent', region: 'north' }, mutationCounter: 2, cursor: 40, ticketSequence: 1,
    tables: {
      tickets: [row(t), row(ticket('SD-SRV-0009', { title: 'Synced one' }))], timeline: [row(n)], conflicts: [], visits: [], customers: [], engineers: [],
      policies: [], calendars: [], escalationMatrices: [], warehouse: [], savedViews: [], attachments: [], products: [], sites: [], assets: [], contracts: [],
      syncState: [
        { table: 'tickets', id: t.id, version: 0, fv: {}, hasShadow: 1, shadow: null },
        { table: 'timeline', id: n.id, version: 0, fv: {}, hasShadow: 1, shadow: null },
        { table: 'tickets', id: 'SD-SRV-0009', version: 12, fv: { title: { v: 12, c: 'other-client-1' } }, hasShadow: 0 },
      ],
      outbox: [
        { clientId: CLIENT, id: 1, name: 'ticket.create@1', args: { ticket: t }, baseVersions: {}, clientTime: 1000 },
        { clientId: CLIENT, id: 2, name: 'timeline.addNote@1', args: { ticketId: t.id, text: 'Asked for logs' }, baseVersions: {}, clientTime: 2000 },
      ],
    },
  };
}
