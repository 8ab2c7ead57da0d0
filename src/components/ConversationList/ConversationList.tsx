import {
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useConversationKit } from '../../context/ConversationKitContext';
import { useTranslator } from '../../context/TranslatorContext';
import { scheduleTask } from '../../core/scheduleTask';
import type { Conversation, DeletionOrigin } from '../../core/types';
import { useConversationEvents } from '../../hooks/useConversationEvents';
import { useConversationStore } from '../../hooks/useConversationStore';
import { useConversations } from '../../hooks/useConversations';
import { useDeletionState } from '../../hooks/useDeletionState';
import { DeleteConversationDialog } from '../DeleteConversationDialog/DeleteConversationDialog';
import { type ConversationRenderState, ConversationRow } from './ConversationRow';
import { DeletionStatus } from './DeletionStatus';
import { SelectionToolbar } from './SelectionToolbar';
import { useRowWindow } from './useRowWindow';
import { useSwipeGestures } from './useSwipeGestures';

export interface ConversationListProps {
  /** A row was activated (click, tap or Enter) outside selection mode. */
  onConversationOpen?: (conversation: Conversation) => void;
  /** Called once per deletion, made here or on another device. */
  onConversationsDeleted?: (conversationIDs: string[], info: { origin: DeletionOrigin }) => void;
  /** Swiping a row toward the trailing edge reveals Delete. Default true. */
  swipeToDelete?: boolean;
  /** Swiping past 60% of the row's width asks to delete at once. Default true. */
  fullSwipeToDelete?: boolean;
  /** Offers selection mode (Select button, long press, checkboxes). Default true. */
  selectable?: boolean;
  /** Whether "Also clear chat history" starts checked. Default false. */
  defaultClearHistory?: boolean;
  /** Ask for confirmation before deleting. Default true; `false` only for hosts that confirm elsewhere. */
  confirm?: boolean;
  /**
   * Render the confirmation dialog inside the list. Default true; `false` when the host renders
   * `<DeleteConversationDialog />` itself elsewhere in the provider (e.g. outside a pane that can
   * be hidden on narrow screens). Requests still wait for that dialog.
   */
  renderDialog?: boolean;
  /** The conversation the host shows now: its row is marked (`aria-current`, `data-active`). */
  activeConversationID?: string | null;
  /** Draws a row's content instead of the default avatar, name, preview, time and badges. */
  renderConversation?: (conversation: Conversation, state: ConversationRenderState) => ReactNode;
  className?: string;
  style?: CSSProperties;
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

/**
 * The conversation list: a virtualized, accessible grid with swipe-to-delete, selection mode,
 * keyboard navigation, and the confirmation dialog. Must be inside `ConversationKitProvider`.
 */
export function ConversationList(props: ConversationListProps) {
  const {
    onConversationOpen,
    onConversationsDeleted,
    swipeToDelete = true,
    fullSwipeToDelete = true,
    selectable = true,
    defaultClearHistory = false,
    confirm = true,
    renderDialog = true,
    renderConversation,
    activeConversationID,
    className,
    style,
  } = props;
  const runtime = useConversationKit('ConversationList');
  const { store } = runtime;
  const { t } = useTranslator();
  const query = useConversations();
  const conversations = query.data ?? [];
  const selectionMode = useConversationStore((state) => state.selectionMode);
  // While rows are on their way out, an empty list is not yet "no conversations".
  const deleting = useDeletionState((state) => state.inFlightIDs.size > 0);
  const idPrefix = useId();
  const gridRef = useRef<HTMLDivElement>(null);
  const [rowHeight, setRowHeight] = useState(DEFAULT_ROW_HEIGHT);
  const [now, setNow] = useState(() => Date.now());
  const pendingFocusRef = useRef<string | null>(null);
  const conversationsRef = useRef(conversations);
  conversationsRef.current = conversations;

  useLayoutEffect(() => {
    // The grid is always rendered: after mount the ref holds it.
    setRowHeight(readRowHeight(gridRef.current as HTMLDivElement));
  }, []);

  useEffect(() => {
    // Relative times ("5 min ago") move on by themselves.
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  // useConversationEvents always calls the handler of the latest render: no ref needed here.
  useConversationEvents((event) => {
    if (event.type === 'conversationsDeleted') {
      onConversationsDeleted?.(event.conversationIDs, { origin: event.origin });
    }
  });

  const rowWindow = useRowWindow({ count: conversations.length, rowHeight, scrollRef: gridRef });

  // The handlers below are plain functions: nothing memoized receives them (the swipe hook and
  // the dialog read the latest ones), so keeping their identity would buy nothing.
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
  useLayoutEffect(focusPendingRow);

  // Until a row is focused, the first row holds the list's tab stop.
  const focusedID = useConversationStore((state) => state.focusedID);
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

  function onGridClick(event: MouseEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    const rowID = target.closest<HTMLElement>('[role="row"][data-id]')?.dataset.id;
    // No conversation has an undefined ID: a click outside the rows finds none.
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
      if (store.getState().anchorID === null && origin)
        state.setSelected(origin.conversationID, true);
      state.selectRange(target.conversationID);
    }
    focusRow(target.conversationID);
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
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
        break;
      case 'ArrowUp':
        moveFocus(index, index - 1, event.shiftKey);
        break;
      case 'Home':
        moveFocus(index, 0, event.shiftKey);
        break;
      case 'End':
        moveFocus(index, list.length - 1, event.shiftKey);
        break;
      case 'PageDown':
        moveFocus(index, index + pageSize, event.shiftKey);
        break;
      case 'PageUp':
        moveFocus(index, index - pageSize, event.shiftKey);
        break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        // Toward the trailing edge reaches the row's Delete action; back returns to the row.
        const towardTrailing =
          (event.key === 'ArrowRight') !== (getComputedStyle(grid).direction === 'rtl');
        if (towardTrailing && onRow) {
          row.querySelector<HTMLElement>('[data-action="delete"]')?.focus();
        } else if (!towardTrailing && row && !onRow) {
          row.focus();
        } else {
          return;
        }
        break;
      }
      case ' ':
        if (!onRow || !currentID) return;
        if (state.selectionMode) {
          if (event.shiftKey) state.selectRange(currentID);
          else state.toggle(currentID);
        } else if (event.shiftKey && selectable) {
          onLongPress(currentID);
        } else {
          return;
        }
        break;
      case 'Enter': {
        if (!onRow || !currentID) return;
        if (state.selectionMode) state.toggle(currentID);
        else {
          const conversation = list[index];
          if (conversation) onConversationOpen?.(conversation);
        }
        break;
      }
      case 'Delete':
      case 'Backspace':
        if (target.closest('input:not([type="checkbox"])')) return;
        if (state.selectionMode) {
          if (state.selectedIDs.size === 0) return;
          requestDeletion([...state.selectedIDs]);
        } else if (currentID) {
          requestDeletion([currentID]);
        }
        break;
      case 'Escape':
        if (state.openSwipeID === null) return;
        state.closeSwipe();
        break;
      default:
        // Ctrl/Cmd+A and leaving selection mode are the whole list's keys (onListKeyDown).
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  /**
   * Keys that mean the same wherever focus is in the list, the toolbar included: right after
   * pressing Select, focus sits on Done, and Ctrl/Cmd+A must still select every row.
   */
  function onListKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    // The dialog handles its own keys (Escape cancels it); text fields keep select-all.
    if (target.closest('dialog, input:not([type="checkbox"]), textarea, [contenteditable]')) return;
    const state = store.getState();
    if (event.key === 'Escape') {
      if (!state.selectionMode) return;
      state.exitSelectionMode();
    } else if ((event.key === 'a' || event.key === 'A') && (event.ctrlKey || event.metaKey)) {
      if (!selectable) return;
      if (!state.selectionMode) state.enterSelectionMode();
      state.selectAll();
    } else {
      return;
    }
    event.preventDefault();
  }

  // When the focused row is scrolled out of the DOM, the grid itself keeps the tab stop and
  // hands focus back to that row.
  const virtualItems = rowWindow.items;
  const focusedRowRendered =
    focusedID !== null &&
    virtualItems.some((item) => conversations[item.index]?.conversationID === focusedID);
  function onGridFocus(event: FocusEvent<HTMLDivElement>) {
    if (event.target !== gridRef.current) return;
    const id = store.getState().focusedID ?? conversationsRef.current[0]?.conversationID;
    if (id) focusRow(id);
  }

  // Called when the dialog closes and what had focus before it is gone: after a deletion, the
  // rows that moved up are new to the page. Focusing one at once forced a layout of the page and
  // a second render (the new tab stop) ahead of the frame that shows the shorter list; moved
  // after that frame, focus costs that frame nothing. Meanwhile focus rests on the page, as it
  // does whenever a focused element goes.
  function restoreListFocus() {
    afterNextPaint(() => {
      const grid = gridRef.current;
      const active = document.activeElement;
      // Focus was put somewhere meanwhile, or the list is gone: leave it be.
      if (!grid?.isConnected || (active !== null && active !== document.body)) return;
      const id = store.getState().focusedID;
      if (id) focusRow(id);
      else grid.focus();
    });
  }

  const rows = virtualItems.map((item) => {
    const conversation = conversations[item.index] as Conversation;
    return (
      <ConversationRow
        key={conversation.conversationID}
        conversation={conversation}
        index={item.index}
        start={item.start}
        selectionMode={selectionMode}
        active={conversation.conversationID === activeConversationID}
        now={now}
        idPrefix={idPrefix}
        renderConversation={renderConversation}
      />
    );
  });

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: it only hears keys pressed on the controls inside it (toolbar, grid); it takes no focus itself
    <div
      className={className ? `ck-root ck-list ${className}` : 'ck-root ck-list'}
      style={style}
      data-selection-mode={selectionMode || undefined}
      data-state={query.isPending ? 'loading' : query.isError ? 'error' : 'ready'}
      onKeyDown={onListKeyDown}
    >
      <SelectionToolbar
        selectable={selectable}
        total={conversations.length}
        onDeleteSelected={() => requestDeletion([...store.getState().selectedIDs])}
      />
      {/* biome-ignore lint/a11y/useSemanticElements: a virtualized grid of absolutely placed rows cannot be a <table> */}
      <div
        ref={gridRef}
        role="grid"
        className="ck-grid"
        aria-label={t('conversations')}
        aria-rowcount={conversations.length}
        aria-colcount={2}
        aria-multiselectable={selectionMode || undefined}
        aria-busy={query.isPending || undefined}
        tabIndex={focusedRowRendered || conversations.length === 0 ? -1 : 0}
        onClick={onGridClick}
        onKeyDown={onGridKeyDown}
        onFocus={onGridFocus}
      >
        {/* biome-ignore lint/a11y/useSemanticElements: see the grid */}
        <div role="rowgroup" className="ck-rows" style={{ height: rowWindow.totalSize }}>
          {rows}
        </div>
      </div>
      {query.isPending && <p className="ck-placeholder">{t('loading')}</p>}
      {query.isError && (
        <div className="ck-placeholder" role="alert">
          <p>{t('loadFailed')}</p>
          <button type="button" className="ck-button" onClick={() => query.refetch()}>
            {t('retryLoading')}
          </button>
        </div>
      )}
      {query.isSuccess && conversations.length === 0 && !deleting && (
        <p className="ck-placeholder">{t('empty')}</p>
      )}
      <DeletionStatus
        conversations={conversations}
        maxBatchSize={runtime.adapter.capabilities.maxBatchSize}
      />
      {confirm && renderDialog && <DeleteConversationDialog onFallbackFocus={restoreListFocus} />}
    </div>
  );
}
