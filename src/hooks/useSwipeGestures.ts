import { type RefObject, useEffect, useRef } from 'react';
import type { ConversationStore } from '../store/createConversationStore';

/** Movement below this many px does not decide between a swipe and a scroll yet. */
const AXIS_LOCK_SLOP = 8;
/** Release faster than this (px/ms) toward a side counts as a flick to that side. */
const FLICK_VELOCITY = 0.45;
/** Only movement this recent (ms) before release counts toward a flick. */
const FLICK_WINDOW_MS = 100;
/** Past this share of the row's width, a swipe asks to delete at once. */
const FULL_SWIPE_SHARE = 0.6;
export const LONG_PRESS_MS = 500;

export interface SwipeGestureOptions {
  gridRef: RefObject<HTMLElement | null>;
  store: ConversationStore;
  swipeEnabled: boolean;
  fullSwipeEnabled: boolean;
  longPressEnabled: boolean;
  /** A long press on a row: enter selection mode with that row selected. */
  onLongPress(conversationID: string): void;
  /** A full swipe: ask to delete the row now. */
  onFullSwipe(conversationID: string): void;
}

interface Gesture {
  pointerId: number;
  row: HTMLElement;
  conversationID: string;
  startX: number;
  startY: number;
  /** How far the row was already open when the gesture started, in px. */
  startReveal: number;
  axis: 'undecided' | 'horizontal' | 'vertical';
  /** +1 when moving the pointer toward the inline start reveals the action (LTR), -1 in RTL. */
  direction: 1 | -1;
  actionWidth: number;
  rowWidth: number;
  reveal: number;
  samples: Array<{ time: number; reveal: number }>;
  longPressTimer?: ReturnType<typeof setTimeout>;
}

function actionWidthOf(row: HTMLElement): number {
  // The cell `useConversationRow` marks as the row's actions, whatever markup the host gives it.
  const actions = row.querySelector<HTMLElement>('[data-row-actions]');
  return actions?.getBoundingClientRect().width || 88;
}

function setReveal(row: HTMLElement, reveal: number, direction: 1 | -1): void {
  row.style.setProperty('--ck-swipe-offset', `${-reveal * direction}px`);
}

/**
 * Swipe-to-delete and long press on the grid's rows, for touch, pen and mouse alike.
 * One set of pointer listeners on the grid serves every row. While a finger moves, the row is
 * moved through a CSS variable on its element: React renders nothing until the row settles
 * open or closed, which is the only moment the store changes.
 */
