import { create } from 'zustand';
import { markForeground } from '../data/foreground';

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

/** A form with unsaved edits answers the question to ask before leaving it; a clean one answers null. */
type LeaveGuard = () => string | null;
const leaveGuards = new Set<LeaveGuard>();

/** Registers a guard until the returned function is called (a form's lifetime). */
export function addLeaveGuard(guard: LeaveGuard): () => void {
  leaveGuards.add(guard);
  return () => void leaveGuards.delete(guard);
}

/** True when no form holds unsaved edits, or the user confirmed leaving them. */
export function mayLeave(): boolean {
  for (const guard of leaveGuards) {
    const question = guard();
    if (question !== null && !window.confirm(question)) return false;
  }
  return true;
}

type RouterState = { route: Route; navigate: (route: Route) => void };

// How many screens this session has stepped into; going back never leaves the app.
let depth = 0;

export const useRouter = create<RouterState>((set) => ({
  route: parseRoute(typeof location === 'undefined' ? '' : location.hash),
  navigate: (route) => {
    const hash = formatRoute(route);
    if (hash !== formatRoute(useRouter.getState().route) && !mayLeave()) return;
    // A screen the user asked for (also from a notification or the palette): its reads go first.
    markForeground();
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
    const here = formatRoute(useRouter.getState().route);
    if (here === location.hash) return;
    // Back button or a link away from unsaved edits the user chose to keep: stay, and put the address back.
    if (!mayLeave()) return void history.pushState(null, '', here);
    useRouter.setState({ route: parseRoute(location.hash) });
  };
  window.addEventListener('hashchange', follow);
  window.addEventListener('popstate', follow);
}
