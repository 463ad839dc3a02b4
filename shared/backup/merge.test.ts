import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BackupOutboxEntry } from './format';
import { applyRowDecision, assessImport, isAutomaticEntry, keepRow, mergeRow, planOutbox, serverCopy, serverVersion, type ProfileFacts, type RowSide, type RowState } from './merge';
import { planDevice } from './device';

const facts = (over: Partial<ProfileFacts> = {}): ProfileFacts => ({ clientId: null, mutationCounter: 0, cursor: 0, outbox: [], serverRows: 0, shadowRows: 0, ...over });

describe('assessImport', () => {
  it('a never-synced profile with nothing pending (e.g. only demo data) is restored wholesale without asking', () => {
    expect(assessImport(facts(), 'old-laptop-1')).toEqual({ mode: 'wholesale', needsConfirmation: false, localPending: 0, localUnsyncedRows: 0 });
  });
  it('a profile that synced before is merged row by row; with nothing pending it needs no confirmation', () => {
    expect(assessImport(facts({ clientId: 'new-laptop-1', cursor: 10, serverRows: 5 }), 'old-laptop-1')).toMatchObject({ mode: 'merge', needsConfirmation: false });
  });
  it('unsynced work of another device must be confirmed before merging', () => {
    const a = assessImport(facts({ clientId: 'new-laptop-1', mutationCounter: 3, outbox: [{ clientId: 'new-laptop-1', id: 3, name: 'timeline.addNote@1', args: {} }], shadowRows: 1 }), 'old-laptop-1');
    expect(a).toEqual({ mode: 'merge', needsConfirmation: true, localPending: 1, localUnsyncedRows: 1 });
  });
  it('a new laptop whose first start only recorded SLA alerts and automatic escalations on demo data is still fresh', () => {
    const outbox = [
      { clientId: 'new-laptop-1', id: 1, name: 'ticket.recordSlaAlert@1', args: { ticketId: 'SD-DEMO-0045' } },
      { clientId: 'new-laptop-1', id: 2, name: 'ticket.recordEscalation@1', args: { ticketId: 'SD-DEMO-0045', automatic: true } },
    ];
    expect(assessImport(facts({ clientId: 'new-laptop-1', mutationCounter: 2, outbox, shadowRows: 3 }), 'old-laptop-1')).toEqual({ mode: 'wholesale', needsConfirmation: false, localPending: 0, localUnsyncedRows: 3 });
    // The fault visit queued by itself when an online window expired is automatic; one booked by a person is not.
    expect(isAutomaticEntry({ name: 'visit.create@1', args: { visit: { id: 'fv-1', status: 'unscheduled', reason: 'online_window_expired' } } })).toBe(true);
    expect(isAutomaticEntry({ name: 'visit.create@1', args: { visit: { id: 'v-2', status: 'tentative', reason: 'requested_by_hand' } } })).toBe(false);
    // A person's escalation is work, though.
    expect(isAutomaticEntry({ name: 'ticket.recordEscalation@1', args: { automatic: false } })).toBe(false);
    expect(isAutomaticEntry({ name: 'ticket.setPriority@1', args: { ticketId: 't', priority: 'critical', reason: 'r', automatic: true } })).toBe(true);
    expect(isAutomaticEntry({ name: 'ticket.setPriority@1', args: { ticketId: 't', priority: 'critical', reason: 'r' } })).toBe(false);
    const manual = [...outbox, { clientId: 'new-laptop-1', id: 3, name: 'ticket.recordEscalation@1', args: { automatic: false } }];
    expect(assessImport(facts({ clientId: 'new-laptop-1', mutationCounter: 3, outbox: manual }), 'old-laptop-1')).toMatchObject({ mode: 'merge', needsConfirmation: true, localPending: 1 });
  });
  it('re-importing a device’s own backup is not a merge of two devices', () => {
    expect(assessImport(facts({ clientId: 'old-laptop-1', mutationCounter: 2, outbox: [{ clientId: 'old-laptop-1', id: 2, name: 'timeline.addNote@1', args: {} }], shadowRows: 1 }), 'old-laptop-1').needsConfirmation).toBe(false);
  });
});

