import { useEffect, type RefObject } from 'react';

/**
 * Publishes the height of a sticky block as a CSS property on the page's root (`--room-sticky-height` for the
 * room's banner, header and tabs), kept up to date as it wraps or an announcement appears: the page scrolls under
 * it by that much (`scroll-padding-top`, `scroll-margin-top`), so an anchor or a `scrollIntoView` never lands
 * hidden behind it, and what sticks inside a tab sticks just below it.
 */
export function useStickyHeight(ref: RefObject<HTMLElement | null>, property = '--room-sticky-height'): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const root = document.documentElement;
    const publish = () => root.style.setProperty(property, `${Math.ceil(element.getBoundingClientRect().height)}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty(property);
    };
  }, [ref, property]);
}
