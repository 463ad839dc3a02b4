import { create } from 'zustand';

/** Every screen has a URL (hash) so reloads, deep links and the back button land where they were. */
export type Route =
  | { screen: 'queue'; view: string }
  | { screen: 'ticket'; id: string }
  | { screen: 'intake' }
  | { screen: 'dispatch' }
  | { screen: 'visits' }
  | { screen: 'reports' }
  | { screen: 'settings'; section?: string };

export const defaultRoute: Route = { screen: 'queue', view: 'my' };

/** Parses `#/ticket/SD-...`-style hashes; anything unknown is the default queue. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [head, arg] = parts;
  switch (head) {
    case 'queue':
      return { screen: 'queue', view: arg ?? 'my' };
    case 'ticket':
      return arg ? { screen: 'ticket', id: arg } : defaultRoute;
    case 'new':
      return { screen: 'intake' };
    case 'dispatch':
      return { screen: 'dispatch' };
    case 'visits':
      return { screen: 'visits' };
    case 'reports':
      return { screen: 'reports' };
    case 'settings':
      return arg ? { screen: 'settings', section: arg } : { screen: 'settings' };
    default:
      return defaultRoute;
  }
}

export function formatRoute(route: Route): string {
  switch (route.screen) {
    case 'queue':
      return `#/queue/${encodeURIComponent(route.view)}`;
    case 'ticket':
      return `#/ticket/${encodeURIComponent(route.id)}`;
    case 'intake':
      return '#/new';
    case 'settings':
      return route.section ? `#/settings/${encodeURIComponent(route.section)}` : '#/settings';
    default:
      return `#/${route.screen}`;
  }
}

type RouterState = { route: Route; navigate: (route: Route) => void };

export const useRouter = create<RouterState>((set) => ({
  route: parseRoute(typeof location === 'undefined' ? '' : location.hash),
  navigate: (route) => {
    const hash = formatRoute(route);
    if (location.hash !== hash) location.hash = hash;
    set({ route });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useRouter.setState({ route: parseRoute(location.hash) }));
}