export function useSwipeGestures(options: SwipeGestureOptions): void {
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const grid = options.gridRef.current;
    if (!grid) return;
    let gesture: Gesture | null = null;
    /**
     * The pointer whose coming click a gesture has already answered: the release of a swipe or a
     * long press, or the tap that closed an open row. Whether that click comes depends on the
     * pointer: a mouse clicks on release, a finger that dragged or turned into a scroll does not.
     * So this covers no click but that pointer's, and a new press of any pointer forgets it.
     */
    let answeredClickOf: number | null = null;

    function clearLongPress(current: Gesture): void {
      clearTimeout(current.longPressTimer);
      current.longPressTimer = undefined;
    }

    /** The gesture of this pointer, ended (its long press too); `null` for any other pointer. */
    function endGesture(event: PointerEvent): Gesture | null {
      const current = gesture;
      if (!current || event.pointerId !== current.pointerId) return null;
      gesture = null;
      clearLongPress(current);
      return current;
    }

    function settle(current: Gesture, finalState: 'open' | 'closed'): void {
      current.row.style.removeProperty('--ck-swipe-offset');
      // Set directly as well: when the store does not change, React has no reason to re-render it.
      current.row.dataset.swipe = finalState;
      const state = latest.current.store.getState();
      if (finalState === 'open') state.openSwipe(current.conversationID);
      else if (state.openSwipeID === current.conversationID) state.closeSwipe();
    }

    function onPointerDown(event: PointerEvent): void {
      if (gesture || !event.isPrimary || event.button !== 0) return;
      const target = event.target as HTMLElement;
      const row = target.closest<HTMLElement>('[role="row"][data-id]');
      if (!row || !grid?.contains(row)) return;
      // Buttons and checkboxes keep their own pointer behaviour, except the row's Delete: it sits
      // on the part a swipe moves, so a drag from it moves the row. A press that does not move
      // still ends as its click.
      const control = target.closest('button, input, a, [data-no-swipe]');
      const startsOnDelete = control?.matches('[data-action="delete"]') ?? false;
      if (control && !startsOnDelete) return;
      const { store, longPressEnabled } = latest.current;
      const conversationID = row.dataset.id as string;
      const actionWidth = actionWidthOf(row);
      const reveal = store.getState().openSwipeID === conversationID ? actionWidth : 0;
      gesture = {
        pointerId: event.pointerId,
        row,
        conversationID,
        startX: event.clientX,
        startY: event.clientY,
        startReveal: reveal,
        axis: 'undecided',
        direction: getComputedStyle(row).direction === 'rtl' ? -1 : 1,
        actionWidth,
        rowWidth: row.getBoundingClientRect().width,
        reveal,
        samples: [{ time: event.timeStamp, reveal }],
      };
      // Holding Delete is still pressing Delete, not selecting the row.
      if (longPressEnabled && !startsOnDelete && !store.getState().selectionMode) {
        const current = gesture;
        current.longPressTimer = setTimeout(() => {
          current.longPressTimer = undefined;
          if (gesture !== current || current.axis !== 'undecided') return;
          // The press became a selection: its release must not also open the conversation.
          answeredClickOf = current.pointerId;
          gesture = null;
          latest.current.onLongPress(current.conversationID);
        }, LONG_PRESS_MS);
      }
    }

    function onPointerMove(event: PointerEvent): void {
      const current = gesture;
      if (!current || event.pointerId !== current.pointerId) return;
      const dx = event.clientX - current.startX;
      const dy = event.clientY - current.startY;
      if (current.axis === 'undecided') {
        if (Math.abs(dx) < AXIS_LOCK_SLOP && Math.abs(dy) < AXIS_LOCK_SLOP) return;
        clearLongPress(current);
        const { swipeEnabled, store } = latest.current;
        const horizontal = Math.abs(dx) > Math.abs(dy);
        if (!horizontal || !swipeEnabled || store.getState().selectionMode) {
          // Vertical first means scroll: this gesture is the browser's now.
          current.axis = 'vertical';
          gesture = null;
          return;
        }
        current.axis = 'horizontal';
        current.row.dataset.swipe = 'dragging';
        try {
          current.row.setPointerCapture(current.pointerId);
        } catch {
          // A pointer that is already gone cannot be captured; the gesture still works unless lost.
        }
        // Opening one row closes any other.
        if (store.getState().openSwipeID !== current.conversationID) store.getState().closeSwipe();
      }
      if (current.axis !== 'horizontal') return;
      event.preventDefault();
      const { fullSwipeEnabled } = latest.current;
      const wanted = current.startReveal - dx * current.direction;
      const limit = fullSwipeEnabled ? current.rowWidth : current.actionWidth * 1.25;
      current.reveal = Math.min(Math.max(wanted, 0), limit);
      current.samples.push({ time: event.timeStamp, reveal: current.reveal });
      if (current.samples.length > 6) current.samples.shift();
      setReveal(current.row, current.reveal, current.direction);
      const armed = fullSwipeEnabled && current.reveal > current.rowWidth * FULL_SWIPE_SHARE;
      if (armed) current.row.dataset.fullSwipe = '';
      else delete current.row.dataset.fullSwipe;
    }

    /** Speed of the last moments before release: a finger that stopped first did not flick. */
    function velocityAt(current: Gesture, releaseTime: number): number {
      // Samples are in time order: the first recent one starts the measured stretch.
      const first = current.samples.find((sample) => sample.time >= releaseTime - FLICK_WINDOW_MS);
      if (!first || releaseTime - first.time < 1) return 0;
      return (current.reveal - first.reveal) / (releaseTime - first.time);
    }

    function onPointerUp(event: PointerEvent): void {
      const current = endGesture(event);
      if (current?.axis !== 'horizontal') return;
      // The release ends the swipe; it is not also a click on the row or its Delete.
      answeredClickOf = current.pointerId;
      delete current.row.dataset.fullSwipe;
      const { fullSwipeEnabled } = latest.current;
      if (fullSwipeEnabled && current.reveal > current.rowWidth * FULL_SWIPE_SHARE) {
        settle(current, 'closed');
        latest.current.onFullSwipe(current.conversationID);
        return;
      }
      const velocity = velocityAt(current, event.timeStamp);
      const open =
        velocity > FLICK_VELOCITY ||
        (velocity >= -FLICK_VELOCITY && current.reveal > current.actionWidth / 2);
      settle(current, open ? 'open' : 'closed');
    }

    function onPointerCancel(event: PointerEvent): void {
      const current = endGesture(event);
      if (current?.axis === 'horizontal') {
        // Back to how the row was before this gesture began.
        settle(current, current.startReveal > 0 ? 'open' : 'closed');
      }
    }

    function onLostPointerCapture(event: PointerEvent): void {
      // Touch pointers start captured by the touched element; moving that capture to the row
      // fires this on the element. Only the row itself losing it ends the gesture.
      if (gesture && event.target === gesture.row) onPointerCancel(event);
    }

    function onClickCapture(event: MouseEvent): void {
      if (answeredClickOf === null) return;
      // A click names the pointer that made it (-1 for the keyboard). Where it does not (a plain
      // MouseEvent, or a pointerId left at 0 by engines and tools that do not track it), the
      // reset on every press alone keeps an answered click from outliving its gesture.
      const clickPointerId = (event as Partial<PointerEvent>).pointerId;
      const knowsItsPointer = clickPointerId !== undefined && clickPointerId !== 0;
      if (knowsItsPointer && clickPointerId !== answeredClickOf) return;
      answeredClickOf = null;
      event.stopPropagation();
      event.preventDefault();
    }

    function onScroll(): void {
      latest.current.store.getState().closeSwipe();
    }

    /** Any press: it forgets the last gesture's click, and one anywhere but on the open row closes it. */
    function onDocumentPointerDown(event: PointerEvent): void {
      // A new press comes after the click of the last one, if that made any: a click not seen by
      // now never comes. (Captured on the document, this runs before any handler of this press.)
      answeredClickOf = null;
      const state = latest.current.store.getState();
      const openID = state.openSwipeID;
      if (openID === null) return;
      const row = (event.target as HTMLElement | null)?.closest?.('[role="row"][data-id]');
      const rowOfGrid = row instanceof HTMLElement && grid?.contains(row);
      if (rowOfGrid && row.dataset.id === openID) return;
      state.closeSwipe();
      // The tap that puts the open row back is spent on that: it opens no other conversation.
      if (rowOfGrid) answeredClickOf = event.pointerId;
    }

    // One signal removes every listener on cleanup.
    const listening = new AbortController();
    const signal = listening.signal;
    grid.addEventListener('pointerdown', onPointerDown, { signal });
    // Non-passive so that a horizontal swipe can stop the page from scrolling sideways.
    grid.addEventListener('pointermove', onPointerMove, { passive: false, signal });
    grid.addEventListener('pointerup', onPointerUp, { signal });
    grid.addEventListener('pointercancel', onPointerCancel, { signal });
    grid.addEventListener('lostpointercapture', onLostPointerCapture, { signal });
    grid.addEventListener('click', onClickCapture, { capture: true, signal });
    grid.addEventListener('scroll', onScroll, { passive: true, signal });
    document.addEventListener('pointerdown', onDocumentPointerDown, { capture: true, signal });
    return () => {
      if (gesture) clearLongPress(gesture);
      listening.abort();
    };
  }, [options.gridRef]);
}
