import { useEffect, useState } from 'react';

/** The screens, in the order of the navigation. */
export const SCREENS = ['overview', 'preview', 'history', 'leavers', 'person', 'settings'] as const;
/** One screen. */
export type Screen = (typeof SCREENS)[number];

/** A place in the app: a screen and an optional item on it (a run id, a person id). */
export interface Route {
  readonly screen: Screen;
  readonly item: string | null;
}

function parse(hash: string): Route {
  const [screen, item] = hash.replace(/^#\/?/, '').split('/');
  const known = SCREENS.find((s) => s === screen);
  return { screen: known ?? 'overview', item: item ? decodeURIComponent(item) : null };
}

/** Go to a screen (and item); the address keeps it, so a notification or a reload lands there. */
export function navigate(screen: Screen, item: string | null = null): void {
  window.location.hash = `#/${screen}${item ? `/${encodeURIComponent(item)}` : ''}`;
}

/** The current route, following the address. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
