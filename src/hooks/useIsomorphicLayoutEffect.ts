import { useEffect, useLayoutEffect } from 'react';

/**
 * `useLayoutEffect` in the browser, `useEffect` when rendering on a server: neither runs there,
 * but React 18 warns about every `useLayoutEffect` it meets in `renderToString`, and a list
 * rendered by Next.js would fill the server's log.
 */
export const useIsomorphicLayoutEffect =
  typeof document === 'undefined' ? useEffect : useLayoutEffect;