const row = (id: string, title: string) => ({ id, title });
const synced = (version: number): RowState => ({ version, fv: { title: { v: version, c: 'x-client-1' } }, hasShadow: 0 });
const shadowed = (version: number, shadow: Record<string, unknown> | null): RowState => ({ version, fv: {}, hasShadow: 1, shadow });

describe('mergeRow', () => {
  it('keeps a local row whose server version is newer than the backup’s', () => {
    expect(mergeRow({ row: row('t', 'new'), state: synced(9) }, { row: row('t', 'old'), state: synced(4) })).toEqual(keepRow);
  });
  it('takes the backup’s row when its server version is newer', () => {
    expect(mergeRow({ row: row('t', 'old'), state: synced(4) }, { row: row('t', 'new'), state: synced(9) })).toEqual({ row: row('t', 'new'), state: synced(9) });
  });
  it('on a tie the local row stays', () => {
    expect(mergeRow({ row: row('t', 'a'), state: synced(4) }, { row: row('t', 'b'), state: synced(4) })).toEqual(keepRow);
  });
  it('a row only the backup has is added, with its pending state', () => {
    const b: RowSide = { row: row('t', 'created offline'), state: shadowed(0, null) };
    expect(mergeRow({ row: undefined, state: undefined }, b)).toEqual({ row: b.row, state: b.state });
  });
  it('backup work on an older base gets this profile’s newer server copy as its shadow, so replay starts from it', () => {
    const d = mergeRow({ row: row('t', 'server v9'), state: synced(9) }, { row: row('t', 'edited offline'), state: shadowed(4, row('t', 'server v4')) });
    expect(d).toEqual({ row: 'keep', state: { version: 9, fv: synced(9).fv, hasShadow: 1, shadow: row('t', 'server v9') } });
  });
  it('local work keeps its live row but its shadow moves to the backup’s newer server copy', () => {
    const d = mergeRow({ row: row('t', 'my edit'), state: shadowed(4, row('t', 'server v4')) }, { row: row('t', 'server v9'), state: synced(9) });
    expect(d).toEqual({ row: 'keep', state: { version: 9, fv: synced(9).fv, hasShadow: 1, shadow: row('t', 'server v9') } });
  });
  it('a server deletion the backup knows of (tombstone: newer version, no row) is carried over', () => {
    expect(mergeRow({ row: row('t', 'x'), state: synced(3) }, { row: undefined, state: synced(8) })).toEqual({ row: null, state: synced(8) });
  });
});

const rowArb = fc.option(fc.record({ id: fc.constant('k'), title: fc.string({ maxLength: 3 }) }), { nil: undefined });
const stateArb = fc.option(
  fc.oneof(
    fc.nat(20).map((v) => synced(v)),
    fc.tuple(fc.nat(20), fc.option(fc.record({ id: fc.constant('k'), title: fc.string({ maxLength: 3 }) }), { nil: null })).map(([v, s]) => shadowed(v, s)),
  ),
  { nil: undefined },
);
const sideArb = fc.record({ row: rowArb, state: stateArb });

describe('mergeRow properties', () => {
  it('never replaces a newer (or equal) synced row, never falls behind the server version it saw, and keeps a base for pending work', () => {
    fc.assert(
      fc.property(sideArb, sideArb, (local, backup) => {
        const out = applyRowDecision(local, mergeRow(local, backup));
        const localExists = local.row !== undefined || local.state !== undefined;
        const backupExists = backup.row !== undefined || backup.state !== undefined;
        expect(serverVersion(out)).toBe(localExists || backupExists ? Math.max(serverVersion(local), backupExists ? serverVersion(backup) : 0) : 0);
        if (localExists && local.state && serverVersion(local) >= serverVersion(backup)) expect(serverCopy(out)).toEqual(serverCopy(local));
        if (backupExists && serverVersion(backup) > serverVersion(local)) expect(serverCopy(out)).toEqual(serverCopy(backup));
        if (local.state?.hasShadow === 1) {
          expect(out.state?.hasShadow).toBe(1);
          // The live row carrying the local pending change is left for rebase to rebuild.
          expect(out.row).toEqual(local.row);
        }
        if (backup.state?.hasShadow === 1) expect(out.state?.hasShadow).toBe(1);
        if (!backupExists) expect(out).toEqual(local);
      }),
      { numRuns: 2000 },
    );
  });
});

