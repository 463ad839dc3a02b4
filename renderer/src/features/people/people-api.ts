import { z } from 'zod';
import { peopleListSchema, personSchema, type NewPerson, type Person, type PersonChange } from '../../../../shared/directory/people';
import { errorResponseSchema } from '../../../../shared/sync';

/** A People request the server refused or could not be reached for; `message` is for people. */
export class PeopleApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PeopleApiError';
  }
}

const personResponseSchema = z.object({ person: personSchema });

/**
 * The admin's People API on the sync server (admin only, scoped to the admin's organisation).
 * Runs against the live server, so people are added while it runs and devices pull the result.
 */
export function createPeopleApi(baseUrl: string, getToken: () => Promise<string | undefined>, fetchFn: typeof fetch = (...a) => fetch(...a)) {
  async function call<T>(method: 'GET' | 'POST', path: string, body: unknown, parse: (raw: unknown) => T): Promise<T> {
    const token = await getToken();
    if (!token) throw new PeopleApiError(401, 'unauthorized', 'sign in to the sync server first');
    let res: Response;
    try {
      res = await fetchFn(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch (e) {
      throw new PeopleApiError(0, 'offline', `the server at ${baseUrl} cannot be reached (${e instanceof Error ? e.message : String(e)})`);
    }
    const raw: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const err = errorResponseSchema.safeParse(raw);
      throw new PeopleApiError(res.status, err.success ? err.data.error.code : 'http_error', err.success ? err.data.error.message : `the server answered HTTP ${res.status}`);
    }
    return parse(raw);
  }
  return {
    list: (): Promise<Person[]> => call('GET', '/people', undefined, (r) => peopleListSchema.parse(r).people),
    add: (p: NewPerson): Promise<Person> => call('POST', '/people', p, (r) => personResponseSchema.parse(r).person),
    change: (id: string, c: PersonChange): Promise<Person> => call('POST', `/people/${encodeURIComponent(id)}`, c, (r) => personResponseSchema.parse(r).person),
    setActive: (id: string, active: boolean): Promise<Person> => call('POST', `/people/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`, {}, (r) => personResponseSchema.parse(r).person),
  };
}
export type PeopleApi = ReturnType<typeof createPeopleApi>;
