import { useMemo, useRef } from 'react';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

/**
 * A function of stable identity that always calls the latest `callback` (Radix's
 * `useCallbackRef`, React's `useEffectEvent`). For listeners that subscribe once and handles that
 * a host keeps, while the props they read change every render. Call it from events and effects,
 * never during render.
 */
export function useCallbackRef<Args extends unknown[], Result>(
  callback: ((...args: Args) => Result) | undefined,
): (...args: Args) => Result | undefined {
  const callbackRef = useRef(callback);
  // A layout effect, so that the layout effects declared after it already see this render's
  // callback (a passive effect would leave them the previous one).
  useIsomorphicLayoutEffect(() => {
    callbackRef.current = callback;
  });
  return useMemo(
    () =>
      (...args: Args) =>
        callbackRef.current?.(...args),
    [],
  );
}
