import { useEffect, useState } from 'react';

/** The app's routes: `/join/<code>`, `/join`, `/room/<roomId>`; anything else shows the join page. */
export type Route = { page: 'join'; code: string } | { page: 'room'; roomId: string };

export function parseRoute(pathname: string): Route {
  const room = pathname.match(/^\/room\/([a-z0-9]+)\/?$/);
  if (room) return { page: 'room', roomId: room[1]! };
  const join = pathname.match(/^\/join\/([^/]+)\/?$/);
  return { page: 'join', code: join ? decodeURIComponent(join[1]!) : '' };
}

export function navigate(path: string): void {
  history.pushState(null, '', path);
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
