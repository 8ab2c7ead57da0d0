import type { UseQueryResult } from '@tanstack/react-query';
import {
  type CSSProperties,
  type FocusEvent,
  type HTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type RefCallback,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useConversationKit } from '../context/ConversationKitContext';
import { useTranslator } from '../context/TranslatorContext';
import { scheduleTask } from '../core/scheduleTask';
import type { Conversation } from '../core/types';
import type { ConversationStore } from '../store/types';
import { useCallbackRef } from './useCallbackRef';
import { useControllableStoreState } from './useControllableStoreState';
import { useConversationStore } from './useConversationStore';
import { useConversations } from './useConversations';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect';
import { useRowWindow } from './useRowWindow';
import { useSwipeGestures } from './useSwipeGestures';

export interface ConversationGridOptions {
  /** A row was activated (click, tap or Enter) outside selection mode. */
  onConversationOpen?: (conversation: Conversation) => void;
  /**
   * Swiping a row toward the trailing edge reveals Delete.
   * @default true
   */
  swipeToDelete?: boolean;
  /**
   * Swiping past 60% of the row's width asks to delete at once.
   * @default true
   */
  fullSwipeToDelete?: boolean;
  /**
   * Offers selection mode (long press, Shift+Space, Shift+arrows, Ctrl/Cmd+A).
   * @default true
   */
  selectable?: boolean;
  /**
   * Whether "Also clear chat history" starts checked in the confirmation.
   * @default false
   */
  defaultClearHistory?: boolean;
  /**
   * Ask for confirmation before deleting; `false` only for hosts that confirm elsewhere.
   * @default true
   */
  confirm?: boolean;
  /** Height of every row in px. Default: the grid's `--ck-row-height`, else 72. */
  rowHeight?: number;
  /**
   * The selected conversations, when the host owns the selection (controlled). Pair it with
   * `onSelectionChange`: a click or key only asks for a change, shown once you pass it back.
   * IDs that are not in the list are left out. Default: the list keeps its own selection.
   */
  selectedIDs?: ReadonlySet<string>;
  /** The conversations selected when the grid mounts, if the host does not own the selection. Default none. */
  defaultSelectedIDs?: Iterable<string>;
  /**
   * Called with the new selection whenever it changes other than by `selectedIDs`: a click or key,
   * leaving selection mode, rows that left the list (deleted here or on another device). Not
   * called on mount.
   */
  onSelectionChange?: (selectedIDs: ReadonlySet<string>) => void;
  /** Whether the list is in selection mode, when the host owns it (controlled). Default: the list's own. */
  selectionMode?: boolean;
  /**
   * Whether the list starts in selection mode, if the host does not own it.
   * @default false
   */
  defaultSelectionMode?: boolean;
  /** Called when selection mode is entered or left other than by `selectionMode`. Not called on mount. */
  onSelectionModeChange?: (selectionMode: boolean) => void;
}

/** One row to render: the grid renders only the rows in view, and a few more. */
export interface ConversationGridRow {
  conversation: Conversation;
  /** Position in the whole list, from 0. */
  index: number;
  /** Offset from the top of the row group, in px. */
  start: number;
}

/** `data-*` attributes as props: React passes them to the element as they are. */
type DataAttributes = { [name: `data-${string}`]: string | boolean | undefined };

