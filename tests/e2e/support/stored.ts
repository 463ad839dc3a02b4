import type { Page } from '@playwright/test';
import type { Ticket } from '../../../shared/ticket';

// The app's own rows, read straight from its IndexedDB store in the page, so a spec picks its
// ticket from the data it finds and checks what was really stored (not only what is shown).

/** Every row of one store of the app's database. */
export async function storedRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (s) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('service-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(s).objectStore(s).getAll();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as T[]);
          };
        };
      }),
    store,
  );
}

/** One row of one store, by key (undefined when it is not there). */
export async function storedRow<T>(page: Page, store: string, key: string): Promise<T | undefined> {
  return page.evaluate(
    ([s, k]) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('service-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(s).objectStore(s).get(k);
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as T | undefined);
          };
        };
      }),
    [store, key] as const,
  );
}

/** Every ticket on the device. */
export const storedTickets = (page: Page): Promise<Ticket[]> => storedRows<Ticket>(page, 'tickets');

/** One ticket on the device; fails the test when it is not there. */
export async function storedTicket(page: Page, id: string): Promise<Ticket> {
  const t = await storedRow<Ticket>(page, 'tickets', id);
  if (!t) throw new Error(`ticket ${id} is not in the device's store`);
  return t;
}

/** Who uses this device, as Settings > Identity stores it (the app reads it on start). */
export function actAs(page: Page, actor: { userId: string; role: string; region: string }): Promise<void> {
  return page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('service-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: 'actor', value });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    actor,
  );
}
