import { type FocusEvent, type RefObject, useEffect, useReducer, useRef, useState } from 'react';
import { useConversationKit } from '../context/ConversationKitContext';
import type { UndoableDeletion } from '../runtime/undoWindows';
import { useDeletionState } from './useDeletionState';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';

export interface UndoWindowView {
  /** The most recent deletion still in its undo window; `undefined` when none is. */
  deletion: UndoableDeletion | undefined;
  /** Whole seconds left of its window, rounded up; standing still while the windows are paused. */
  secondsLeft: number;
}

/**
 * The most recent deletion in its undo window (`undoWindowMs`) and the whole seconds left of it.
 * The seconds are read again when the shown number changes (once a second at most), never per
 * frame.
 */
export function useUndoWindow(): UndoWindowView {
  const deletion = useDeletionState((state) => state.undoable.at(-1));
  const [, tick] = useReducer((count: number) => count + 1, 0);
  const sendAt = deletion?.sendAt ?? null;
  // Read in render: the number shown is what is left now, and the timer below renders again when
  // that number changes.
  const msLeft = sendAt === null ? (deletion?.remainingMs ?? 0) : sendAt - Date.now();

  useEffect(() => {
    if (sendAt === null || msLeft <= 0) return;
    // Until the next whole second of what is left, when the shown number goes down by one.
    const timer = setTimeout(tick, msLeft % 1000 || 1000);
    return () => clearTimeout(timer);
  });

  return { deletion, secondsLeft: Math.max(0, Math.ceil(msLeft / 1000)) };
}

/** Props for the element that offers Undo (see `useUndoPause`). */
export interface UndoAreaProps {
  ref: RefObject<HTMLDivElement | null>;
  onPointerEnter(): void;
  onPointerLeave(): void;
  onFocus(): void;
  onBlur(event: FocusEvent<HTMLElement>): void;
}

/**
 * Pauses the undo windows while the pointer or focus is on the element offering Undo (WCAG
 * 2.2.1), as long as `offered`; they run on once both have left, when nothing is offered any
 * more, and when the element unmounts. Spread the props on that element.
 */
export function useUndoPause(offered: boolean): UndoAreaProps {
  const runtime = useConversationKit('useUndoPause');
  const [pointerOn, setPointerOn] = useState(false);
  const [focusOn, setFocusOn] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const paused = offered && (pointerOn || focusOn);

  useEffect(() => {
    if (!paused) return;
    runtime.pauseUndoWindows();
    return runtime.resumeUndoWindows;
  }, [paused, runtime]);

  // Focus can leave with no focusout: the focused button removed (Undo with its window, Dismiss).
  useIsomorphicLayoutEffect(() => {
    if (focusOn && !ref.current?.contains(document.activeElement)) setFocusOn(false);
  });

  // The pointer can leave with no pointerleave (the element moved from under a still pointer):
  // where it is is read again when Undo is offered.
  useIsomorphicLayoutEffect(() => {
    if (offered) setPointerOn(ref.current?.matches(':hover') ?? false);
  }, [offered]);

  return {
    ref,
    onPointerEnter: () => setPointerOn(true),
    onPointerLeave: () => setPointerOn(false),
    onFocus: () => setFocusOn(true),
    onBlur: (event) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusOn(false);
    },
  };
}