export interface ConversationGridAria {
  /**
   * For the grid element, which scrolls (give it a height and `overflow: auto`): role, name,
   * counts, its tab stop while the focused row is scrolled away, and the click, key and focus
   * handlers of the whole list. Swipes are heard on it too. Keep the element rendered for as long
   * as the grid is used, while loading included.
   */
  gridProps: HTMLAttributes<HTMLElement> & { ref: RefCallback<HTMLElement> };
  /** For the element inside the grid that holds the rows: as tall as every row together. */
  rowGroupProps: HTMLAttributes<HTMLElement>;
  /**
   * Optional, for an element around the grid and your own controls (a toolbar): Escape leaves
   * selection mode, Ctrl/Cmd+A selects every row and Ctrl/Cmd+Z undoes the latest deletion in its
   * undo window from there too. The grid hears them itself.
   */
  containerProps: HTMLAttributes<HTMLElement> & DataAttributes;
  /** The rows to render now, each with its position (for `useConversationRow`). */
  rows: ConversationGridRow[];
  /** Every conversation in the list, in list order. */
  conversations: Conversation[];
  /** The list's query (`useConversations()`): pending, error, `refetch`. */
  query: UseQueryResult<Conversation[]>;
  selectionMode: boolean;
  /** Moves focus to the row that holds the list's tab stop (scrolling to it), or to the empty grid. */
  focus(): void;
  /** Scrolls until the conversation's row is in view and in the DOM. Focus stays where it is. */
  scrollToConversation(conversationID: string): void;
  /** Asks to delete these conversations: the confirmation opens (or, with `confirm: false`, they go). */
  requestDeletion(conversationIDs: readonly string[]): void;
  /**
   * Puts focus back on the list once the next frame is painted, if it is still nowhere: give it
   * to `DeleteConversationDialog` as `onFallbackFocus`, for when the row that had focus was deleted.
   */
  restoreFocus(): void;
}

const DEFAULT_ROW_HEIGHT = 72;

/** Runs `callback` once the next frame is painted; at once where nothing paints. */
function afterNextPaint(callback: () => void): void {
  if (typeof requestAnimationFrame !== 'function') callback();
  else requestAnimationFrame(() => scheduleTask(callback));
}

function readRowHeight(element: HTMLElement): number {
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;height:var(--ck-row-height, 72px)';
  element.appendChild(probe);
  const height = probe.getBoundingClientRect().height;
  probe.remove();
  return height > 0 ? height : DEFAULT_ROW_HEIGHT;
}

