import { useRef } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { useCallbackRef } from './useCallbackRef';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

export interface ControllableStoreStateOptions<State, T> {
  store: StoreApi<State>;
  /** The value in the store. */
  select(state: State): T;
  /** Puts a value into the store (through its actions, so the rest of the state follows). */
  write(value: T): void;
  /** The host's value: given, the host owns it (controlled). */
  prop: T | undefined;
  /** The value to start with when uncontrolled; written once, when the hook mounts. */
  defaultProp: T | undefined;
  /** Called when the value in the store changes other than by this hook writing `prop` or `defaultProp`. */
  onChange: ((value: T) => void) | undefined;
  /** Default `Object.is`. */
  equals?: (a: T, b: T) => boolean;
}

/**
 * Radix's `useControllableState` for a value that lives in a zustand store: the store stays the
 * one source the views read, and a host may still own the value through `prop` / `onChange`.
 *
 * - Uncontrolled: `defaultProp` is written when the hook mounts; every later change reaches
 *   `onChange`.
 * - Controlled: `prop` is written into the store whenever it differs. A change made in the store
 *   by anything else (a click, a key, rows leaving the list) reaches `onChange`, and the store goes
 *   back to `prop` at once, before React renders: a change the host does not take is never seen,
 *   and one it takes comes back as the next `prop`.
 *
 * Writes of the hook's own never call `onChange`, so a host that answers every `onChange` with a
 * new `prop` cannot start a loop.
 */
export function useControllableStoreState<State, T>(
  options: ControllableStoreStateOptions<State, T>,
): void {
  const { store, select, write, prop, defaultProp, onChange, equals = Object.is } = options;
  const writingRef = useRef(false);

  function writeOwnValue(value: T) {
    writingRef.current = true;
    try {
      write(value);
    } finally {
      writingRef.current = false;
    }
  }

  const onStoreChange = useCallbackRef((state: State, previous: State) => {
    if (writingRef.current) return;
    const next = select(state);
    if (equals(next, select(previous))) return;
    onChange?.(next);
    if (prop !== undefined && !equals(next, prop)) writeOwnValue(prop);
  });

  const writeDefault = useCallbackRef(() => {
    if (prop === undefined && defaultProp !== undefined) writeOwnValue(defaultProp);
  });

  const followProp = useCallbackRef(() => {
    if (prop !== undefined && !equals(select(store.getState()), prop)) writeOwnValue(prop);
  });

  // Layout effects: what the first paint shows is already the host's value.
  useIsomorphicLayoutEffect(() => store.subscribe(onStoreChange), [store, onStoreChange]);
  // The default is the value to start with: written once, not again when it changes.
  useIsomorphicLayoutEffect(() => writeDefault(), [writeDefault]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: followProp reads `prop`; it runs again when `prop` changes
  useIsomorphicLayoutEffect(() => followProp(), [store, prop, followProp]);
}
