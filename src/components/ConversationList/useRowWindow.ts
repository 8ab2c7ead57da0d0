import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from 'react';

export interface RowWindowItem {
  index: number;
  /** Offset from the top of the list, in px. */
  start: number;
}

interface Range {
  first: number;
  last: number;
}

/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 6;
/** Rows assumed visible while the list has no measurable height (hidden, or no layout at all). */
const FALLBACK_VISIBLE_ROWS = 12;

function rangeFor(scrollTop: number, viewport: number, rowHeight: number, count: number): Range {
  if (count === 0) return { first: 0, last: -1 };
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
  const latest = useRef({ count, rowHeight });
  latest.current = { count, rowHeight };

  const update = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const { count: total, rowHeight: height } = latest.current;
    const next = rangeFor(element.scrollTop, element.getBoundingClientRect().height, height, total);
    setRange((current) =>
      current.first === next.first && current.last === next.last ? current : next,
    );
  }, [scrollRef]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    update();
    element.addEventListener('scroll', update, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, [scrollRef, update]);

  // A shorter list or another row height moves the window without any scroll event.
  // biome-ignore lint/correctness/useExhaustiveDependencies: count and rowHeight are read through `latest`
  useLayoutEffect(update, [count, rowHeight, update]);

  /** Scrolls just enough to show the row, and renders it in the same pass. */
  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const viewport = element.getBoundingClientRect().height || FALLBACK_VISIBLE_ROWS * rowHeight;
      const top = index * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + viewport) {
        element.scrollTop = top + rowHeight - viewport;
      }
      update();
    },
    [scrollRef, rowHeight, update],
  );

  const items: RowWindowItem[] = [];
  for (let index = range.first; index <= Math.min(range.last, count - 1); index += 1) {
    items.push({ index, start: index * rowHeight });
  }
  return { items, totalSize: count * rowHeight, scrollToIndex };
}