function sameIDs(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/** `selectedIDs` / `selectionMode` and their defaults and callbacks, with the store as the one source. */
function useControllableSelection(
  store: ConversationStore,
  listLoaded: () => boolean,
  options: ConversationGridOptions,
) {
  useControllableStoreState({
    store,
    select: (state) => state.selectionMode,
    write: (selectionMode) => {
      const state = store.getState();
      if (selectionMode) state.enterSelectionMode();
      else state.exitSelectionMode();
    },
    prop: options.selectionMode,
    defaultProp: options.defaultSelectionMode,
    onChange: options.onSelectionModeChange,
  });
  useControllableStoreState({
    store,
    select: (state) => state.selectedIDs,
    write: (selectedIDs) => {
      // Before the list has loaded no ID is in it yet: every one is kept, and the list's first
      // sync leaves out those it does not hold.
      if (listLoaded()) store.getState().replaceSelection(selectedIDs);
      else store.setState({ selectedIDs: new Set(selectedIDs) });
    },
    prop: options.selectedIDs,
    defaultProp:
      options.defaultSelectedIDs === undefined ? undefined : new Set(options.defaultSelectedIDs),
    onChange: options.onSelectionChange,
    equals: sameIDs,
  });
}

/**
 * The behaviour of the conversation list as props to spread on your own markup (React Aria's
 * `useGridList`): a virtualized ARIA grid with roving focus (Up/Down/Home/End/PageUp/PageDown),
 * selection (click, Space, Shift ranges, Ctrl/Cmd+A, long press), swipe-to-delete, the Delete key,
 * Enter or a click to open, and Ctrl/Cmd+Z to undo a deletion in its undo window. Render the `rows` with `useConversationRow`, and a
 * `DeleteConversationDialog` for the confirmation. Must be inside `ConversationKitProvider`;
 * one grid per provider.
 */
export function useConversationGrid(options: ConversationGridOptions = {}): ConversationGridAria {
  const {
    onConversationOpen,
    swipeToDelete = true,
    fullSwipeToDelete = true,
    selectable = true,
    defaultClearHistory = false,
    confirm = true,
  } = options;
  const runtime = useConversationKit('useConversationGrid');
  const { store } = runtime;
  const { t } = useTranslator();
  const query = useConversations();
  const conversations = query.data ?? [];
  const selectionMode = useConversationStore((state) => state.selectionMode);
  const focusedID = useConversationStore((state) => state.focusedID);
  const gridRef = useRef<HTMLElement | null>(null);
  const [measuredRowHeight, setMeasuredRowHeight] = useState(DEFAULT_ROW_HEIGHT);
  const rowHeight = options.rowHeight ?? measuredRowHeight;
  const pendingFocusRef = useRef<string | null>(null);
  // Handlers read the list of the latest render, also from listeners added once.
  const conversationsRef = useRef(conversations);
  conversationsRef.current = conversations;

  const gridRefCallback = useCallback((element: HTMLElement | null) => {
    gridRef.current = element;
  }, []);

  useControllableSelection(
    store,
    () => runtime.queryClient.getQueryData(runtime.queryKey) !== undefined,
    options,
  );

  const givenRowHeight = options.rowHeight !== undefined;
  useIsomorphicLayoutEffect(() => {
    // The grid is rendered for as long as the hook is used: after mount the ref holds it.
    if (!givenRowHeight && gridRef.current) setMeasuredRowHeight(readRowHeight(gridRef.current));
  }, [givenRowHeight]);

  const rowWindow = useRowWindow({ count: conversations.length, rowHeight, scrollRef: gridRef });

  // The handlers below are plain functions: nothing memoized receives them (the swipe hook reads
  // the latest ones), so keeping their identity would buy nothing.
  function requestDeletion(conversationIDs: readonly string[]) {
    const asked = store.getState().requestDeletion(conversationIDs, {
      clearHistory: defaultClearHistory,
    });
    if (asked && !confirm) {
      runtime.confirmDeletion().catch(() => {
        // Refused before anything was sent: the runtime has announced it and told `onError`.
      });
    }
  }

  /** Focuses the row waiting for focus, if it is rendered yet. */
  function focusPendingRow() {
    const wanted = pendingFocusRef.current;
    const row =
      wanted === null
        ? null
        : gridRef.current?.querySelector<HTMLElement>(
            `[role="row"][data-id="${CSS.escape(wanted)}"]`,
          );
    if (row) {
      pendingFocusRef.current = null;
      row.focus({ preventScroll: true });
    }
  }

  function focusRow(conversationID: string) {
    const index = conversationsRef.current.findIndex(
      (item) => item.conversationID === conversationID,
    );
    if (index === -1) return;
    store.getState().setFocusedID(conversationID);
    pendingFocusRef.current = conversationID;
    rowWindow.scrollToIndex(index);
    focusPendingRow();
  }

  // A row asked to take focus may only be rendered after the list scrolled to it.
  useIsomorphicLayoutEffect(focusPendingRow);

  // Until a row is focused, the first row holds the list's tab stop.
  useEffect(() => {
    if (focusedID === null && conversations.length > 0) {
      store.getState().setFocusedID((conversations[0] as Conversation).conversationID);
    }
  }, [focusedID, conversations, store]);

  function onLongPress(conversationID: string) {
    const state = store.getState();
    state.enterSelectionMode();
    state.setSelected(conversationID, true);
    state.setFocusedID(conversationID);
  }

  useSwipeGestures({
    gridRef,
    store,
    swipeEnabled: swipeToDelete,
    fullSwipeEnabled: swipeToDelete && fullSwipeToDelete,
    longPressEnabled: selectable,
    onLongPress,
    onFullSwipe: (id) => requestDeletion([id]),
  });

  function onGridClick(event: MouseEvent<HTMLElement>) {
    const target = event.target as HTMLElement;
    const rowID = target.closest<HTMLElement>('[role="row"][data-id]')?.dataset.id;
    if (rowID === undefined) return;
    const conversation = conversationsRef.current.find((item) => item.conversationID === rowID);
    if (!conversation) return;
    const id = conversation.conversationID;
    const state = store.getState();
    state.setFocusedID(id);
    if (target.closest('[data-action="delete"]')) {
      requestDeletion([id]);
      return;
    }
    if (target.closest('input[type="checkbox"]')) return;
    if (state.selectionMode) {
      if (event.shiftKey) state.selectRange(id);
      else state.toggle(id);
      return;
    }
    if (state.openSwipeID !== null) {
      // The first tap after a swipe puts the row back rather than opening something.
      state.closeSwipe();
      return;
    }
    onConversationOpen?.(conversation);
  }

  function moveFocus(from: number, to: number, extendSelection: boolean) {
    const list = conversationsRef.current;
    if (list.length === 0) return;
    const index = Math.min(Math.max(to, 0), list.length - 1);
    const target = list[index] as Conversation;
    if (extendSelection && selectable) {
      // The state's actions stay the same; only its values are read again after a change.
      const state = store.getState();
      if (!state.selectionMode) state.enterSelectionMode();
      const origin = list[from];
      if (store.getState().anchorID === null && origin) {
        state.setSelected(origin.conversationID, true);
      }
      state.selectRange(target.conversationID);
    }
    focusRow(target.conversationID);
  }

  /**
   * Keys that mean the same wherever focus is in the list, a toolbar included: right after
   * pressing Select, focus sits on Done, and Ctrl/Cmd+A must still select every row; Ctrl/Cmd+Z
   * undoes the latest deletion in its undo window. Returns whether it handled the key.
   */
  function handleListKey(event: KeyboardEvent<HTMLElement>): boolean {
    const target = event.target as HTMLElement;
    // The dialog handles its own keys (Escape cancels it); text fields keep select-all.
    if (target.closest('dialog, input:not([type="checkbox"]), textarea, [contenteditable]')) {
      return false;
    }
    const state = store.getState();
    if (event.key === 'Escape') {
      if (!state.selectionMode) return false;
      state.exitSelectionMode();
    } else if ((event.key === 'a' || event.key === 'A') && (event.ctrlKey || event.metaKey)) {
      if (!selectable) return false;
      if (!state.selectionMode) state.enterSelectionMode();
      state.selectAll();
    } else if (
      (event.key === 'z' || event.key === 'Z') &&
      (event.ctrlKey || event.metaKey) &&
      !event.shiftKey &&
      !event.altKey
    ) {
      // Takes back the most recent deletion still in its undo window; with none, the key is left
      // to the page (Shift makes it redo, which the list has nothing for).
      if (!runtime.undo()) return false;
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  function onContainerKeyDown(event: KeyboardEvent<HTMLElement>) {
    // The grid handled it already on the way up (a key it knows, or a list key from inside it).
    if (event.defaultPrevented) return;
    handleListKey(event);
  }

  /** Whether the grid handled the key itself (and the event should go no further). */
  function handleGridKey(event: KeyboardEvent<HTMLElement>): boolean {
    const list = conversationsRef.current;
    const state = store.getState();
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[role="row"][data-id]');
    const onRow = target === row;
    const currentID = row?.dataset.id ?? state.focusedID;
    const index = currentID ? list.findIndex((item) => item.conversationID === currentID) : -1;
    // The handler sits on the grid: `currentTarget` is the grid element.
    const grid = event.currentTarget;
    const pageSize = Math.max(1, Math.floor(grid.clientHeight / rowHeight) - 1);

    switch (event.key) {
      case 'ArrowDown':
        moveFocus(index, index + 1, event.shiftKey);
        return true;
      case 'ArrowUp':
        moveFocus(index, index - 1, event.shiftKey);
        return true;
      case 'Home':
        moveFocus(index, 0, event.shiftKey);
        return true;
      case 'End':
        moveFocus(index, list.length - 1, event.shiftKey);
        return true;
      case 'PageDown':
        moveFocus(index, index + pageSize, event.shiftKey);
        return true;
      case 'PageUp':
        moveFocus(index, index - pageSize, event.shiftKey);
        return true;
      case 'ArrowRight':
      case 'ArrowLeft': {
        // Toward the trailing edge reaches the row's Delete action; back returns to the row.
        const towardTrailing =
          (event.key === 'ArrowRight') !== (getComputedStyle(grid).direction === 'rtl');
        if (towardTrailing && onRow) {
          row.querySelector<HTMLElement>('[data-action="delete"]')?.focus();
          return true;
        }
        if (!towardTrailing && row && !onRow) {
          row.focus();
          return true;
        }
        return false;
      }
      case ' ':
        if (!onRow || !currentID) return false;
        if (state.selectionMode) {
          if (event.shiftKey) state.selectRange(currentID);
          else state.toggle(currentID);
          return true;
        }
        if (event.shiftKey && selectable) {
          onLongPress(currentID);
          return true;
        }
        return false;
      case 'Enter': {
        if (!onRow || !currentID) return false;
        if (state.selectionMode) {
          state.toggle(currentID);
        } else {
          const conversation = list[index];
          if (conversation) onConversationOpen?.(conversation);
        }
        return true;
      }
      case 'Delete':
      case 'Backspace':
        if (target.closest('input:not([type="checkbox"])')) return false;
        if (state.selectionMode) {
          if (state.selectedIDs.size === 0) return false;
          requestDeletion([...state.selectedIDs]);
        } else if (currentID) {
          requestDeletion([currentID]);
        }
        return true;
      case 'Escape':
        // An open swipe closes first; the next Escape leaves selection mode (a list key).
        if (state.openSwipeID === null) return false;
        state.closeSwipe();
        return true;
      default:
        return false;
    }
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (handleGridKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    // Escape, Ctrl/Cmd+A and Ctrl/Cmd+Z work from inside the grid also where nothing spreads
    // containerProps.
    // The event goes on up, as any key the grid leaves to the page.
    handleListKey(event);
  }

  // When the focused row is scrolled out of the DOM, the grid itself keeps the tab stop and
  // hands focus back to that row.
  const rows: ConversationGridRow[] = rowWindow.items.map((item) => ({
    conversation: conversations[item.index] as Conversation,
    index: item.index,
    start: item.start,
  }));
  const focusedRowRendered =
    focusedID !== null && rows.some((row) => row.conversation.conversationID === focusedID);

  /**
   * Focuses the row that holds the list's tab stop (the first row until one is focused), scrolling
   * to it; with no rows, the grid itself.
   */
  function focusTabStop() {
    const id = store.getState().focusedID ?? conversationsRef.current[0]?.conversationID;
    if (id) focusRow(id);
    else gridRef.current?.focus();
  }

  function onGridFocus(event: FocusEvent<HTMLElement>) {
    // Focus that lands on the grid itself (its tab stop) goes on to the row.
    if (event.target === gridRef.current) focusTabStop();
  }

  const focus = useCallbackRef(focusTabStop);

  const scrollToConversation = useCallbackRef((conversationID: string) => {
    const index = conversationsRef.current.findIndex(
      (item) => item.conversationID === conversationID,
    );
    if (index !== -1) rowWindow.scrollToIndex(index);
  });

  // Called when the dialog closes and what had focus before it is gone: after a deletion, the
  // rows that moved up are new to the page. Focusing one at once forced a layout of the page and
  // a second render (the new tab stop) ahead of the frame that shows the shorter list; moved
  // after that frame, focus costs that frame nothing. Meanwhile focus rests on the page, as it
  // does whenever a focused element goes.
  const restoreFocus = useCallbackRef(() => {
    afterNextPaint(() => {
      const grid = gridRef.current;
      const active = document.activeElement;
      // Focus was put somewhere meanwhile, or the list is gone: leave it be.
      if (!grid?.isConnected || (active !== null && active !== document.body)) return;
      focusTabStop();
    });
  });

  const rowGroupStyle: CSSProperties = { height: rowWindow.totalSize };
  return {
    gridProps: {
      ref: gridRefCallback,
      role: 'grid',
      'aria-label': t('conversations'),
      'aria-rowcount': conversations.length,
      'aria-colcount': 2,
      'aria-multiselectable': selectionMode || undefined,
      'aria-busy': query.isPending || undefined,
      tabIndex: focusedRowRendered || conversations.length === 0 ? -1 : 0,
      onClick: onGridClick,
      onKeyDown: onGridKeyDown,
      onFocus: onGridFocus,
    },
    rowGroupProps: { role: 'rowgroup', style: rowGroupStyle },
    containerProps: {
      'data-selection-mode': selectionMode || undefined,
      onKeyDown: onContainerKeyDown,
    },
    rows,
    conversations,
    query,
    selectionMode,
    focus,
    scrollToConversation,
    requestDeletion,
    restoreFocus,
  };
}
