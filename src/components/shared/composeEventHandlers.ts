import type { SyntheticEvent } from 'react';

/**
 * One handler that runs the host's handler, then the kit's unless the host called
 * `event.preventDefault()` (as Radix composes them): a host can add to the kit's behaviour on an
 * element, or turn it off for one event.
 */
export function composeEventHandlers<E extends SyntheticEvent>(
  hostHandler: ((event: E) => void) | undefined,
  kitHandler: ((event: E) => void) | undefined,
): (event: E) => void {
  return (event) => {
    hostHandler?.(event);
    if (!event.defaultPrevented) kitHandler?.(event);
  };
}
