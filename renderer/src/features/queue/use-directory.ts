import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';

export type DirectoryNames = { customers: Map<string, string>; engineers: Map<string, string> };

/** Customer and engineer names by id (small tables, shared by every row). */
export function useDirectoryNames(): DirectoryNames | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [customers, engineers] = await Promise.all([db.customers.toArray(), db.engineers.toArray()]);
    return { customers: new Map(customers.map((c) => [c.id, c.name])), engineers: new Map(engineers.map((e) => [e.id, e.name])) };
  }, [db]);
}
