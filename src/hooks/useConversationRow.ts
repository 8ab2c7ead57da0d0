import type {
  ButtonHTMLAttributes,
  CSSProperties,
  HTMLAttributes,
  InputHTMLAttributes,
} from 'react';
import { useConversationKit } from '../context/ConversationKitContext';
import { useTranslator } from '../context/TranslatorContext';
import type { Conversation } from '../core/types';
import { useConversationStore } from './useConversationStore';
import { useDeletionState } from './useDeletionState';

/** A row's state: what `renderConversation` draws with, and what `useConversationRow` returns. */
export interface ConversationRenderState {
  /**
   * In the selection. The kit keeps the selection empty outside selection mode, except when a
   * host passes `selectedIDs` or `defaultSelectedIDs` without `selectionMode`: pass both.
   */
  selected: boolean;
  /** Awaiting confirmation or being deleted. */
  pending: boolean;
  /**
   * The row holds the list's tab stop (roving focus): it has keyboard focus, or gets it when focus
   * comes back to the list. Exactly one row holds it.
   */
  focused: boolean;
  /** The conversation the host shows now (`activeConversationID`). */
  active: boolean;
  /** The list is in selection mode: the row shows a checkbox and no Delete action. */
  selectionMode: boolean;
}

export interface ConversationRowOptions {
  conversation: Conversation;
  /** The row's position in the whole list, from 0 (`useConversationGrid().rows`). */
  index: number;
  /**
   * The row's offset from the top of the list in px (`useConversationGrid().rows`). Given, the
   * row is moved there with `transform: translateY(…)`, for rows placed absolutely at the top of
   * the row group; left out, the row is placed by your own styles.
   */
  start?: number;
  /** The conversation the host shows now. Default false. */
  active?: boolean;
  /**
   * IDs of the elements that name the row (its name first). Default: the row is named after the
   * conversation's display name (`aria-label`).
   */
  'aria-labelledby'?: string;
}

/** `data-*` attributes as props: React passes them to the element as they are. */
type DataAttributes = { [name: `data-${string}`]: string | boolean | undefined };

export interface ConversationRowAria {
  /**
   * For the row element: role, `aria-rowindex`, `aria-selected` (in selection mode),
   * `aria-current`, `aria-busy`, its name, its tab stop, and the state as `data-*` attributes
   * (`data-id`, `data-selected`, `data-active`, `data-pending`, `data-swipe="closed|open"`, set to
   * `dragging` while a finger moves it, `data-unread`, `data-pinned`). While a swipe moves the row,
   * its element carries `--ck-swipe-offset` (px): translate the row's content by it.
   */
  rowProps: HTMLAttributes<HTMLElement> & DataAttributes;
  /** For the cell that holds the checkbox and the content. */
  cellProps: HTMLAttributes<HTMLElement>;
  /**
   * For the cell that holds the Delete button, under the content, revealed by a swipe. Render it
   * only outside selection mode (`state.selectionMode`). Its width is how far a swipe opens.
   */
  actionsCellProps: HTMLAttributes<HTMLElement> & DataAttributes;
  /** For the row's `<input>` in selection mode, named "Select <name>". */
  checkboxProps: InputHTMLAttributes<HTMLInputElement>;
  /**
   * For the row's Delete `<button>`, named "Delete <name>": the grid answers its click with the
   * confirmation. Put your own text ("Delete") inside it.
   */
  deleteButtonProps: ButtonHTMLAttributes<HTMLButtonElement> & DataAttributes;
  state: ConversationRenderState;
}

/**
 * The behaviour of one row of a `useConversationGrid` grid, as props to spread on your own
 * markup (React Aria's `useGridListItem`): its role and state, its tab stop, its checkbox and its
 * Delete button. Clicks, keys and swipes are handled by the grid, which finds the row by
 * `data-id`. The row re-renders only when its own state changes, never while a swipe moves it.
 */
export function useConversationRow(options: ConversationRowOptions): ConversationRowAria {
  const { conversation, index, start, active = false } = options;
  const id = conversation.conversationID;
  const { store } = useConversationKit('useConversationRow');
  const { t } = useTranslator();
  const selectionMode = useConversationStore((state) => state.selectionMode);
  const selected = useConversationStore((state) => state.selectedIDs.has(id));
  const focused = useConversationStore((state) => state.focusedID === id);
  const swipeOpen = useConversationStore((state) => state.openSwipeID === id);
  const beingDeleted = useDeletionState((state) => state.inFlightIDs.has(id));
  const awaitingConfirmation = useConversationStore(
    (state) => state.pendingDeletion?.conversationIDs.includes(id) ?? false,
  );
  const pending = beingDeleted || awaitingConfirmation;
  const labelledBy = options['aria-labelledby'];
  const style: CSSProperties | undefined =
    start === undefined ? undefined : { transform: `translateY(${start}px)` };

  return {
    rowProps: {
      role: 'row',
      'aria-rowindex': index + 1,
      'aria-selected': selectionMode ? selected : undefined,
      'aria-current': active || undefined,
      'aria-busy': pending || undefined,
      'aria-label': labelledBy ? undefined : conversation.displayName,
      'aria-labelledby': labelledBy,
      'data-id': id,
      'data-selected': selected || undefined,
      'data-active': active || undefined,
      'data-pending': pending || undefined,
      'data-swipe': swipeOpen ? 'open' : 'closed',
      'data-unread': conversation.unreadCount > 0 || undefined,
      'data-pinned': conversation.isPinned || undefined,
      tabIndex: focused ? 0 : -1,
      style,
    },
    cellProps: { role: 'gridcell' },
    actionsCellProps: { role: 'gridcell', 'data-row-actions': '' },
    checkboxProps: {
      type: 'checkbox',
      'aria-label': t('selectConversation', { name: conversation.displayName }),
      checked: selected,
      onChange: () => store.getState().toggle(id),
      // The row is the tab stop; Space on it toggles the checkbox.
      tabIndex: -1,
    },
    deleteButtonProps: {
      type: 'button',
      'data-action': 'delete',
      'aria-label': t('deleteConversation', { name: conversation.displayName }),
      // Reachable with Tab from its row (and ArrowRight/Left), like the row's own tab stop.
      tabIndex: focused ? 0 : -1,
    },
    state: { selected, pending, focused, active, selectionMode },
  };
}
