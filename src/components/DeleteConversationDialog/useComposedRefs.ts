import { type Ref, type RefCallback, useCallback } from 'react';

function setRef<T>(ref: Ref<T> | undefined, node: T | null): void {
  if (typeof ref === 'function') ref(node);
  else if (ref) ref.current = node;
}

/**
 * One ref callback that fills both refs: the host's forwarded ref and the part's own. Its identity
 * changes only with the refs, so React does not detach and reattach it every render. It returns
 * nothing, as React 18 expects (React 19's ref cleanup functions are not used).
 */
export function useComposedRefs<T>(
  forwardedRef: Ref<T> | undefined,
  ownRef: Ref<T> | undefined,
): RefCallback<T> {
  return useCallback(
    (node: T | null) => {
      setRef(forwardedRef, node);
      setRef(ownRef, node);
    },
    [forwardedRef, ownRef],
  );
}
