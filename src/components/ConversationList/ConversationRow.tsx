import { type CSSProperties, memo, type ReactNode } from 'react';
import { useTranslator } from '../../context/TranslatorContext';
import type { Conversation } from '../../core/types';
import { useConversationStore } from '../../hooks/useConversationStore';
import { useDeletionState } from '../../hooks/useDeletionState';
import { ConversationAvatar } from './ConversationAvatar';

/** What `renderConversation` gets to draw a row's content. */
export interface ConversationRenderState {
  selected: boolean;
  /** Awaiting confirmation or being deleted. */
  pending: boolean;
}

export interface ConversationRowProps {
  conversation: Conversation;
  index: number;
  /** Offset from the top of the list, in px (virtualized position). */
  start: number;
  selectionMode: boolean;
  /** The conversation the host shows right now (e.g. in a side pane). */
  active: boolean;
  /** The time rows count back from, shared so that all rows agree. */
  now: number;
  idPrefix: string;
  renderConversation?: (conversation: Conversation, state: ConversationRenderState) => ReactNode;
}

/** Memoized: selecting, focusing or swiping a row changes nothing it shows. */
const DefaultConversationContent = memo(function DefaultConversationContent(props: {
  conversation: Conversation;
  now: number;
  labelID: string;
}) {
  const { conversation, now, labelID } = props;
  const { t, formatTime } = useTranslator();
  const { lastMessage, unreadCount, isPinned } = conversation;
  return (
    <>
      <ConversationAvatar conversation={conversation} />
      <span className="ck-row-text">
        <span className="ck-row-heading">
          <span className="ck-row-name" id={`${labelID}-name`} dir="auto">
            {conversation.displayName}
          </span>
          {lastMessage && (
            <time
              className="ck-row-time"
              id={`${labelID}-time`}
              dir="auto"
              dateTime={new Date(lastMessage.timestamp).toISOString()}
            >
              {formatTime(lastMessage.timestamp, now)}
            </time>
          )}
        </span>
        <span className="ck-row-detail">
          <span className="ck-row-preview" id={`${labelID}-preview`} dir="auto">
            {lastMessage?.text ?? ''}
          </span>
          {isPinned && (
            // The pin is drawn by the stylesheet (a mask), not an inline SVG: fewer nodes per row.
            <span
              className="ck-row-pinned"
              id={`${labelID}-pinned`}
              role="img"
              aria-label={t('pinned')}
            />
          )}
          {unreadCount > 0 && (
            <span className="ck-row-unread" id={`${labelID}-unread`}>
              <span aria-hidden="true">{unreadCount > 99 ? '99+' : unreadCount}</span>
              <span className="ck-visually-hidden">{t('unreadCount', { count: unreadCount })}</span>
            </span>
          )}
        </span>
      </span>
    </>
  );
});

function labelledByOf(conversation: Conversation, labelID: string): string {
  const parts = [`${labelID}-name`];
  if (conversation.lastMessage) parts.push(`${labelID}-preview`, `${labelID}-time`);
  if (conversation.isPinned) parts.push(`${labelID}-pinned`);
  if (conversation.unreadCount > 0) parts.push(`${labelID}-unread`);
  return parts.join(' ');
}

/**
 * One row of the grid. It subscribes to its own slice of the store, so toggling one selection
 * re-renders that row alone; swipe movement never renders it (the gesture writes to the DOM).
 */
export const ConversationRow = memo(function ConversationRow(props: ConversationRowProps) {
  const { conversation, index, start, selectionMode, active, now, idPrefix, renderConversation } =
    props;
  const id = conversation.conversationID;
  const { t } = useTranslator();
  const selected = useConversationStore((state) => state.selectedIDs.has(id));
  const focused = useConversationStore((state) => state.focusedID === id);
  const swipeOpen = useConversationStore((state) => state.openSwipeID === id);
  const beingDeleted = useDeletionState((state) => state.inFlightIDs.has(id));
  const awaitingConfirmation = useConversationStore(
    (state) => state.pendingDeletion?.conversationIDs.includes(id) ?? false,
  );
  const pending = beingDeleted || awaitingConfirmation;
  const toggle = useConversationStore((state) => state.toggle);
  const labelID = `${idPrefix}-${index}`;
  const style: CSSProperties = { transform: `translateY(${start}px)` };

  return (
    // biome-ignore lint/a11y/useSemanticElements: rows of a virtualized ARIA grid; a <tr> cannot be placed absolutely
    <div
      role="row"
      className="ck-row"
      aria-rowindex={index + 1}
      aria-selected={selectionMode ? selected : undefined}
      aria-current={active || undefined}
      aria-busy={pending || undefined}
      aria-label={renderConversation ? conversation.displayName : undefined}
      aria-labelledby={renderConversation ? undefined : labelledByOf(conversation, labelID)}
      data-id={id}
      data-selected={selected || undefined}
      data-active={active || undefined}
      data-pending={pending || undefined}
      data-swipe={swipeOpen ? 'open' : 'closed'}
      data-unread={conversation.unreadCount > 0 || undefined}
      data-pinned={conversation.isPinned || undefined}
      tabIndex={focused ? 0 : -1}
      style={style}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: see the row */}
      {/* biome-ignore lint/a11y/useFocusableInteractive: the row takes focus (APG grid, row focus); its cells hold the focusable controls */}
      <div role="gridcell" className="ck-row-main">
        {selectionMode && (
          <input
            type="checkbox"
            className="ck-checkbox"
            aria-label={t('selectConversation', { name: conversation.displayName })}
            checked={selected}
            onChange={() => toggle(id)}
            tabIndex={-1}
          />
        )}
        {renderConversation ? (
          renderConversation(conversation, { selected, pending })
        ) : (
          <DefaultConversationContent conversation={conversation} now={now} labelID={labelID} />
        )}
      </div>
      {!selectionMode && (
        // biome-ignore lint/a11y/useSemanticElements: see the row
        // biome-ignore lint/a11y/useFocusableInteractive: its Delete button is the focusable part
        <div role="gridcell" className="ck-row-actions">
          <button
            type="button"
            className="ck-row-delete"
            data-action="delete"
            aria-label={t('deleteConversation', { name: conversation.displayName })}
            tabIndex={focused ? 0 : -1}
          >
            <span className="ck-row-delete-label">{t('delete')}</span>
          </button>
        </div>
      )}
    </div>
  );
});
