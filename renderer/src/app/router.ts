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

// How many screens this session has stepped into; going back never leaves the app.
let depth = 0;

export const useRouter = create<RouterState>((set) => ({
  route: parseRoute(typeof location === 'undefined' ? '' : location.hash),
  navigate: (route) => {
    const hash = formatRoute(route);
    // pushState: a history entry like setting location.hash, without the fragment navigation
    // (anchor lookup, hashchange) that costs a few ms on every click.
    if (location.hash !== hash) {
      history.pushState(null, '', hash);
      depth++;
    }
    set({ route });
  },
}));

/** Back to the previous screen of this session (Esc on a ticket), else to the default queue. */
export function goBack(): void {
  if (depth > 0) {
    depth--;
    history.back();
  } else useRouter.getState().navigate(defaultRoute);
}

if (typeof window !== 'undefined') {
  // Hashes from elsewhere (links, deep links, the back and forward buttons); navigate() already
  // set the route of the hash it pushed.
  const follow = (): void => {
    if (formatRoute(useRouter.getState().route) !== location.hash) useRouter.setState({ route: parseRoute(location.hash) });
  };
  window.addEventListener('hashchange', follow);
  window.addEventListener('popstate', follow);
}
