import { memo, type ReactNode } from 'react';
import { useTranslator } from '../../context/TranslatorContext';
import type { Conversation } from '../../core/types';
import { type ConversationRenderState, useConversationRow } from '../../hooks/useConversationRow';
import { ConversationAvatar } from './ConversationAvatar';

// The row's state is the behaviour hook's; the list's render prop draws with it.
export type { ConversationRenderState } from '../../hooks/useConversationRow';

export interface ConversationRowProps {
  conversation: Conversation;
  index: number;
  /** Offset from the top of the list, in px (virtualized position). */
  start: number;
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
 * One row of the grid: the markup of `useConversationRow`'s props. It subscribes to its own slice
 * of the store, so toggling one selection re-renders that row alone; swipe movement never renders
 * it (the gesture writes to the DOM).
 */
export const ConversationRow = memo(function ConversationRow(props: ConversationRowProps) {
  const { conversation, index, start, active, now, idPrefix, renderConversation } = props;
  const { t } = useTranslator();
  const labelID = `${idPrefix}-${index}`;
  const { rowProps, cellProps, actionsCellProps, checkboxProps, deleteButtonProps, state } =
    useConversationRow({
      conversation,
      index,
      start,
      active,
      // Custom content is named after the conversation; the default names its parts.
      'aria-labelledby': renderConversation ? undefined : labelledByOf(conversation, labelID),
    });

  // A virtualized ARIA grid's row and cells are divs (a <tr> cannot be placed absolutely); the
  // row takes focus (APG grid, row focus), its cells hold the focusable controls.
  return (
    <div className="ck-row" {...rowProps}>
      <div className="ck-row-main" {...cellProps}>
        {state.selectionMode && <input className="ck-checkbox" {...checkboxProps} />}
        {renderConversation ? (
          renderConversation(conversation, state)
        ) : (
          <DefaultConversationContent conversation={conversation} now={now} labelID={labelID} />
        )}
      </div>
      {!state.selectionMode && (
        <div className="ck-row-actions" {...actionsCellProps}>
          <button className="ck-row-delete" {...deleteButtonProps}>
            <span className="ck-row-delete-label">{t('delete')}</span>
          </button>
        </div>
      )}
    </div>
  );
});