const entryArb = (clientId: string) =>
  fc.record({ id: fc.integer({ min: 1, max: 60 }), name: fc.constantFrom('ticket.create@1', 'timeline.addNote@1', 'ticket.assign@1'), args: fc.record({ n: fc.nat() }), clientTime: fc.nat() }).map(
    (e): BackupOutboxEntry => ({ ...e, clientId, baseVersions: { [`tickets/${e.args.n}`]: { title: e.args.n } } }),
  );
const uniqueEntries = (clientId: string) => fc.uniqueArray(entryArb(clientId), { selector: (e) => e.id, maxLength: 12 });
const payload = (e: BackupOutboxEntry) => JSON.stringify([e.name, e.args, e.baseVersions, e.clientTime]);

describe('planOutbox', () => {
  it('a profile without a client id continues the backed-up device: same id, same numbers, counter carried on', () => {
    const entries: BackupOutboxEntry[] = [2, 1].map((id) => ({ clientId: 'old-laptop-1', id, name: 'timeline.addNote@1', args: { id }, baseVersions: {}, clientTime: id }));
    const p = planOutbox({ clientId: null, mutationCounter: 0, outboxSize: 0 }, { clientId: 'old-laptop-1', mutationCounter: 5, outbox: entries });
    expect(p).toMatchObject({ clientId: 'old-laptop-1', mutationCounter: 5, how: 'adopt', skipped: 0 });
    expect(p.entries.map((e) => e.id)).toEqual([1, 2]);
  });
  it('a profile that already has a client id appends the entries after its own last id, in order', () => {
    const entries: BackupOutboxEntry[] = [7, 9].map((id) => ({ clientId: 'old-laptop-1', id, name: 'timeline.addNote@1', args: { id }, baseVersions: {}, clientTime: id }));
    const p = planOutbox({ clientId: 'new-laptop-1', mutationCounter: 3, outboxSize: 1 }, { clientId: 'old-laptop-1', mutationCounter: 9, outbox: entries });
    expect(p.entries.map((e) => [e.clientId, e.id, (e.args as { id: number }).id])).toEqual([['new-laptop-1', 4, 7], ['new-laptop-1', 5, 9]]);
    expect(p.mutationCounter).toBe(5);
  });
  it('a profile replaced wholesale gives up its own id (its automatic records are dropped) and continues the backed-up device', () => {
    const entries: BackupOutboxEntry[] = [{ clientId: 'old-laptop-1', id: 4, name: 'timeline.addNote@1', args: {}, baseVersions: {}, clientTime: 4 }];
    const p = planOutbox({ clientId: 'new-laptop-1', mutationCounter: 7, outboxSize: 7, replaced: true }, { clientId: 'old-laptop-1', mutationCounter: 4, outbox: entries });
    expect(p).toMatchObject({ clientId: 'old-laptop-1', mutationCounter: 4, how: 'adopt' });
    // A backup without a client id has nothing to continue: this profile keeps its own id and counter.
    expect(planOutbox({ clientId: 'new-laptop-1', mutationCounter: 7, outboxSize: 0, replaced: true }, { clientId: null, mutationCounter: 0, outbox: [] })).toMatchObject({ clientId: 'new-laptop-1', mutationCounter: 7, entries: [] });
  });
  it('the same device skips what it already queued or pushed', () => {
    const entries: BackupOutboxEntry[] = [1, 2, 3].map((id) => ({ clientId: 'old-laptop-1', id, name: 'timeline.addNote@1', args: {}, baseVersions: {}, clientTime: id }));
    const p = planOutbox({ clientId: 'old-laptop-1', mutationCounter: 2, outboxSize: 0 }, { clientId: 'old-laptop-1', mutationCounter: 3, outbox: entries });
    expect(p).toMatchObject({ how: 'same', skipped: 2, mutationCounter: 3 });
    expect(p.entries.map((e) => e.id)).toEqual([3]);
  });

  it('never loses a pending entry: every backup entry is queued (or already known to this same device) with ids above everything this profile used', () => {
    const localArb = fc.oneof(
      fc.constant({ clientId: null as string | null, counter: 0, outbox: [] as BackupOutboxEntry[] }),
      fc.tuple(fc.constantFrom('new-laptop-1', 'old-laptop-1'), uniqueEntries('x'), fc.nat(30)).map(([clientId, outbox, extra]) => {
        const own = outbox.map((e) => ({ ...e, clientId }));
        return { clientId: clientId as string | null, counter: own.reduce((m, e) => Math.max(m, e.id), 0) + extra, outbox: own };
      }),
    );
    fc.assert(
      fc.property(localArb, uniqueEntries('old-laptop-1'), fc.nat(10), (local, backupOutbox, extra) => {
        const backupCounter = backupOutbox.reduce((m, e) => Math.max(m, e.id), 0) + extra;
        const p = planOutbox({ clientId: local.clientId, mutationCounter: local.counter, outboxSize: local.outbox.length }, { clientId: 'old-laptop-1', mutationCounter: backupCounter, outbox: backupOutbox });
        const merged = [...local.outbox, ...p.entries];
        // Ids stay unique, increase in push order, and the counter covers them all.
        const ids = merged.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(p.entries.every((e, i) => i === 0 || e.id > p.entries[i - 1]!.id)).toBe(true);
        expect(p.entries.every((e) => e.id > local.counter || p.how === 'adopt')).toBe(true);
        expect(p.mutationCounter).toBeGreaterThanOrEqual(Math.max(0, ...ids));
        expect(p.mutationCounter).toBeGreaterThanOrEqual(local.counter);
        expect(p.entries.every((e) => e.clientId === p.clientId)).toBe(true);
        // Nothing lost: each backup entry is queued unchanged in content, or was this device's own known entry.
        const queued = p.entries.map(payload);
        for (const e of backupOutbox) {
          const known = local.clientId === 'old-laptop-1' && e.id <= local.counter;
          if (!known) expect(queued).toContain(payload(e));
        }
        expect(p.entries.length + p.skipped).toBe(backupOutbox.length);
        // Backup entries keep their relative order.
        const order = [...backupOutbox].sort((a, b) => a.id - b.id).map(payload).filter((x) => queued.includes(x));
        expect(queued).toEqual(order);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('planDevice', () => {
  const file = { cursor: 40, actor: { userId: 'u1', role: 'agent' as const, region: 'north' }, ticketSequence: 7 };
  it('a wholesale restore brings back the cursor, the user and the ticket sequence of the adopted client', () => {
    const outbox = planOutbox({ clientId: null, mutationCounter: 0, outboxSize: 0 }, { clientId: 'old-laptop-1', mutationCounter: 2, outbox: [] });
    expect(planDevice('wholesale', { clientId: null, ticketSequence: 0 }, file, outbox)).toEqual({ clientId: 'old-laptop-1', mutationCounter: 2, cursor: 40, actor: file.actor, ticketSequence: 7 });
  });
  it('a merge keeps this profile’s cursor, user and ticket sequence', () => {
    const outbox = planOutbox({ clientId: 'new-laptop-1', mutationCounter: 3, outboxSize: 0 }, { clientId: 'old-laptop-1', mutationCounter: 2, outbox: [] });
    expect(planDevice('merge', { clientId: 'new-laptop-1', ticketSequence: 2 }, file, outbox)).toEqual({ mutationCounter: 3 });
  });
});
