import { useEffect, useState } from 'react';

/**
 * The app's routes: `/join/<code>`, `/join`, `/room/<roomId>`, `/sign-in/<roomId>` (how to get into a room),
 * `/signed-in` and `/operator` (where the server's sign-in callback hands a token over, in the fragment);
 * anything else shows the join page.
 */
export type Route = { page: 'join'; code: string } | { page: 'room'; roomId: string } | { page: 'sign-in'; roomId: string } | { page: 'signed-in' } | { page: 'operator' };

export function parseRoute(pathname: string): Route {
  const room = pathname.match(/^\/room\/([a-z0-9]+)\/?$/);
  if (room) return { page: 'room', roomId: room[1]! };
  const signIn = pathname.match(/^\/sign-in\/([a-z0-9]+)\/?$/);
  if (signIn) return { page: 'sign-in', roomId: signIn[1]! };
  if (/^\/signed-in\/?$/.test(pathname)) return { page: 'signed-in' };
  if (/^\/operator\/?$/.test(pathname)) return { page: 'operator' };
  const join = pathname.match(/^\/join\/([^/]+)\/?$/);
  return { page: 'join', code: join ? decodeURIComponent(join[1]!) : '' };
}

/** Goes to `path` inside the app; `replace`: the page left is not kept in the history (a token hand-over page). */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  return route;
}
