import {
  type Dispatch,
  type SetStateAction,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useCallbackRef } from './useCallbackRef';

export interface UseControllableStateOptions<T> {
  /** The value the host controls. `undefined` leaves the state to the component (uncontrolled). */
  prop?: T | undefined;
  /** The starting value when uncontrolled. */
  defaultProp: T;
  /** Called once for each change: a request to change when controlled, a change made when not. */
  onChange?: ((value: T) => void) | undefined;
  /** The component's name, for the warning when it switches between controlled and uncontrolled. */
  caller: string;
}

/**
 * One piece of state that a host may control (`prop` + `onChange`) or leave to the component
 * (`defaultProp`), as Radix's `useControllableState`. Controlled, `setValue` changes nothing: it
 * asks the host through `onChange`, and the host's next `prop` is the value. Uncontrolled, it
 * sets the state, and `onChange` hears the change after the commit, never on mount.
 */
export function useControllableState<T>(
  options: UseControllableStateOptions<T>,
): [value: T, setValue: Dispatch<SetStateAction<T>>] {
  const { prop, defaultProp, onChange, caller } = options;
  const [uncontrolledValue, setUncontrolledValue] = useState(defaultProp);
  const isControlled = prop !== undefined;
  const value = isControlled ? prop : uncontrolledValue;

  // The latest `onChange`, so that a host passing a new function each render neither re-creates
  // `setValue` nor is called through a stale one.
  const reportChange = useCallbackRef(onChange);

  // Uncontrolled, the change is reported from an effect rather than from `setValue`: an updater
  // function may run twice (StrictMode), and the value is only known once React has applied it.
  const reportedValueRef = useRef(uncontrolledValue);
  useEffect(() => {
    if (reportedValueRef.current !== uncontrolledValue) {
      reportedValueRef.current = uncontrolledValue;
      reportChange(uncontrolledValue);
    }
  }, [uncontrolledValue, reportChange]);

  const wasControlledRef = useRef(isControlled);
  useEffect(() => {
    // A warning for the host's developers, left out of production builds as React's own are.
    if (process.env.NODE_ENV === 'production') return;
    if (wasControlledRef.current !== isControlled) {
      const from = wasControlledRef.current ? 'controlled' : 'uncontrolled';
      const to = isControlled ? 'controlled' : 'uncontrolled';
      console.warn(
        `\`${caller}\` is changing from ${from} to ${to}. Decide between a controlled and an uncontrolled value for the lifetime of the component.`,
      );
      wasControlledRef.current = isControlled;
    }
  }, [isControlled, caller]);

  const setValue = useCallback<Dispatch<SetStateAction<T>>>(
    (next) => {
      if (isControlled) {
        const nextValue = typeof next === 'function' ? (next as (previous: T) => T)(prop) : next;
        // Asking the host for the value it already has would be a change that changes nothing.
        if (!Object.is(nextValue, prop)) reportChange(nextValue);
      } else {
        setUncontrolledValue(next);
      }
    },
    [isControlled, prop, reportChange],
  );

  return [value, setValue];
}
