import { type RefObject, useRef, useState } from 'react';
import { useCallbackRef } from './useCallbackRef';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

export interface RowWindowItem {
  index: number;
  /** Offset from the top of the list, in px. */
  start: number;
}

interface Range {
  first: number;
  last: number;
}

/**
 * Rows rendered above and below the visible ones, so fast scrolling shows no gaps. Three rows
 * are a few frames of a fast fling; every extra row is styled, laid out and painted again
 * each time the window jumps (a deletion, a scroll, select all), so the margin stays small.
 */
const OVERSCAN = 3;
/** Rows assumed visible while the list has no measurable height (hidden, or no layout at all). */
const FALLBACK_VISIBLE_ROWS = 12;

/** The rows to render; none (`last` below `first`) when the list is empty. */
function rangeFor(scrollTop: number, viewport: number, rowHeight: number, count: number): Range {
  const height = viewport > 0 ? viewport : FALLBACK_VISIBLE_ROWS * rowHeight;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return { first, last };
}

/**
 * Windowing for rows of one fixed height (the theme's --ck-row-height): only the rows in view,
 * plus a few, are rendered, so 100,000 conversations cost what 30 do. With a fixed height the
 * window is plain arithmetic; the component re-renders only when the window's bounds change,
 * not on every scroll event.
 */
export function useRowWindow(options: {
  count: number;
  rowHeight: number;
  scrollRef: RefObject<HTMLElement | null>;
}) {
  const { count, rowHeight, scrollRef } = options;
  const [range, setRange] = useState<Range>(() => rangeFor(0, 0, rowHeight, count));
  // Kept from scroll and resize events, so that working out the window never reads layout:
  // a read right after React changed the DOM forces a synchronous reflow of the whole page.
  const scrollTopRef = useRef(0);
  const viewportRef = useRef(0);

  // Of stable identity for the listeners added once, and reads this render's count and height.
  const recompute = useCallbackRef(() => {
    const next = rangeFor(scrollTopRef.current, viewportRef.current, rowHeight, count);
    setRange((current) =>
      current.first === next.first && current.last === next.last ? current : next,
    );
  });

  useIsomorphicLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    // The one layout read: on mount, before anything else changed the page.
    viewportRef.current = element.getBoundingClientRect().height;
    scrollTopRef.current = element.scrollTop;
    recompute();
    const onScroll = () => {
      scrollTopRef.current = element.scrollTop;
      recompute();
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver((entries) => {
            const height = entries[entries.length - 1]?.contentRect.height;
            if (height === undefined || height === viewportRef.current) return;
            viewportRef.current = height;
            recompute();
          })
        : null;
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [scrollRef, recompute]);

  // A shorter list or another row height moves the window without any scroll event.
  // biome-ignore lint/correctness/useExhaustiveDependencies: count and rowHeight are read by `recompute`
  useIsomorphicLayoutEffect(recompute, [count, rowHeight, recompute]);

  /**
   * Scrolls just enough to show the row, and renders it in the same pass. A plain function of
   * this render: the list calls it from its handlers, never keeps it.
   */
  function scrollToIndex(index: number) {
    const element = scrollRef.current;
    if (!element) return;
    const viewport = viewportRef.current || FALLBACK_VISIBLE_ROWS * rowHeight;
    const top = index * rowHeight;
    let scrollTop = scrollTopRef.current;
    if (top < scrollTop) scrollTop = top;
    else if (top + rowHeight > scrollTop + viewport) scrollTop = top + rowHeight - viewport;
    if (scrollTop !== scrollTopRef.current) {
      element.scrollTop = scrollTop;
      scrollTopRef.current = scrollTop;
    }
    recompute();
  }

  const items: RowWindowItem[] = [];
  for (let index = range.first; index <= Math.min(range.last, count - 1); index += 1) {
    items.push({ index, start: index * rowHeight });
  }
  return { items, totalSize: count * rowHeight, scrollToIndex };
}
